package dev.pipewright.lint.yaml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into position-carrying {@link YNode}s with SnakeYAML's node API, reporting syntax
 * errors, duplicate keys (case-insensitively, as GitHub compares them) and alias bombs.
 */
public final class YamlLoader {
    /** Nodes a document may expand to through aliases before we refuse it. */
    static final long MAX_EXPANDED_NODES = 200_000;

    /** Largest file we read; real workflows are far below (the corpus maximum is ~100 KB). */
    static final int CODE_POINT_LIMIT = 4 * 1024 * 1024;

    static final int MAX_ALIASES = 100;
    static final int MAX_DEPTH = 100;

    /**
     * Tags every plain scalar without an explicit tag with a marker instead of trying YAML 1.1's
     * regexes on it; {@link CoreSchema} then types it the YAML 1.2 way. SnakeYAML's resolver was
     * half the cost of reading a file.
     */
    private static final class PlainMarker extends Resolver {
        static final Tag PLAIN = new Tag("tag:pipewright.dev,2026:plain");

        @Override
        protected void addImplicitResolvers() {}

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }
    }

    private static final Resolver RESOLVER = new PlainMarker();

    /** Loads every document of {@code text}; never throws for bad input. */
    public YamlFile load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // The composer alone: Yaml's constructor and representer are not needed to read nodes.
        AliasMarks aliases =
                new AliasMarks(new ParserImpl(new StreamReader(new StringReader(text)), options));
        Composer composer = new Composer(aliases, RESOLVER, options);
        List<YNode> docs = new ArrayList<>();
        List<YamlProblem> problems = new ArrayList<>();
        boolean fatal = false;
        try {
            while (composer.checkNode()) {
                aliases.marks.clear();
                Node node = composer.getNode();
                Converter c = new Converter(problems, new ArrayDeque<>(aliases.marks));
                YNode doc = c.convert(node);
                if (c.expanded > MAX_EXPANDED_NODES) {
                    problems.add(
                            new YamlProblem(
                                    pos(node.getStartMark()),
                                    "aliases expand this document to more than "
                                            + MAX_EXPANDED_NODES
                                            + " nodes; refusing to read it (a \"billion laughs\" alias bomb?)"));
                    fatal = true;
                    break;
                }
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new YamlProblem(m == null ? Pos.START : pos(m), message(e)));
            fatal = true;
        } catch (YAMLException e) {
            problems.add(
                    new YamlProblem(
                            Pos.START, "could not read YAML: " + firstLine(e.getMessage())));
            fatal = true;
        } catch (StackOverflowError e) {
            problems.add(new YamlProblem(Pos.START, "could not read YAML: nesting too deep"));
            fatal = true;
        }
        return new YamlFile(docs, problems, fatal);
    }

    private static String message(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        String msg = context == null ? problem : context + ": " + problem;
        return "could not parse as YAML: " + firstLine(msg).replace('\t', ' ');
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static Pos pos(Mark m) {
        return new Pos(m.getLine() + 1, m.getColumn() + 1);
    }

    /**
     * The parser as the composer reads it, keeping where each alias stands: the composer replaces
     * an alias by the anchored node, but a finding on a value reached through an alias belongs at
     * the alias (as GitHub and actionlint report it), not at the anchor.
     */
    private static final class AliasMarks implements Parser {
        private final Parser parser;
        final List<Mark[]> marks = new ArrayList<>();

        AliasMarks(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = parser.getEvent();
            if (e instanceof AliasEvent) {
                marks.add(new Mark[] {e.getStartMark(), e.getEndMark()});
            }
            return e;
        }
    }

    /**
     * Converts one document; shares the result of aliased nodes instead of copying them. Only
     * anchored nodes can be reached twice (an alias is the anchored node itself), so only they are
     * remembered, by identity.
     */
    private final class Converter {
        private final Map<Node, YNode> done = new IdentityHashMap<>();
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        private final Map<Node, Boolean> active = new IdentityHashMap<>();
        private final List<YamlProblem> problems;
        long expanded;

        /** The number of nodes the last converted node expands to, aliases counted in full. */
        private long lastSize;

        /**
         * The aliases of the document in source order. The walk below visits nodes in source order
         * too and meets an anchored node a second time exactly where an alias stands, so the next
         * mark is that alias's place.
         */
        private final ArrayDeque<Mark[]> aliasMarks;

        Converter(List<YamlProblem> problems, ArrayDeque<Mark[]> aliasMarks) {
            this.problems = problems;
            this.aliasMarks = aliasMarks;
        }

        /**
         * The node an alias stands for, placed at the alias; a collection's entries stay where the
         * anchor wrote them.
         */
        private YNode atAlias(YNode node) {
            Mark[] m = aliasMarks.poll();
            if (m == null) {
                return node;
            }
            Pos at = pos(m[0]);
            if (node instanceof YScalar s) {
                return new YScalar(
                        s.value(),
                        s.type(),
                        s.isBlock() ? YScalar.Style.PLAIN : s.style(),
                        at,
                        pos(m[1]));
            }
            return node instanceof YSeq q
                    ? new YSeq(q.items(), at)
                    : new YMap(((YMap) node).entries(), at);
        }

        YNode convert(Node node) {
            YNode y = node(node);
            expanded = lastSize;
            return y;
        }

        private YNode node(Node node) {
            boolean anchored = node.getAnchor() != null;
            if (anchored) {
                YNode cached = done.get(node);
                if (cached != null) {
                    lastSize = sizes.get(node);
                    return atAlias(cached);
                }
                if (active.containsKey(node)) {
                    aliasMarks.poll();
                    problems.add(
                            new YamlProblem(
                                    pos(node.getStartMark()), "recursive alias is not allowed"));
                    lastSize = 1;
                    return new YScalar(
                            "",
                            YScalar.Type.NULL,
                            YScalar.Style.PLAIN,
                            pos(node.getStartMark()),
                            pos(node.getEndMark()));
                }
                active.put(node, Boolean.TRUE);
            }
            YNode result;
            long size = 1;
            if (node instanceof ScalarNode s) {
                result = scalar(s);
            } else if (node instanceof SequenceNode s) {
                List<YNode> items = new ArrayList<>(s.getValue().size());
                for (Node child : s.getValue()) {
                    items.add(node(child));
                    size = saturatingAdd(size, lastSize);
                }
                result = new YSeq(items, pos(s.getStartMark()));
            } else {
                MappingNode m = (MappingNode) node;
                List<YMap.Entry> entries = new ArrayList<>(m.getValue().size());
                Map<String, YScalar> seen = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    YNode key = node(t.getKeyNode());
                    YNode value = node(t.getValueNode());
                    size = saturatingAdd(size, lastSize);
                    if (!(key instanceof YScalar k)) {
                        problems.add(
                                new YamlProblem(
                                        key.pos(),
                                        "a mapping key must be a scalar, not a " + key.kindName()));
                        continue;
                    }
                    YScalar first = seen.putIfAbsent(k.value().toUpperCase(Locale.ROOT), k);
                    if (first != null) {
                        problems.add(
                                new YamlProblem(
                                        k.pos(),
                                        "key \""
                                                + k.value()
                                                + "\" is duplicated in this mapping;"
                                                + " it was first defined"
                                                + (first.value().equals(k.value())
                                                        ? ""
                                                        : " as \"" + first.value() + "\"")
                                                + " at line "
                                                + first.pos().line()
                                                + ", column "
                                                + first.pos().col()
                                                + " (GitHub compares keys case-insensitively)"));
                        continue;
                    }
                    entries.add(new YMap.Entry(k, value));
                }
                result = new YMap(entries, pos(m.getStartMark()));
            }
            if (anchored) {
                active.remove(node);
                done.put(node, result);
                sizes.put(node, size);
            }
            lastSize = size;
            return result;
        }

        private YScalar scalar(ScalarNode s) {
            YScalar.Style style =
                    switch (s.getScalarStyle()) {
                        case SINGLE_QUOTED -> YScalar.Style.SINGLE_QUOTED;
                        case DOUBLE_QUOTED -> YScalar.Style.DOUBLE_QUOTED;
                        case LITERAL -> YScalar.Style.LITERAL;
                        case FOLDED -> YScalar.Style.FOLDED;
                        default -> YScalar.Style.PLAIN;
                    };
            checkTag(s, style);
            YScalar.Type type = YScalar.Type.STRING;
            if (style == YScalar.Style.PLAIN) {
                type =
                        s.getTag().equals(PlainMarker.PLAIN)
                                ? CoreSchema.resolve(s.getValue())
                                : explicit(s.getTag(), s.getValue());
            } else if (!s.getTag().equals(Tag.STR)) {
                type = explicit(s.getTag(), s.getValue());
            }
            return new YScalar(
                    s.getValue(), type, style, pos(s.getStartMark()), pos(s.getEndMark()));
        }

        /**
         * GitHub reads an explicit tag only of the core schema ({@code !!str}, {@code !!int},
         * {@code !!float}, {@code !!bool}, {@code !!null}), on a plain scalar of that type (a float
         * may be written as an integer), and rejects the file otherwise ("Unexpected tag", "The
         * value ... is invalid for the type", "The scalar style ... is not valid with the tag").
         */
        private void checkTag(ScalarNode s, YScalar.Style style) {
            Tag tag = s.getTag();
            if (tag.equals(PlainMarker.PLAIN)
                    || tag.equals(Tag.STR)
                    || tag.getValue().equals("!")) {
                return;
            }
            String shown =
                    tag.getValue().startsWith(Tag.PREFIX)
                            ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
                            : tag.getValue();
            YScalar.Type wanted =
                    tag.equals(Tag.NULL)
                            ? YScalar.Type.NULL
                            : tag.equals(Tag.BOOL)
                                    ? YScalar.Type.BOOL
                                    : tag.equals(Tag.INT)
                                            ? YScalar.Type.INT
                                            : tag.equals(Tag.FLOAT) ? YScalar.Type.FLOAT : null;
            Pos at = pos(s.getStartMark());
            if (wanted == null) {
                problems.add(
                        new YamlProblem(
                                at,
                                "GitHub does not read the tag "
                                        + shown
                                        + "; only !!str, !!int, !!float,"
                                        + " !!bool and !!null may be written, so remove it"));
            } else if (style != YScalar.Style.PLAIN) {
                problems.add(
                        new YamlProblem(
                                at,
                                "a quoted or block value cannot have the tag "
                                        + shown
                                        + "; remove the quotes or the tag"));
            } else {
                YScalar.Type is = CoreSchema.resolve(s.getValue());
                if (is != wanted && !(wanted == YScalar.Type.FLOAT && is == YScalar.Type.INT)) {
                    problems.add(
                            new YamlProblem(
                                    at,
                                    "\""
                                            + s.getValue()
                                            + "\" is not a valid "
                                            + shown
                                            + " value; fix the value or remove the tag"));
                }
            }
        }

        private YScalar.Type explicit(Tag tag, String value) {
            if (tag.equals(Tag.NULL)) {
                return YScalar.Type.NULL;
            } else if (tag.equals(Tag.BOOL)) {
                return YScalar.Type.BOOL;
            } else if (tag.equals(Tag.INT)) {
                return YScalar.Type.INT;
            } else if (tag.equals(Tag.FLOAT)) {
                return YScalar.Type.FLOAT;
            }
            return tag.equals(Tag.STR) ? YScalar.Type.STRING : CoreSchema.resolve(value);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
    }
}
