package dev.pipewright.lint.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the Java data tables in {@code dev.pipewright.lint.data} from the committed sources in
 * {@code linter/src/main/data}; run through {@code GeneratedTablesTest}.
 */
public final class TableGenerator {
    static final String PKG = "dev.pipewright.lint.data";
    /** Tables of GitHub's rules that the generator uses too live in the github module. */
    public static final String CORE_PKG = "dev.pipewright.github";
    /** The generated classes that go to {@link #CORE_PKG}. */
    public static final Set<String> CORE = Set.of("ContextAvailability", "PermissionScopes", "WebhookEvents");
    static final String REGEN = "mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;

    public TableGenerator(Path dataDir) {
        this.data = dataDir;
    }

    /** Every generated file: simple class name to Java source. */
    public Map<String, String> generate() throws IOException {
        Map<String, String> out = new TreeMap<>();
        // GitHub's schemas are kept once, at the repository top, for the generator and the linter alike
        Path schemas = data.resolve("../../../../schemas/github").normalize();
        JsonNode workflow = JSON.readTree(schemas.resolve("workflow-v1.0.json").toFile());
        JsonNode action = JSON.readTree(schemas.resolve("action-v1.0.json").toFile());
        // the workflow's contexts per definition go to ContextAvailability, read by the generator too
        out.put("WorkflowSchemaTable", schemaTable("WorkflowSchemaTable", WORKFLOW_SCHEMA, workflow, false));
        out.put("ActionSchemaTable", schemaTable("ActionSchemaTable", ACTION_SCHEMA, action, true));
        out.put("ContextAvailability", contexts(workflow));
        out.put("PermissionScopes", permissions(workflow));
        out.put("WebhookEvents", events(workflow));
        out.put("RunnerLabels", runnerLabels());
        out.put("PopularActions", popularActions());
        return out;
    }

    private static final String WORKFLOW_SCHEMA = "schemas/github/workflow-v1.0.json";
    private static final String ACTION_SCHEMA = "schemas/github/action-v1.0.json";

    /** source: a path relative to the repository root, or to linter/src/main/data when it has no folder. */
    private static String header(String source, String date) {
        return header(source, date, PKG);
    }

    private static String header(String source, String date, String pkg) {
        String path = source.startsWith("schemas/") ? source : "linter/src/main/data/" + source;
        return "// Generated from " + path + " (" + date + ") by TableGenerator"
                + " \u2014 do not edit.\n// Regenerate: " + REGEN + "\npackage " + pkg + ";\n\n";
    }

    private static final String SCHEMA_DATE = "@actions/workflow-parser 0.3.61, copied 2026-11-22";

    /**
     * One line per definition: {@code name TAB kind TAB contexts TAB payload}; descriptions dropped.
     * Kinds: mapping (payload {@code key=type[!],...;looseKey;looseValue}), sequence (item type),
     * one-of (types), string ({@code const=X}, {@code nonempty} or empty), allowed (values),
     * boolean, number, null.
     */
    static String schemaTable(String cls, String source, JsonNode schema, boolean withContexts) {
        StringBuilder sb = new StringBuilder(header(source, SCHEMA_DATE));
        sb.append("/** GitHub's ").append(cls.startsWith("Action") ? "action.yml" : "workflow")
                .append(" schema definitions in a compact line format read by {@code Schema}. */\n");
        sb.append("public final class ").append(cls).append(" {\n    private ").append(cls).append("() {}\n\n");
        sb.append(withContexts ? "    /** Definitions: name, kind, allowed contexts, payload; tab separated. */\n"
                : "    /** Definitions: name, kind, (contexts: see {@code ContextAvailability}), payload; tab separated. */\n");
        sb.append("    public static final String[] DEFINITIONS = {\n");
        Iterator<Map.Entry<String, JsonNode>> it = schema.get("definitions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append("        ").append(quote(line(e.getKey(), e.getValue(), withContexts))).append(",\n");
        }
        sb.append("    };\n}\n");
        return sb.toString();
    }

