package dev.pipewright.action.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit message parsed by the Conventional Commits 1.0.0 specification: {@code type(scope)!:
 * description}, an optional body, and footers ({@code Token: value} or {@code Token #value}).
 *
 * @param type as written; compare with {@link #typeKey()}, since the spec makes types
 *     case-insensitive
 * @param scope the text between the parentheses, or null
 * @param bang whether the header carries {@code !} before the colon
 * @param body the free-form paragraphs between header and footers, or null
 */
public record ConventionalCommit(
        String type,
        String scope,
        boolean bang,
        String description,
        String body,
        List<Footer> footers) {
    // type: a noun, up to the first space, parenthesis, '!' or ':' (as the reference parser
    // tokenises it).
    private static final Pattern HEADER =
            Pattern.compile("([^\\s():!]+)(?:\\(([^()\\r\\n]+)\\))?(!)?: (.*)");
    // "BREAKING CHANGE" is the one token with a space; others use '-' for whitespace (spec §9,
    // §10).
    private static final Pattern FOOTER =
            Pattern.compile("(BREAKING CHANGE|[A-Za-z0-9][A-Za-z0-9-]*)(: | #)(.*)");
    private static final Pattern ISSUE = Pattern.compile("(?<![\\w/&])#(\\d+)\\b");

    /**
     * One footer.
     *
     * @param separator {@code ":"} or {@code "#"} (git-cliff's notation), the space that goes with
     *     it dropped
     * @param value the rest of the line and any continuation lines, trimmed
     */
    public record Footer(String token, String separator, String value) {
        public Footer {
            Objects.requireNonNull(token, "token == null");
            Objects.requireNonNull(separator, "separator == null");
            Objects.requireNonNull(value, "value == null");
        }

        /**
         * {@code BREAKING CHANGE} or its synonym {@code BREAKING-CHANGE}; the spec requires upper
         * case here.
         */
        public boolean breaking() {
            return token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
        }
    }

    /** The outcome of parsing one message: a commit, or the reason it is not conventional. */
    public record Parsed(ConventionalCommit commit, String error) {
        public boolean conventional() {
            return commit != null;
        }
    }

    public ConventionalCommit {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(description, "description == null");
        footers = List.copyOf(footers);
    }

    /** Parses a full commit message (header, body, footers). */
    public static Parsed parse(String message) {
        String text = message.replace("\r\n", "\n").strip();
        String[] lines = text.split("\n", -1);
        String header = lines[0];
        Matcher h = HEADER.matcher(header);
        if (!h.matches()) {
            return new Parsed(null, headerError(header));
        }
        String description = h.group(4).strip();
        if (description.isEmpty()) {
            return new Parsed(null, "the description after '" + header.strip() + "' is empty");
        }
        // Body and footers: everything after the header. The spec wants a blank line after the
        // header; a message
        // that continues on line 2 is accepted, as git shows such lines as body anyway.
        List<String> rest = new ArrayList<>(List.of(lines).subList(1, lines.length));
        while (!rest.isEmpty() && rest.get(0).isBlank()) {
            rest.remove(0);
        }
        int footerStart = footerStart(rest);
        String body = String.join("\n", rest.subList(0, footerStart)).strip();
        List<Footer> footers = footers(rest.subList(footerStart, rest.size()));
        return new Parsed(
                new ConventionalCommit(
                        h.group(1),
                        h.group(2),
                        h.group(3) != null,
                        description,
                        body.isEmpty() ? null : body,
                        footers),
                null);
    }

    // release-please's additional messages: a paragraph of the body that starts with a header of
    // one of these types.
    private static final Pattern NESTED =
            Pattern.compile(
                    "(?i)(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert|deps)(?:\\([^()\\r\\n]+\\))?!?: \\S.*");

    /**
     * A message with the extra Conventional Commit headers release-please reads: after the commit's
     * own header, each paragraph of the body that begins with {@code type(scope): description} (a
     * known type) starts one more commit, up to the next such paragraph; its indented lines are its
     * footers ({@code BREAKING-CHANGE:} makes it breaking). A non-conventional message has none, as
     * release-please cannot parse it either.
     *
     * @return the message's own commit first, then the additional ones; one non-conventional result
     *     otherwise
     */
    public static List<Parsed> parseAll(String message) {
        String text = message.replace("\r\n", "\n").strip();
        String[] lines = text.split("\n", -1);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 2; i < lines.length; i++) {
            if (lines[i - 1].isBlank() && NESTED.matcher(lines[i]).matches()) {
                starts.add(i);
            }
        }
        Parsed main =
                parse(
                        String.join(
                                "\n",
                                List.of(lines)
                                        .subList(
                                                0,
                                                starts.size() > 1 ? starts.get(1) : lines.length)));
        if (!main.conventional() || starts.size() == 1) {
            return List.of(starts.size() == 1 ? main : parse(text));
        }
        List<Parsed> out = new ArrayList<>(List.of(main));
        for (int k = 1; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.length;
            List<String> part = new ArrayList<>();
            for (int i = starts.get(k); i < end; i++) {
                // The additional message's lines are indented under its header in release-please's
                // examples.
                part.add(i == starts.get(k) ? lines[i] : lines[i].stripLeading());
            }
            Parsed nested = parse(String.join("\n", part));
            if (nested.conventional()) {
                out.add(nested);
            }
        }
        return out;
    }

    private static String headerError(String header) {
        int i = 0;
        while (i < header.length() && "():! \t".indexOf(header.charAt(i)) < 0) {
            i++;
        }
        if (i == 0) {
            return "the header does not start with a type (expected 'type(scope): description')";
        }
        if (i < header.length() && Character.isWhitespace(header.charAt(i))) {
            return "unexpected space at 1:"
                    + (i + 1)
                    + " after the type '"
                    + header.substring(0, i)
                    + "' (expected '(', '!' or ':')";
        }
        if (i == header.length()) {
            return "the header has no ':' after the type '" + header + "'";
        }
        return "the header '"
                + header
                + "' is not 'type(scope)!: description' (a colon and a space must follow"
                + " the type, scope and '!')";
    }

    /**
     * Footers are the trailing paragraphs that each begin with a footer line (or are indented,
     * continuing a value across a blank line): the earliest footer paragraph from which on every
     * paragraph is such. Lines that are not footer lines continue the previous value (spec §8-§10).
     */
    private static int footerStart(List<String> lines) {
        int start = lines.size();
        boolean allFootersSoFar = true;
        // Walk paragraphs from the end.
        int end = lines.size();
        while (end > 0 && allFootersSoFar) {
            int begin = end;
            while (begin > 0 && !lines.get(begin - 1).isBlank()) {
                begin--;
            }
            if (begin < end && FOOTER.matcher(lines.get(begin)).matches()) {
                start = begin;
            } else if (begin < end && !Character.isWhitespace(lines.get(begin).charAt(0))) {
                // An indented paragraph may continue a footer value across a blank line (as git
                // trailers do).
                allFootersSoFar = false;
            }
            end = begin;
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
        }
        return start;
    }

    private static List<Footer> footers(List<String> lines) {
        List<Footer> out = new ArrayList<>();
        String token = null;
        String separator = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            Matcher f = FOOTER.matcher(line);
            if (f.matches()) {
                if (token != null) {
                    out.add(new Footer(token, separator, value.toString().strip()));
                }
                token = f.group(1);
                separator = f.group(2).strip();
                value.setLength(0);
                value.append(f.group(3));
            } else if (token != null) {
                value.append('\n').append(line);
            }
        }
        if (token != null) {
            out.add(new Footer(token, separator, value.toString().strip()));
        }
        return out;
    }

    /**
     * The type in lower case, for grouping: {@code FEAT} and {@code feat} are the same type (spec
     * §15).
     */
    public String typeKey() {
        return type.toLowerCase(Locale.ROOT);
    }

    /** A breaking change: {@code !} in the header or a {@code BREAKING CHANGE:} footer. */
    public boolean breaking() {
        return bang || footers.stream().anyMatch(Footer::breaking);
    }

    /**
     * What breaks: the BREAKING CHANGE footer's text, else the description of a {@code !} commit,
     * else null.
     */
    public String breakingDescription() {
        Optional<Footer> f = footers.stream().filter(Footer::breaking).findFirst();
        if (f.isPresent()) {
            return f.get().value();
        }
        return bang ? description : null;
    }

    /** The first footer with this token, compared case-insensitively (spec §15). */
    public Optional<Footer> footer(String token) {
        return footers.stream().filter(f -> f.token().equalsIgnoreCase(token)).findFirst();
    }

    /**
     * Issue and pull-request numbers referenced in the footers ({@code Refs: #42}, {@code Closes
     * #7}).
     */
    public List<String> references() {
        List<String> refs = new ArrayList<>();
        for (Footer f : footers) {
            if (f.separator().equals("#") && f.value().matches("\\d+")) {
                refs.add(f.value());
                continue;
            }
            Matcher m = ISSUE.matcher(f.value());
            while (m.find()) {
                refs.add(m.group(1));
            }
        }
        return refs;
    }
}
