package dev.pipewright.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pipewright.stacks.Stack;
import dev.pipewright.stacks.StackConfig;
import dev.pipewright.stacks.StackOverride;
import dev.pipewright.stacks.StackPipeline;
import dev.pipewright.stacks.Stacks;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a {@code pipewright.yml}: SnakeYAML nodes (for positions) → a Jackson tree validated by
 * {@link SpecSchema} with networknt; every problem is reported as {@code file:line:col: message}.
 */
public final class SpecLoader {
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SpecSchema.tree());

    private SpecLoader() {}

    /** A spec with problems; {@link #problems()} are {@code file:line:col: message}, sorted. */
    public static final class SpecException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        /** One problem, or several sorted; each {@code file:line:col: message}. */
        SpecException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Loads the file; {@code display} is the name used in messages and in the generated headers.
     */
    public static StackPipeline load(Path file, String display) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), display);
    }

    public static StackPipeline parse(String text, String display) {
        Node root = SpecYaml.compose(text, display);
        if (root == null) {
            throw new SpecException(
                    List.of(
                            display
                                    + ":1:1: empty file; start with 'stack: <id>' (pipewright init)"));
        }
        Map<String, Mark> marks = new HashMap<>();
        Map<String, Mark> keyMarks = new HashMap<>();
        JsonNode json = new ToJson(display, marks, keyMarks).node(root, "$");
        TreeSet<String> problems = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(json)) {
            String at = m.getInstanceLocation().toString();
            Mark mark = nearest(marks, at);
            String message = m.getMessage();
            String missing =
                    "required".equals(m.getType())
                            ? missingParameters(json, at, m.getProperty())
                            : null;
            if (missing != null) {
                // the schema's "required property 'image' not found" says neither what the value is
                // nor how to set it
                message = missing;
                mark = at.equals("$") ? nearest(marks, "$.stack") : mark;
            } else if ("additionalProperties".equals(m.getType())
                    && keyMarks.containsKey(at + "." + m.getProperty())) {
                // point at the misspelt key itself, not at the start of the map that holds it
                mark = keyMarks.get(at + "." + m.getProperty());
            } else if (Set.of("enum", "minimum", "maximum", "pattern").contains(m.getType())
                    && m.getInstanceNode() != null) {
                message = message + " (found " + m.getInstanceNode() + ")";
            }
            problems.add(
                    display
                            + ":"
                            + (mark.getLine() + 1)
                            + ":"
                            + (mark.getColumn() + 1)
                            + ": "
                            + message);
        }
        if (!problems.isEmpty()) {
            throw new SpecException(new ArrayList<>(problems));
        }
        Stack stack = Stacks.byId(json.get("stack").asText()).orElseThrow();
        StackConfig.Builder config = StackConfig.builder();
        JsonNode params = json.get("parameters");
        if (params != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                config.setRaw(e.getKey(), value(e.getValue()));
            }
        }
        String id = json.has("id") ? json.get("id").asText() : stack.id();
        String output = json.has("output") ? json.get("output").asText() : ".github/workflows";
        // Build without overrides first, then add them one at a time: a problem is reported at the
        // entry that
        // caused it (the parameters' place when the stack itself refuses them), not at the top of
        // the file.
        build(id, display, output, stack, config, marks, "$.parameters");
        JsonNode overrides = json.get("overrides");
        if (overrides != null) {
            for (int i = 0; i < overrides.size(); i++) {
                JsonNode o = overrides.get(i);
                StackOverride override;
                try {
                    override =
                            new StackOverride(
                                    o.get("workflow").asText(),
                                    o.get("job").asText(),
                                    o.has("step") ? o.get("step").asText() : null,
                                    o.has("timeout-minutes")
                                            ? o.get("timeout-minutes").asInt()
                                            : null,
                                    o.has("runs-on") ? o.get("runs-on").asText() : null,
                                    o.has("run") ? o.get("run").asText() : null,
                                    o.has("remove") && o.get("remove").asBoolean(),
                                    o.has("add-step") ? SpecSteps.step(o.get("add-step")) : null,
                                    o.has("before") ? o.get("before").asText() : null,
                                    o.has("after") ? o.get("after").asText() : null,
                                    o.has("add-job")
                                            ? SpecSteps.job(o.get("job").asText(), o.get("add-job"))
                                            : null);
                } catch (IllegalArgumentException e) {
                    // an override that contradicts itself (run without a step) is refused at its
                    // entry
                    Mark m = nearest(marks, "$.overrides[" + i + "]");
                    throw new SpecException(
                            List.of(
                                    display
                                            + ":"
                                            + (m.getLine() + 1)
                                            + ":"
                                            + (m.getColumn() + 1)
                                            + ": "
                                            + e.getMessage()));
                }
                config.override(override);
                build(id, display, output, stack, config, marks, "$.overrides[" + i + "]");
            }
        }
        return new StackPipeline(
                id, display, output, stack, config.build(), regenerateCommand(display));
    }

    /**
     * For a required parameter (or the whole {@code parameters:} of a stack that has some) the
     * schema found missing, {@link StackConfig#missing}'s sentence for each; null for any other
     * missing property.
     */
    private static String missingParameters(JsonNode json, String at, String property) {
        Stack stack =
                json.hasNonNull("stack")
                        ? Stacks.byId(json.get("stack").asText()).orElse(null)
                        : null;
        if (stack == null
                || !(at.equals("$") && "parameters".equals(property)
                        || at.equals("$.parameters"))) {
            return null;
        }
        List<String> out =
                stack.parameters().stream()
                        .filter(p -> p.required() && (at.equals("$") || p.name().equals(property)))
                        .map(StackConfig::missing)
                        .toList();
        return out.isEmpty() ? null : "stack " + stack.id() + ": " + String.join("; ", out);
    }

    /**
     * What the spec's user runs from the project root to rewrite its files: the CLI on this very
     * file.
     */
    static String regenerateCommand(String display) {
        // quoted for a POSIX shell only when it needs to be, so the common case reads as typed
        return "pipewright generate --spec "
                + (display.matches("[A-Za-z0-9._/@+-]+")
                        ? display
                        : "'" + display.replace("'", "'\\''") + "'");
    }

    private static void build(
            String id,
            String display,
            String output,
            Stack stack,
            StackConfig.Builder config,
            Map<String, Mark> marks,
            String at) {
        try {
            new StackPipeline(id, display, output, stack, config.build()).workflows();
        } catch (IllegalArgumentException e) {
            Mark m = nearest(marks, at);
            throw new SpecException(
                    List.of(
                            display
                                    + ":"
                                    + (m.getLine() + 1)
                                    + ":"
                                    + (m.getColumn() + 1)
                                    + ": "
                                    + e.getMessage()));
        }
    }

    private static Object value(JsonNode v) {
        if (v.isInt()) {
            return v.asInt();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.add(x.asText()));
            return out;
        }
        return v.asText();
    }

    private static Mark nearest(Map<String, Mark> marks, String path) {
        String p = path;
        while (!marks.containsKey(p) && p.length() > 1) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "$" : p.substring(0, cut);
        }
        return marks.getOrDefault(p, marks.get("$"));
    }

    /**
     * Nodes to a Jackson tree, remembering each path's position; refuses what GitHub and the schema
     * cannot mean.
     */
    private static final class ToJson {
        private final String display;
        private final Map<String, Mark> marks;
        private final Map<String, Mark> keyMarks;

        /**
         * Nodes made so far, aliases counted in full: a few aliases of aliases can stand for
         * millions of nodes.
         */
        private long made;

        ToJson(String display, Map<String, Mark> marks, Map<String, Mark> keyMarks) {
            this.display = display;
            this.marks = marks;
            this.keyMarks = keyMarks;
        }

        JsonNode node(Node node, String path) {
            if (++made > SpecYaml.MAX_NODES) {
                throw SpecYaml.located(
                        display,
                        node.getStartMark(),
                        "the spec expands to more than "
                                + SpecYaml.MAX_NODES
                                + " values through its aliases; write the values out instead of aliasing aliases");
            }
            marks.put(path, node.getStartMark());
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (node instanceof MappingNode m) {
                ObjectNode o = f.objectNode();
                for (NodeTuple t : m.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode s)) {
                        throw SpecYaml.located(
                                display,
                                t.getKeyNode().getStartMark(),
                                "a key must be a plain name, not a list or a mapping");
                    }
                    String key = s.getValue();
                    String child = path + "." + key;
                    if (o.has(key)) {
                        Mark first = keyMarks.get(child);
                        throw SpecYaml.located(
                                display,
                                s.getStartMark(),
                                "key \""
                                        + key
                                        + "\" is duplicated; it was first set at line "
                                        + (first.getLine() + 1)
                                        + ", column "
                                        + (first.getColumn() + 1)
                                        + " (keep one of them)");
                    }
                    keyMarks.put(child, s.getStartMark());
                    o.set(key, node(t.getValueNode(), child));
                    marks.put(child, t.getValueNode().getStartMark());
                }
                return o;
            }
            if (node instanceof SequenceNode s) {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < s.getValue().size(); i++) {
                    a.add(node(s.getValue().get(i), path + "[" + i + "]"));
                }
                return a;
            }
            ScalarNode s = (ScalarNode) node;
            Tag tag = s.getTag();
            String v = s.getValue();
            if (Tag.INT.equals(tag) && v.matches("[-+]?[0-9]+")) {
                // YAML's other integer forms (0x1F, 0o17, 1_000, 1:30) stay text: the schema then
                // names the place
                BigInteger n = new BigInteger(v);
                if (n.bitLength() > 31) {
                    throw SpecYaml.located(
                            display,
                            s.getStartMark(),
                            v
                                    + " is too large for a whole number here (at most "
                                    + Integer.MAX_VALUE
                                    + ")");
                }
                return f.numberNode(n.intValue());
            }
            if (Tag.BOOL.equals(tag)) {
                return f.booleanNode(
                        v.equalsIgnoreCase("true")
                                || v.equalsIgnoreCase("yes")
                                || v.equalsIgnoreCase("on"));
            }
            if (Tag.NULL.equals(tag)) {
                return f.nullNode();
            }
            return f.textNode(v);
        }
    }
}
