package dev.pipewright.lint.schema;

import dev.pipewright.lint.schema.Schema.Def;
import dev.pipewright.lint.schema.Schema.Kind;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a YAML tree against GitHub's schema with the same algorithm as GitHub's template
 * reader, and records for every scalar the contexts an expression there may use.
 */
public final class SchemaChecker {
    /**
     * A schema violation; {@code owner} names the rule that reports it (syntax-check when null),
     * {@code section} the dedicated rule whose subtree it lies in ({@code events} for anything
     * under {@code on:}), null elsewhere.
     */
    public record Problem(
            Pos pos, String message, String owner, String section, boolean ignoredByRunner) {}

    /** What the walk found: problems, and the allowed contexts and definition of each node. */
    public record Result(
            List<Problem> problems,
            Map<YNode, List<String>> contexts,
            Map<YNode, String> definitions) {
        /**
         * Allowed contexts and functions at {@code node}; empty when expressions are not allowed.
         */
        public List<String> contextsAt(YNode node) {
            return contexts.getOrDefault(node, List.of());
        }

        /** The schema definition the node was read with, or null when unknown. */
        public String definitionOf(YNode node) {
            return definitions.get(node);
        }
    }

    /**
     * Subtrees with a dedicated rule. Like actionlint, the rule reports only what is about its
     * subject (an event name, a filter or activity type an event does not take, a permission scope
     * or level); the shape of the section (an unknown key, an empty string, a sequence for a
     * string, a missing key) is syntax-check's, whatever the section.
     */
    private static final Map<String, String> SECTIONS =
            Map.of(
                    "permissions", "permissions",
                    "on-strict", "events",
                    "runs-on", "runner-label");

    /** The event filters actionlint's events rule checks per event. */
    private static final Set<String> EVENT_FILTERS =
            Set.of(
                    "branches",
                    "branches-ignore",
                    "tags",
                    "tags-ignore",
                    "paths",
                    "paths-ignore",
                    "types");

    /** What a problem is about, to tell which rule reports it. */
    private enum About {
        SHAPE,
        UNKNOWN_KEY,
        VALUE,
        CONTEXT
    }

    /**
     * Step keys behind GitHub's disabled "allowBackgroundSteps" feature flag. {@code background}
     * itself is no longer among them: GitHub's newer schema accepts it on a step (its parser's
     * preview mode does too).
     */
    private static final Set<String> BACKGROUND_KEYS = Set.of("wait", "wait-all", "cancel");

    private final Schema schema;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<YNode, List<String>> contexts = new IdentityHashMap<>();
    private final Map<YNode, String> definitions = new IdentityHashMap<>();

    private SchemaChecker(Schema schema) {
        this.schema = schema;
    }

    public static Result check(Schema schema, YNode root) {
        SchemaChecker c = new SchemaChecker(schema);
        c.read(root, schema.root(), List.of(), null, null);
        return new Result(List.copyOf(c.problems), c.contexts, c.definitions);
    }

    private List<String> contextsFor(Def def, List<String> parent) {
        if (def.contexts().isEmpty()) {
            return parent;
        }
        Set<String> all = new LinkedHashSet<>(parent);
        all.addAll(def.contexts());
        return List.copyOf(all);
    }

    /**
     * Reads {@code node} as {@code def}; {@code holder} is the key it is the value of (where a
     * missing key inside it is reported), null for a document or a sequence item.
     */
    private void read(YNode node, Def def, List<String> parentCtx, String section, YScalar holder) {
        List<String> ctx = contextsFor(def, parentCtx);
        String inSection = SECTIONS.getOrDefault(def.name(), section);
        definitions.put(node, def.name());
        if (!ctx.isEmpty()) {
            contexts.put(node, ctx);
        }
        if (node instanceof YScalar s) {
            scalar(s, def, ctx, inSection);
        } else if (node instanceof YSeq seq) {
            List<Def> seqDefs = schema.defsOfKind(def, Kind.SEQUENCE);
            if (seqDefs.isEmpty()) {
                add(
                        seq.pos(),
                        "a sequence is not allowed here; " + expected(def),
                        inSection,
                        About.SHAPE,
                        def.name(),
                        null);
                return;
            }
            Def item = schema.get(seqDefs.get(0).item());
            for (YNode child : seq.items()) {
                read(child, item, ctx, inSection, null);
            }
        } else {
            mapping((YMap) node, def, ctx, inSection, holder);
        }
    }

    private void scalar(YScalar s, Def def, List<String> ctx, String section) {
        if (s.hasExpression()) {
            String use = ctx.isEmpty() ? ContextFreeExpression.firstContextUse(s.value()) : null;
            if (use != null) {
                add(
                        s.pos(),
                        "a ${{ }} expression here may not use "
                                + use
                                + ": GitHub reads"
                                + " this value before any context exists; use a literal value",
                        section,
                        About.CONTEXT,
                        def.name(),
                        null);
            }
            return;
        }
        List<Def> scalars = schema.scalarDefs(def);
        for (Def d : scalars) {
            if (matches(d, s, false)) {
                return;
            }
        }
        if (!s.isString()) {
            for (Def d : scalars) {
                if (matches(d, s, true)) {
                    return;
                }
            }
        }
        String shown = s.isNull() && s.value().isEmpty() ? "null" : "\"" + s.value() + "\"";
        add(
                s.pos(),
                "unexpected value " + shown + "; " + expected(def),
                section,
                About.VALUE,
                def.name(),
                s.value());
    }