    private static String line(String name, JsonNode def, boolean withContexts) {
        List<String> ctx = new ArrayList<>();
        if (withContexts) {
            def.path("context").forEach(c -> ctx.add(c.asText()));
        }
        String kind;
        String payload;
        if (def.has("mapping")) {
            kind = "mapping";
            JsonNode m = def.get("mapping");
            List<String> props = new ArrayList<>();
            m.path("properties").fields().forEachRemaining(p -> {
                JsonNode v = p.getValue();
                String type = v.isTextual() ? v.asText() : v.path("type").asText("any");
                boolean req = v.path("required").asBoolean(false);
                props.add(p.getKey() + "=" + type + (req ? "!" : ""));
            });
            payload = String.join(",", props) + ";" + m.path("loose-key-type").asText("") + ";"
                    + m.path("loose-value-type").asText("");
        } else if (def.has("sequence")) {
            kind = "sequence";
            payload = def.get("sequence").path("item-type").asText("any");
        } else if (def.has("one-of")) {
            kind = "one-of";
            payload = join(def.get("one-of"));
        } else if (def.has("string")) {
            kind = "string";
            JsonNode s = def.get("string");
            payload = s.has("constant") ? "const=" + s.get("constant").asText()
                    : s.path("require-non-empty").asBoolean(false) ? "nonempty" : "";
        } else if (def.has("allowed-values")) {
            kind = "allowed";
            payload = join(def.get("allowed-values"));
        } else if (def.has("boolean")) {
            kind = "boolean";
            payload = "";
        } else if (def.has("number")) {
            kind = "number";
            payload = "";
        } else if (def.has("null")) {
            kind = "null";
            payload = "";
        } else {
            throw new IllegalArgumentException("definition " + name + " has no known kind: " + def);
        }
        return name + "\t" + kind + "\t" + String.join(",", ctx) + "\t" + payload;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(",", parts);
    }

    /**
     * The contexts (and functions, as {@code name(min,max)}) an expression may use, per definition of the workflow
     * schema that lists them: the one table of availability for the generator's validation and the linter's schema.
     */
    static String contexts(JsonNode schema) {
        StringBuilder sb = new StringBuilder(header(WORKFLOW_SCHEMA, SCHEMA_DATE, CORE_PKG));
        sb.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Set;\n\n");
        sb.append("/** Which contexts and functions GitHub allows in expressions at each key of a workflow. */\n");
        sb.append("public final class ContextAvailability {\n    private ContextAvailability() {}\n\n");
        sb.append("    /**\n     * Schema definition name to what its expressions may use, in the schema's order: context names, and"
                + " functions\n     * as {@code name(min,max)}. A definition that is not here adds none: its values use what the enclosing"
                + " one allows.\n     */\n");
        sb.append("    public static final Map<String, List<String>> BY_DEFINITION = Map.ofEntries(\n");
        List<String> rows = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        schema.get("definitions").fields().forEachRemaining(e -> {
            List<String> ctx = new ArrayList<>();
            e.getValue().path("context").forEach(c -> ctx.add(c.asText()));
            if (!ctx.isEmpty()) {
                rows.add("            Map.entry(" + quote(e.getKey()) + ", List.of(" + quoteAll(ctx) + "))");
                ctx.stream().filter(c -> !c.contains("(")).forEach(names::add);
            }
        });
        sb.append(String.join(",\n", rows)).append(");\n\n");
        sb.append("    /** Every context a workflow expression can use at some key, sorted. */\n");
        sb.append("    public static final Set<String> CONTEXTS = Set.of(").append(quoteAll(List.copyOf(names)))
                .append(");\n\n");
        sb.append("    /** The context names (not functions) listed at {@code definition}, a key of {@link #BY_DEFINITION}. */\n");
        sb.append("    public static Set<String> contexts(String definition) {\n");
        sb.append("        List<String> all = BY_DEFINITION.get(definition);\n");
        sb.append("        if (all == null) {\n");
        sb.append("            throw new IllegalArgumentException(\"no workflow schema definition with contexts named \" + definition);\n");
        sb.append("        }\n");
        sb.append("        return Set.copyOf(all.stream().filter(c -> c.indexOf('(') < 0).toList());\n    }\n}\n");
        return sb.toString();
    }

