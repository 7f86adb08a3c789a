package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;

/** Branch, tag and path filter patterns: glob syntax, names git allows, patterns that can match. */
@Rule(
        id = "glob",
        summary = "branch, tag and path filters are valid glob patterns that can match something")
public final class GlobRule extends LintRule {
    private static final List<String> REF_FILTERS =
            List.of("branches", "branches-ignore", "tags", "tags-ignore");
    private static final List<String> PATH_FILTERS = List.of("paths", "paths-ignore");

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflow.on()
                .ifPresent(
                        on ->
                                on.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof YMap filters) {
                                                        // "tags: ['!**']" next to "branches" means
                                                        // "no tags": an idiom, not a mistake.
                                                        boolean both =
                                                                filters.get("branches").isPresent()
                                                                        && filters.get("tags")
                                                                                .isPresent();
                                                        REF_FILTERS.forEach(
                                                                f ->
                                                                        filters.get(f)
                                                                                .ifPresent(
                                                                                        n ->
                                                                                                check(
                                                                                                        f,
                                                                                                        Nodes
                                                                                                                .scalars(
                                                                                                                        n),
                                                                                                        true,
                                                                                                        both)));
                                                        PATH_FILTERS.forEach(
                                                                f ->
                                                                        filters.get(f)
                                                                                .ifPresent(
                                                                                        n ->
                                                                                                check(
                                                                                                        f,
                                                                                                        Nodes
                                                                                                                .scalars(
                                                                                                                        n),
                                                                                                        false,
                                                                                                        false)));
                                                    }
                                                }));
    }

    private void check(
            String filter, List<YScalar> patterns, boolean ref, boolean siblingRefFilter) {
        boolean positive = false;
        for (YScalar p : patterns) {
            String v = p.value();
            if (!p.isString() || v.isEmpty()) {
                positive = true;
                continue;
            }
            boolean negated = v.startsWith("!");
            positive |= !negated;
            String body = negated ? v.substring(1) : v;
            if (filter.endsWith("-ignore") && negated) {
                // "ignore everything but X" is "only X": the positive filter lists X itself,
                // without "!"
                report(
                        p.pos(),
                        Severity.WARNING,
                        "\""
                                + filter
                                + "\" does not document \"!\" patterns; to run only for"
                                + " \""
                                + body
                                + "\", use \""
                                + filter.replace("-ignore", "")
                                + ": ["
                                + body
                                + "]\" instead, or list"
                                + " the patterns to ignore without \"!\"");
                continue;
            }
            Flaw err = syntax(body);
            if (err == null && ref) {
                err = refError(body);
            }
            if (err == null && !ref && !body.equals(body.strip())) {
                // file paths never start or end with blanks here: the pattern matches nothing
                err =
                        new Flaw(
                                "starts or ends with spaces, which no path in the repository does; remove them",
                                body.startsWith(" ") ? 0 : body.length() - 1);
            }
            if (err == null && !ref && (body.startsWith("./") || body.startsWith("/"))) {
                err =
                        new Flaw(
                                "starts with \""
                                        + (body.startsWith("/") ? "/" : "./")
                                        + "\", but paths are matched relative to the"
                                        + " repository root without it, so it never matches",
                                0);
            }
            int close = err == null ? singleCharacterClass(body) : -1;
            if (err != null) {
                report(
                        at(p, err.at() + (negated ? 1 : 0)),
                        "pattern \"" + v + "\" in \"" + filter + "\" " + err.message());
            } else if (close >= 0) {
                report(
                        at(p, close + (negated ? 1 : 0)),
                        Severity.WARNING,
                        "pattern \""
                                + v
                                + "\" in \""
                                + filter
                                + "\" has the character class \""
                                + body.substring(close - 2, close + 1)
                                + "\" of one character; write \""
                                + body.charAt(close - 1)
                                + "\" instead");
            } else if (ref && body.startsWith("refs/")) {
                report(
                        p.pos(),
                        Severity.WARNING,
                        "pattern \""
                                + v
                                + "\" in \""
                                + filter
                                + "\" starts with \"refs/\", but"
                                + " GitHub matches short names such as \"main\" or \"v1.*\"");
            }
        }
        if (!positive && !patterns.isEmpty() && !filter.endsWith("-ignore") && !siblingRefFilter) {
            report(
                    patterns.get(0),
                    "every pattern in \""
                            + filter
                            + "\" starts with \"!\", so nothing matches; add a"
                            + " positive pattern such as \"**\" first");
        }
    }

    /** What is wrong with a pattern, and the index of the character in the pattern it is at. */
    private record Flaw(String message, int at) {}

    /**
     * Where the character at {@code index} of the pattern's value is in the file, as actionlint
     * reports it; the pattern's start when escapes or line breaks make the columns differ.
     */
    private static Pos at(YScalar p, int index) {
        boolean oneLine = p.pos().line() == p.end().line();
        return switch (p.style()) {
            case PLAIN -> oneLine ? p.pos().plusCols(index) : p.pos();
            case SINGLE_QUOTED ->
                    oneLine && p.value().indexOf('\'') < 0 ? p.pos().plusCols(index + 1) : p.pos();
            default -> p.pos();
        };
    }

    private static Flaw syntax(String body) {
        if (body.isEmpty()) {
            return new Flaw("is empty after \"!\"", -1);
        }
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '+'
                    && open < 0
                    && i > 0
                    && "*?".indexOf(body.charAt(i - 1)) >= 0
                    && (i < 2 || body.charAt(i - 2) != '\\')) {
                // GitHub's "+" repeats the character before it; after "*" or "?" there is no
                // character to repeat (actionlint: "the preceding character must not be special")
                return new Flaw(
                        "has \"+\" after \""
                                + body.charAt(i - 1)
                                + "\"; \"+\" repeats a plain character, so remove it or escape"
                                + " it as \"\\+\"",
                        i);
            } else if (c == '[' && open < 0) {
                open = i;
            } else if (c == ']' && open >= 0) {
                if (i == open + 1) {
                    return new Flaw("has an empty character class \"[]\"", i);
                }
                open = -1;
            } else if (open >= 0
                    && c == '-'
                    && i > open + 1
                    && i + 1 < body.length()
                    && body.charAt(i + 1) != ']'
                    && body.charAt(i - 1) > body.charAt(i + 1)) {
                // git's and GitHub's matchers take no reversed range: [9-0] matches nothing
                return new Flaw(
                        "has the range \""
                                + body.substring(i - 1, i + 2)
                                + "\", whose start comes after its end, so it matches nothing",
                        i + 1);
            }
        }
        return open >= 0
                ? new Flaw(
                        "has \"[\" at offset " + open + " without a closing \"]\"",
                        body.length() - 1)
                : null;
    }

    /** The index of the "]" closing a class of one plain character ({@code [x]}), or -1. */
    private static int singleCharacterClass(String body) {
        for (int i = 2; i < body.length(); i++) {
            if (body.charAt(i) == ']'
                    && body.charAt(i - 2) == '['
                    && "\\!^-]".indexOf(body.charAt(i - 1)) < 0
                    && (i < 3 || body.charAt(i - 3) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    private static Flaw refError(String body) {
        if (body.contains(" ")) {
            return new Flaw(
                    "contains a space, which git does not allow in ref names", body.indexOf(' '));
        }
        for (char c : new char[] {'~', '^', ':', '\\'}) {
            if (body.indexOf(c) >= 0 && !(c == '\\' && body.matches(".*\\\\[*?+\\[\\]!].*"))) {
                return new Flaw(
                        "contains \"" + c + "\", which git does not allow in ref names",
                        body.indexOf(c));
            }
        }
        if (body.contains("..")) {
            return new Flaw(
                    "contains \"..\", which git does not allow in ref names", body.indexOf(".."));
        }
        return null;
    }
}