    private void add(Pos pos, String message, String section, About about, String def, String key) {
        problems.add(
                new Problem(
                        pos,
                        message,
                        ownerOf(section, about, def, key),
                        section,
                        ignoredByRunner(about, def, key)));
    }

    /**
     * What the runner ignores when it loads an action's metadata: a top-level key it does not know
     * (softprops/action-gh-release has {@code env:}), and a missing {@code name} or {@code
     * description}, which only the Marketplace needs. The schema still rejects them; a linter
     * reports them as warnings, since the action runs.
     */
    private static boolean ignoredByRunner(About about, String def, String key) {
        return def.equals("action-root-strict")
                && (about == About.UNKNOWN_KEY
                        || (about == About.SHAPE
                                && ("name".equals(key) || "description".equals(key))));
    }

    /** The rule that reports a problem of {@code section}; null is syntax-check. */
    private static String ownerOf(String section, About about, String def, String key) {
        if (about == About.CONTEXT) {
            // which contexts a value may use is the expression rule's, as actionlint files it
            return "expression";
        }
        if ("events".equals(section)) {
            boolean event = about == About.UNKNOWN_KEY && def.startsWith("on-mapping");
            boolean filter = about == About.UNKNOWN_KEY && EVENT_FILTERS.contains(key);
            // an unknown event name or activity type; an empty value is the section's shape
            boolean name =
                    about == About.VALUE
                            && key != null
                            && !key.isEmpty()
                            && (def.startsWith("on-") || def.contains("activity"));
            return event || filter || name ? "events" : null;
        }
        if ("permissions".equals(section)) {
            return about == About.UNKNOWN_KEY || about == About.VALUE ? "permissions" : null;
        }
        return null;
    }

    private static boolean matches(Def d, YScalar s, boolean asString) {
        YScalar.Type t = asString ? YScalar.Type.STRING : s.type();
        return switch (d.kind()) {
            case NULL -> t == YScalar.Type.NULL;
            case BOOLEAN -> t == YScalar.Type.BOOL;
            case NUMBER -> t == YScalar.Type.INT || t == YScalar.Type.FLOAT;
            case STRING ->
                    t == YScalar.Type.STRING
                            && (d.constant() != null
                                    ? d.constant().equals(s.value())
                                    : !d.nonEmpty() || !s.value().isEmpty());
            default -> false;
        };
    }

    private void mapping(YMap map, Def def, List<String> ctx, String section, YScalar holder) {
        List<Def> mappings = new ArrayList<>(schema.defsOfKind(def, Kind.MAPPING));
        if (mappings.isEmpty()) {
            add(
                    map.pos(),
                    "a mapping is not allowed here; " + expected(def),
                    section,
                    About.SHAPE,
                    def.name(),
                    null);
            return;
        }
        String kind = actionKind(def, map, mappings);
        Def first = mappings.get(0);
        boolean hasExpressionKey = false;
        // the first key that made this mapping other than the usual kind, the schema's first
        // (with: makes a job a reusable workflow call)
        YScalar narrowedBy = null;
        Set<String> seen = new TreeSet<>();
        for (YMap.Entry e : map.entries()) {
            YScalar key = e.key();
            if (key.hasExpression()) {
                hasExpressionKey = true;
                if (ctx.isEmpty()) {
                    add(
                            key.pos(),
                            "a ${{ }} expression is not allowed in a key here",
                            section,
                            About.SHAPE,
                            def.name(),
                            key.value());
                } else {
                    contexts.put(key, ctx);
                    read(e.value(), schema.get("any"), ctx, section, null);
                }
                continue;
            }
            seen.add(key.value());
            int candidates = mappings.size();
            Schema.Prop prop = matchAndFilter(mappings, key.value());
            if (mappings.size() < candidates
                    && narrowedBy == null
                    && !first.props().containsKey(key.value())) {
                narrowedBy = key;
            }
            if (prop != null && !BACKGROUND_KEYS.contains(key.value())) {
                definitions.put(key, prop.type());
                read(e.value(), schema.get(prop.type()), ctx, section, key);
            } else if (prop == null && first.looseKey() != null) {
                scalar(key, schema.get(first.looseKey()), List.of(), section);
                read(e.value(), schema.get(first.looseValue()), ctx, section, key);
            } else {
                Def expected = mappings.size() == 1 ? mappings.get(0) : first;
                String message = unexpectedKey(key.value(), expected);
                if (kind != null) {
                    message =
                            message.replaceFirst(
                                    "^unexpected key \"([^\"]*)\"",
                                    "key \"$1\" is not allowed in the runs"
                                            + " of "
                                            + kind
                                            + " action");
                }
                add(key.pos(), message, section, About.UNKNOWN_KEY, expected.name(), key.value());
            }
        }
        if (mappings.size() > 1) {
            add(
                    map.pos(),
                    "cannot tell what this mapping is; add one of the keys "
                            + String.join(", ", distinguishing(mappings)),
                    section,
                    About.SHAPE,
                    def.name(),
                    null);
        } else if (!hasExpressionKey) {
            for (Map.Entry<String, Schema.Prop> p : mappings.get(0).props().entrySet()) {
                if (p.getValue().required() && !seen.contains(p.getKey())) {
                    // where actionlint reports it: at the key that chose this kind of mapping
                    // ("with:" needs "uses:"), else at the key holding the mapping ("test:" for a
                    // job without runs-on)
                    add(
                            narrowedBy != null
                                    ? narrowedBy.pos()
                                    : holder == null ? map.pos() : holder.pos(),
                            "required key \""
                                    + p.getKey()
                                    + "\" is missing"
                                    + (holder == null ? "" : " in \"" + holder.value() + "\""),
                            section,
                            About.SHAPE,
                            def.name(),
                            p.getKey());
                }
            }
        }
    }

