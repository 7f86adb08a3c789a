package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements files ({@code requirements*.txt}, {@code *requirements.txt}, {@code
 * constraints*.txt}): a pin ({@code ==}/{@code ===}) gives a version, {@code --hash} options give
 * hashes; anything unpinned is listed without a version and reported. Backslash continuations and
 * {@code #} comments as pip reads them.
 */
public final class RequirementsCataloger implements Cataloger {
    private static final Pattern REQ =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*(.*)");
    private static final Pattern PIN = Pattern.compile("^===?\\s*([^\\s,;]+)\\s*$");
    private static final Pattern HASH = Pattern.compile("--hash[=\\s]\\s*(\\S+)");

    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        return n.endsWith(".txt")
                && (n.startsWith("requirements")
                        || n.endsWith("requirements.txt")
                        || n.startsWith("constraints")
                        || relative.contains("requirements/"));
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        List<String> lines = Readers.lines(file, display);
        for (int i = 0; i < lines.size(); i++) {
            int first = i + 1;
            StringBuilder logical = new StringBuilder();
            String line = lines.get(i);
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                logical.append(line, 0, line.length() - 1).append(' ');
                line = lines.get(++i);
            }
            logical.append(line);
            String text = stripComment(logical.toString()).trim();
            if (text.isEmpty() || text.startsWith("-")) {
                continue; // options: -r, -c, -e, --index-url …
            }
            SortedMap<String, SortedSet<String>> hashes = Hashes.none();
            Matcher hm = HASH.matcher(text);
            while (hm.find()) {
                Hashes.addPrefixed(hashes, hm.group(1));
            }
            String spec = text.replaceAll("--hash[=\\s]\\s*\\S+", "").trim();
            int semi = spec.indexOf(';');
            String req = (semi >= 0 ? spec.substring(0, semi) : spec).trim();
            if (req.contains("://") || req.contains(" @ ")) {
                catalog.unresolved(
                        display
                                + ":"
                                + first
                                + ": "
                                + req
                                + " is a direct URL, not a registry version");
                continue;
            }
            Matcher m = REQ.matcher(req);
            if (!m.matches()) {
                throw new LockfileException(display, first, "not a requirement: '" + text + "'");
            }
            Matcher pin = PIN.matcher(m.group(3).trim());
            String version = pin.matches() && !pin.group(1).contains("*") ? pin.group(1) : null;
            if (version == null) {
                catalog.unresolved(
                        display
                                + ":"
                                + first
                                + ": "
                                + Python.normalize(m.group(1))
                                + " is not pinned ("
                                + (m.group(3).isBlank() ? "no version" : m.group(3).trim())
                                + ")");
            }
            catalog.direct(
                    catalog.add(Python.component(m.group(1), version, hashes, false, display)));
        }
    }

    private static String stripComment(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