    static String permissions(JsonNode schema) {
        JsonNode defs = schema.get("definitions");
        StringBuilder sb = new StringBuilder(header(WORKFLOW_SCHEMA, SCHEMA_DATE, CORE_PKG));
        sb.append("import java.util.Map;\nimport java.util.Set;\n\n");
        sb.append("/** The GITHUB_TOKEN permission scopes and the levels each accepts. */\n");
        sb.append("public final class PermissionScopes {\n    private PermissionScopes() {}\n\n");
        sb.append("    /** Scope name to its allowed levels. */\n");
        sb.append("    public static final Map<String, Set<String>> SCOPES = Map.ofEntries(\n");
        List<String> rows = new ArrayList<>();
        defs.get("permissions-mapping").get("mapping").get("properties").fields().forEachRemaining(p -> {
            JsonNode v = p.getValue();
            String type = v.isTextual() ? v.asText() : v.get("type").asText();
            List<String> levels = new ArrayList<>();
            collectConstants(defs, type, levels);
            rows.add("            Map.entry(" + quote(p.getKey()) + ", Set.of(" + quoteAll(levels) + "))");
        });
        sb.append(String.join(",\n", rows)).append(");\n}\n");
        return sb.toString();
    }

    private static void collectConstants(JsonNode defs, String type, List<String> out) {
        JsonNode d = defs.get(type);
        if (d.has("one-of")) {
            d.get("one-of").forEach(t -> collectConstants(defs, t.asText(), out));
        } else if (d.has("string") && d.get("string").has("constant")) {
            out.add(d.get("string").get("constant").asText());
        } else if (d.has("allowed-values")) {
            d.get("allowed-values").forEach(v -> out.add(v.asText()));
        }
    }

    static String events(JsonNode schema) {
        JsonNode defs = schema.get("definitions");
        StringBuilder sb = new StringBuilder(header(WORKFLOW_SCHEMA, SCHEMA_DATE, CORE_PKG));
        sb.append("import java.util.List;\nimport java.util.Map;\n\n");
        sb.append("/** Webhook events that trigger workflows, with their activity types and filters. */\n");
        sb.append("public final class WebhookEvents {\n    private WebhookEvents() {}\n\n");
        sb.append("    /**\n     * One event: activity types (empty when it has none), filter keys it accepts, and every key its"
                + " configuration\n     * may have (types included; for schedule, the keys of each entry).\n     */\n");
        sb.append("    public record Event(List<String> types, List<String> filters, List<String> keys) {}\n\n");
        sb.append("    /** Event name to its description, in the schema's order. */\n");
        sb.append("    public static final Map<String, Event> EVENTS = Map.ofEntries(\n");
        List<String> rows = new ArrayList<>();
        defs.get("on-mapping-strict").get("mapping").get("properties").fields().forEachRemaining(p -> {
            JsonNode v = p.getValue();
            String type = v.isTextual() ? v.asText() : v.get("type").asText();
            Map<String, String> props = new LinkedHashMap<>();
            collectMappingProps(defs, type, props);
            List<String> types = new ArrayList<>();
            if (props.containsKey("types")) {
                collectConstants(defs, props.get("types"), types);
                // "types" is one-of(type, sequence of type): collect the sequence's items too
                for (JsonNode alt : defs.get(props.get("types")).path("one-of")) {
                    JsonNode seq = defs.get(alt.asText()).path("sequence").path("item-type");
                    if (!seq.isMissingNode()) {
                        collectConstants(defs, seq.asText(), types);
                    }
                }
            }
            List<String> filters = new ArrayList<>(props.keySet());
            filters.remove("types");
            // a sequence of mappings (schedule) has its keys on each entry
            JsonNode item = defs.path(type).path("sequence").path("item-type");
            if (props.isEmpty() && !item.isMissingNode()) {
                collectMappingProps(defs, item.asText(), props);
            }
            rows.add("            Map.entry(" + quote(p.getKey()) + ", new Event(List.of(" + quoteAll(distinct(types))
                    + "), List.of(" + quoteAll(filters) + "), List.of(" + quoteAll(new ArrayList<>(props.keySet())) + ")))");
        });
        sb.append(String.join(",\n", rows)).append(");\n}\n");
        return sb.toString();
    }

