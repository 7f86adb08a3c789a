package dev.pipewright.spec;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a spec's YAML into nodes. SnakeYAML's composer enforces its nesting and alias limits with
 * exceptions that carry no position, so the events are walked first and a limit is reported where
 * it is crossed; a recursive alias (which would make the tree infinite) is refused the same way.
 */
final class SpecYaml {
    /** Far deeper than a spec needs (four levels); SnakeYAML's own default is 50. */
    static final int MAX_DEPTH = 50;

    /** SnakeYAML's default limit of aliases to collections, applied to every alias. */
    static final int MAX_ALIASES = 50;

    /** Values a spec may expand to through aliases. */
    static final long MAX_NODES = 100_000;

    /** A spec is a page of text; a megabyte is not one. */
    static final int MAX_CODE_POINTS = 1024 * 1024;

    private SpecYaml() {}

    /**
     * The document's root node, or null for an empty file; bad input is a {@link
     * SpecLoader.SpecException}.
     */
    static Node compose(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(MAX_ALIASES + 1);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Yaml yaml = new Yaml(options);
        try {
            check(yaml.parse(new StringReader(text)), display);
            return yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw located(
                    display,
                    m,
                    "not valid YAML: " + firstLine(problem) + "; fix the syntax at this place");
        } catch (ReaderException e) {
            throw new SpecLoader.SpecException(
                    List.of(
                            at(display, text, e.getPosition())
                                    + String.format(
                                            "control character U+%04X is not allowed in YAML; delete it, or write it as \"\\x%02X\" inside"
                                                    + " double quotes",
                                            e.getCodePoint(), e.getCodePoint() & 0xff)));
        } catch (YAMLException e) {
            // the limits checked above come first; what is left (the size limit) has no better
            // place than the top
            throw new SpecLoader.SpecException(
                    List.of(
                            display
                                    + ":1:1: could not read the YAML: "
                                    + firstLine(e.getMessage())
                                    + "; a pipewright.yml is a short file of plain keys and values"));
        }
    }

    private static void check(Iterable<Event> events, String display) {
        int depth = 0;
        int aliases = 0;
        // anchors of the collections being read: an alias to one of them is the collection inside
        // itself
        Deque<String> open = new ArrayDeque<>();
        Set<String> openSet = new HashSet<>();
        for (Event e : events) {
            if (e instanceof CollectionStartEvent c) {
                if (++depth > MAX_DEPTH) {
                    throw located(
                            display,
                            e.getStartMark(),
                            "lists and mappings nest more than "
                                    + MAX_DEPTH
                                    + " levels deep here; a pipewright.yml needs four at most");
                }
                String anchor = c.getAnchor() == null ? "" : c.getAnchor();
                open.push(anchor);
                openSet.add(anchor);
            } else if (e instanceof CollectionEndEvent) {
                depth--;
                openSet.remove(open.pop());
            } else if (e instanceof AliasEvent a) {
                if (++aliases > MAX_ALIASES) {
                    throw located(
                            display,
                            e.getStartMark(),
                            "more than "
                                    + MAX_ALIASES
                                    + " aliases; write the values out instead (a spec this size needs none)");
                }
                if (openSet.contains(a.getAnchor())) {
                    throw located(
                            display,
                            e.getStartMark(),
                            "alias *"
                                    + a.getAnchor()
                                    + " refers to the list or mapping that contains it, which never ends; refer to a finished one");
                }
            }
        }
    }

    static SpecLoader.SpecException located(String display, Mark m, String message) {
        int line = m == null ? 1 : m.getLine() + 1;
        int col = m == null ? 1 : m.getColumn() + 1;
        return new SpecLoader.SpecException(
                List.of(display + ":" + line + ":" + col + ": " + message));
    }

    /** {@code display:line:col: } of a code-point index into {@code text}. */
    private static String at(String display, String text, int codePointIndex) {
        int line = 1;
        int col = 1;
        int i = 0;
        for (int cp = 0; cp < codePointIndex && i < text.length(); cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return display + ":" + line + ":" + col + ": ";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
