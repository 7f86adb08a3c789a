package dev.pipewright.action.promote;

import dev.pipewright.action.InputException;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.github.yaml.TextEdits;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML document edited in place: SnakeYAML's node API locates scalars and their exact marks, and
 * {@link TextEdits} replaces only those characters, so comments, quoting, blank lines, key order
 * and anchors stay as the author wrote them.
 */
final class YamlText {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./@+:-]*");
    private static final Pattern PROPERTIES = Pattern.compile("^(?:[&!][^\\s]*\\s+)+");
    private static final Resolver RESOLVER = new Resolver();

    /** One located value: the scalar, the key it belongs to, and the mapping holding both. */
    record Entry(MappingNode parent, ScalarNode key, ScalarNode value) {}

    private final String file;
    private final String text;
    private final Node root;
    private final TextEdits edits;

    private YamlText(String file, String text, Node root) {
        this.file = file;
        this.text = text;
        this.root = root;
        this.edits = new TextEdits(text);
    }

    /** Parses {@code text}; a syntax error is bad input reported as {@code file:line:col}. */
    static YamlText parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            int col = e.getProblemMark() == null ? 1 : e.getProblemMark().getColumn() + 1;
            throw new InputException(
                    file + ":" + line + ":" + col + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InputException(file + ":1: not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InputException(file + ":1: the file is empty");
        }
        requireUniqueKeys(file, root);
        return new YamlText(file, text, root);
    }

    /**
     * Refuses a mapping that names a key twice. The node API keeps both entries (only SnakeYAML's
     * constructor checks), while Helm and kustomize read one of them: the value promote edits might
     * not be the one deployed.
     */
    static void requireUniqueKeys(String file, Node root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue; // an alias: its anchor's node, checked once (and a recursive one ends
                // here)
            }
            if (n instanceof MappingNode m) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k
                            && !k.getTag().equals(Tag.MERGE)
                            && !keys.add(k.getValue())) {
                        throw new InputException(
                                file
                                        + ":"
                                        + line(k)
                                        + ":"
                                        + (k.getStartMark().getColumn() + 1)
                                        + ": key '"
                                        + k.getValue()
                                        + "' is duplicated in this mapping; keep one of the two entries");
                    }
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
    }

    String file() {
        return file;
    }

    Node root() {
        return root;
    }

    /** The node at a dotted path ({@code image.tag}, {@code images.0.name}) or empty. */
    Optional<Node> find(String path) {
        Node n = root;
        for (String seg : path.split("\\.")) {
            if (n instanceof MappingNode m) {
                Optional<NodeTuple> t = tuple(m, seg);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                n = t.get().getValueNode();
            } else if (n instanceof SequenceNode s
                    && seg.matches("\\d+")
                    && Integer.parseInt(seg) < s.getValue().size()) {
                n = s.getValue().get(Integer.parseInt(seg));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    /**
     * The scalar entry at {@code path}, whose last segment must be a mapping key; bad input when
     * absent.
     */
    Optional<Entry> entry(String path) {
        int dot = path.lastIndexOf('.');
        Optional<Node> parent = dot < 0 ? Optional.of(root) : find(path.substring(0, dot));
        if (parent.isEmpty() || !(parent.get() instanceof MappingNode m)) {
            return Optional.empty();
        }
        return entry(m, path.substring(dot + 1), path);
    }

    /** The scalar entry {@code key} of mapping {@code m}; {@code shown} names it in errors. */
    Optional<Entry> entry(MappingNode m, String key, String shown) {
        Optional<NodeTuple> t = tuple(m, key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        ScalarNode k = (ScalarNode) t.get().getKeyNode();
        Node v = t.get().getValueNode();
        if (v.getStartMark().getIndex() < k.getEndMark().getIndex()) {
            throw new InputException(
                    file
                            + ":"
                            + line(k)
                            + ": '"
                            + shown
                            + "' is an alias of the value at line "
                            + line(v)
                            + "; changing it would change every use of that anchor, so point the path at the "
                            + "anchored value or replace the alias with a value");
        }
        if (!(v instanceof ScalarNode s)) {
            throw new InputException(
                    file
                            + ":"
                            + line(v)
                            + ": '"
                            + shown
                            + "' is a "
                            + kind(v)
                            + ", expected a single value");
        }
        return Optional.of(new Entry(m, k, s));
    }

    static Optional<NodeTuple> tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Replaces the scalar's characters with {@code value} written in the scalar's own style. */
    void set(Entry e, String value) {
        ScalarNode s = e.value();
        if (s.getValue().equals(value) && s.getTag().equals(Tag.STR)) {
            return;
        }
        int start = index(s.getStartMark().getIndex());
        int end = index(s.getEndMark().getIndex());
        Matcher props = PROPERTIES.matcher(text.substring(start, end));
        if (props.find()) {
            start += props.end();
        }
        DumperOptions.ScalarStyle style = s.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL
                || style == DumperOptions.ScalarStyle.FOLDED) {
            throw new InputException(
                    file
                            + ":"
                            + line(s)
                            + ": '"
                            + e.key().getValue()
                            + "' is a block scalar ("
                            + (style == DumperOptions.ScalarStyle.LITERAL ? "|" : ">")
                            + "); write it on one line to let "
                            + "promotion update it");
        }
        String rendered = render(value, style);
        if (start == end) {
            // An empty value ("key:" with nothing after it) has no characters to replace.
            rendered =
                    (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) ? " " : "")
                            + rendered;
        }
        add(new TextEdit(start, end, rendered));
    }

    /**
     * Adds {@code key: value} to the block mapping of {@code after}, on a new line right after that
     * entry's line, at its indentation; the value takes the style of {@code after}'s value when
     * that is quoted.
     */
    void insertAfter(Entry after, String key, String value) {
        if (after.parent().getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new InputException(
                    file
                            + ":"
                            + line(after.key())
                            + ": cannot add '"
                            + key
                            + "' to a flow mapping "
                            + "({ … }); write the mapping in block style or add the key yourself");
        }
        int valueEnd = index(after.value().getEndMark().getIndex());
        int eol = text.indexOf('\n', valueEnd);
        String indent = " ".repeat(after.key().getStartMark().getColumn());
        DumperOptions.ScalarStyle style = after.value().getScalarStyle();
        if (style != DumperOptions.ScalarStyle.DOUBLE_QUOTED
                && style != DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            style = DumperOptions.ScalarStyle.PLAIN;
        }
        String line = indent + key + ": " + render(value, style);
        add(
                eol < 0
                        ? TextEdit.insert(text.length(), "\n" + line + "\n")
                        : TextEdit.insert(eol + 1, line + "\n"));
    }

    private void add(TextEdit e) {
        if (!edits.fits(e)) {
            throw new IllegalStateException(file + ": overlapping edits at " + e.start());
        }
        edits.add(e);
    }

    boolean changed() {
        return !edits.isEmpty();
    }

    /**
     * The text with every edit applied; inserts at the same place keep the order they were made in.
     */
    String result() {
        return edits.apply().text();
    }

    /**
     * {@code value} as a scalar of {@code style}; a plain scalar that would not read back as that
     * string is quoted.
     */
    static String render(String value, DumperOptions.ScalarStyle style) {
        if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (style == DumperOptions.ScalarStyle.PLAIN
                && PLAIN_SAFE.matcher(value).matches()
                && !value.contains(": ")
                && RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR)) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** SnakeYAML marks count code points; the text is indexed in chars. */
    private int index(int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    static String kind(Node n) {
        return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "value";
    }
}