    /**
     * An action's {@code runs} is one of four mappings, told apart by {@code runs.using}: with a
     * known value, only its kind's keys are allowed (GitHub: "Unexpected value 'steps'" under a
     * node action). Narrows {@code mappings} to that kind and names it for messages ("a
     * composite"); null elsewhere.
     */
    private String actionKind(Def def, YMap map, List<Def> mappings) {
        if (!def.name().replace("-strict", "").equals("runs") || mappings.size() < 2) {
            return null;
        }
        String using = map.scalar("using").filter(YScalar::isString).map(YScalar::value).orElse("");
        String[] kind =
                using.equals("composite")
                        ? new String[] {"composite-runs", "a composite"}
                        : using.equals("docker")
                                ? new String[] {"container-runs", "a Docker container"}
                                : using.matches("node\\d+")
                                        ? new String[] {"node-runs", "a JavaScript (" + using + ")"}
                                        : null;
        if (kind == null
                || mappings.stream()
                        .noneMatch(d -> d.name().replace("-strict", "").equals(kind[0]))) {
            return null;
        }
        mappings.removeIf(d -> !d.name().replace("-strict", "").equals(kind[0]));
        return kind[1];
    }

    private static Schema.Prop matchAndFilter(List<Def> mappings, String key) {
        Schema.Prop result = null;
        boolean missingSomewhere = false;
        for (Def d : mappings) {
            Schema.Prop p = d.props().get(key);
            if (p != null) {
                result = p;
            } else {
                missingSomewhere = true;
            }
        }
        if (result != null && missingSomewhere) {
            mappings.removeIf(d -> !d.props().containsKey(key));
        }
        return result;
    }

    private static List<String> distinguishing(List<Def> mappings) {
        Map<String, Integer> hits = new TreeMap<>();
        for (Def d : mappings) {
            d.props().keySet().forEach(k -> hits.merge(k, 1, Integer::sum));
        }
        List<String> keys = new ArrayList<>();
        hits.forEach(
                (k, n) -> {
                    if (n == 1 && !BACKGROUND_KEYS.contains(k)) {
                        keys.add(k);
                    }
                });
        return keys;
    }

    private static String unexpectedKey(String key, Def def) {
        List<String> known = new ArrayList<>(def.props().keySet());
        known.removeIf(BACKGROUND_KEYS::contains);
        String close = Suggest.closest(key, known);
        if (close != null) {
            return "unexpected key \"" + key + "\"; did you mean \"" + close + "\"?";
        }
        if (known.size() <= 24) {
            return "unexpected key \""
                    + key
                    + "\"; expected one of: "
                    + String.join(", ", new TreeSet<>(known));
        }
        return "unexpected key \"" + key + "\"";
    }

    /** What {@code def} accepts, phrased for a message. */
    String expected(Def def) {
        Set<String> words = new TreeSet<>();
        Set<String> constants = new TreeSet<>();
        collect(def, words, constants, 0);
        List<String> parts = new ArrayList<>();
        if (!constants.isEmpty()) {
            parts.add(
                    constants.size() <= 30
                            ? "one of " + String.join(", ", constants)
                            : "a known value");
        }
        parts.addAll(words);
        return parts.isEmpty()
                ? "nothing is expected here"
                : "expected " + String.join(" or ", parts);
    }

    private void collect(Def def, Set<String> words, Set<String> constants, int depth) {
        switch (def.kind()) {
            case ONE_OF -> {
                if (depth < 4) {
                    def.oneOf().forEach(n -> collect(schema.get(n), words, constants, depth + 1));
                }
            }
            case STRING -> {
                if (def.constant() != null) {
                    constants.add(def.constant());
                } else {
                    words.add(def.nonEmpty() ? "a non-empty string" : "a string");
                }
            }
            case BOOLEAN -> words.add("a boolean");
            case NUMBER -> words.add("a number");
            case NULL -> words.add("null");
            case SEQUENCE -> words.add("a sequence");
            case MAPPING -> words.add("a mapping");
        }
    }
}