    private static List<String> distinct(List<String> in) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(in));
    }

    private static void collectMappingProps(JsonNode defs, String type, Map<String, String> out) {
        JsonNode d = defs.get(type);
        if (d == null) {
            return;
        }
        if (d.has("one-of")) {
            d.get("one-of").forEach(t -> collectMappingProps(defs, t.asText(), out));
        } else if (d.has("mapping")) {
            d.get("mapping").path("properties").fields().forEachRemaining(p -> {
                JsonNode v = p.getValue();
                out.put(p.getKey(), v.isTextual() ? v.asText() : v.path("type").asText());
            });
        }
    }

    String runnerLabels() throws IOException {
        List<String> current = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        String date = "";
        for (String raw : Files.readAllLines(data.resolve("runner-labels.txt"))) {
            String line = raw.strip();
            if (line.startsWith("# retrieved:")) {
                date = line.substring("# retrieved:".length()).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            (f[2].equals("retired") ? retired : current).add(f[0]);
        }
        StringBuilder sb = new StringBuilder(header("runner-labels.txt", "retrieved " + date));
        sb.append("import java.util.Set;\n\n");
        sb.append("/** GitHub-hosted runner labels, current and retired. */\n");
        sb.append("public final class RunnerLabels {\n    private RunnerLabels() {}\n\n");
        sb.append("    /** Labels of GitHub-hosted runners that run jobs today. */\n");
        sb.append("    public static final Set<String> CURRENT = Set.of(").append(quoteAll(current)).append(");\n\n");
        sb.append("    /** Labels GitHub no longer serves: jobs wait for a runner until they time out. */\n");
        sb.append("    public static final Set<String> RETIRED = Set.of(").append(quoteAll(retired)).append(");\n}\n");
        return sb.toString();
    }

    String popularActions() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(data.resolve("popular-actions.json").toFile());
        String date = root.path("generated-from").asText();
        StringBuilder sb = new StringBuilder(header("popular-actions.json", date));
        sb.append("import java.util.List;\nimport java.util.Map;\n\n");
        sb.append("/** Inputs and outputs of known actions, to check {@code with:} and {@code steps.*.outputs}. */\n");
        sb.append("public final class PopularActions {\n    private PopularActions() {}\n\n");
        sb.append("    /**\n     * One action's metadata: required inputs (required and without default) and optional ones, deprecated\n"
                + "     * inputs with their deprecation message, outputs, runtime ({@code using}) of the snapshot commit; {@code complete}\n"
                + "     * is false when the snapshot is older than the releases in use, so it may lack inputs and outputs.\n     */\n");
        sb.append("    public record Meta(List<String> required, List<String> optional, Map<String, String> deprecated,"
                + " List<String> outputs, String using, boolean complete) {}\n\n");
        sb.append("    /** {@code owner/repo[/path]} (lower case) to metadata. */\n");
        sb.append("    public static final Map<String, Meta> ACTIONS = Map.ofEntries(\n");
        List<String> rows = new ArrayList<>();
        root.get("actions").fields().forEachRemaining(e -> {
            JsonNode a = e.getValue();
            rows.add("            Map.entry(" + quote(e.getKey()) + ", new Meta(List.of(" + quoteAll(texts(a.get("required")))
                    + "), List.of(" + quoteAll(texts(a.get("optional"))) + "), " + deprecations(a.get("deprecated"))
                    + ", List.of(" + quoteAll(texts(a.get("outputs")))
                    + "), " + quote(a.path("using").asText()) + ", " + a.path("complete").asBoolean(true) + "))");
        });
        sb.append(String.join(",\n", rows)).append(");\n}\n");
        return sb.toString();
    }

    private static String deprecations(JsonNode map) {
        List<String> pairs = new ArrayList<>();
        if (map != null) {
            map.fields().forEachRemaining(e -> pairs.add(quote(e.getKey()) + ", " + quote(e.getValue().asText())));
        }
        return "Map.of(" + String.join(", ", pairs) + ")";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    static String quoteAll(List<String> values) {
        List<String> q = new ArrayList<>();
        values.forEach(v -> q.add(quote(v)));
        return String.join(", ", q);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
