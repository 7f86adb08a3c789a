package dev.pipewright.bindings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the typed binding classes of {@code dev.pipewright.bindings} from the action catalog:
 * {@code catalog/bindings.yml} (which actions, their tag and class name) and each action's
 * {@code catalog/actions/<owner>/<repo>[/<path>]/action.yml}. Output is a pure function of those
 * files, so {@link BindingsUpToDateTest} can regenerate in memory and compare.
 */
public final class BindingGenerator {
    static final String PACKAGE = "dev.pipewright.bindings";
    static final String REGENERATE =
            "mvn -B -q -pl generator test -Dtest=BindingsUpToDateTest -Dgolden.update=true";
    private static final Set<String> RESERVED = Set.of(
            // Java keywords and literals that can appear as input names.
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits",
            // Methods of ActionBinding and Object a setter must not shadow.
            "id", "name", "ifCondition", "env", "continueOnError", "timeoutMinutes", "customInput", "customVersion",
            "build", "actionRef", "builder", "input", "required", "equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait");

    private BindingGenerator() {}

    /** One catalog entry: the action path, the tag its binding targets, the class name, input type overrides. */
    record Entry(String action, String version, String className, Map<String, String> types) {}

    /** Every binding source, keyed by path relative to the repository root, sorted. */
    public static Map<String, String> generate(Path root) {
        Map<String, String> out = new TreeMap<>();
        for (Entry e : entries(root)) {
            String metadataPath = "catalog/actions/" + e.action() + "/action.yml";
            Map<String, Object> metadata = load(root.resolve(metadataPath));
            out.put("generator/src/main/java/dev/pipewright/bindings/" + e.className() + ".java",
                    source(e, metadataPath, metadata));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Entry> entries(Path root) {
        Map<String, Object> index = load(root.resolve("catalog/bindings.yml"));
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(index).entrySet()) {
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            Map<String, String> types = new TreeMap<>();
            if (v.get("types") instanceof Map<?, ?> t) {
                t.forEach((k, type) -> types.put(String.valueOf(k), String.valueOf(type)));
            }
            list.add(new Entry(e.getKey(), String.valueOf(v.get("version")), String.valueOf(v.get("class")), types));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (!(doc instanceof Map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Java source of one binding. */
    @SuppressWarnings("unchecked")
    static String source(Entry e, String metadataPath, Map<String, Object> metadata) {
        Map<String, Object> inputs = metadata.get("inputs") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> outputs = metadata.get("outputs") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        String cls = e.className();
        List<String> requiredInputs = new ArrayList<>();
        inputs.forEach((k, v) -> {
            Map<String, Object> in = v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            if (Boolean.TRUE.equals(in.get("required")) && !in.containsKey("default")) {
                requiredInputs.add(k);
            }
        });

        StringBuilder s = new StringBuilder();
        s.append("// Generated by ").append(BindingGenerator.class.getSimpleName()).append(" from ").append(metadataPath)
                .append(". Do not edit.\n");
        s.append("// Regenerate with: ").append(REGENERATE).append('\n');
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import dev.pipewright.model.expr.Expr;\n");
        s.append("import java.util.List;\n\n");
        s.append("/**\n * {@code ").append(e.action()).append('@').append(e.version()).append("}: ")
                .append(javadocLine(String.valueOf(metadata.getOrDefault("name", e.action())))).append(".\n");
        if (metadata.get("description") != null) {
            s.append(" *\n");
            javadoc(s, " * ", String.valueOf(metadata.get("description")));
        }
        s.append(" */\n");
        s.append("public final class ").append(cls).append(" extends ActionBinding<").append(cls).append("> {\n");
        s.append("    /** The action, {@value}. */\n");
        s.append("    public static final String ACTION = \"").append(e.action()).append("\";\n");
        s.append("    /** The release tag this binding was generated for, {@value}; pinned to its commit when rendered. */\n");
        s.append("    public static final String VERSION = \"").append(e.version()).append("\";\n");
        s.append("    /** Every input, in the order the action declares them. */\n");
        s.append("    static final List<String> INPUTS = List.of(");
        s.append(String.join(", ", inputs.keySet().stream().map(k -> "\"" + k + "\"").toList()));
        s.append(");\n\n");

        // Outputs.
        s.append("    /** Output names, for {@code step.output(").append(cls).append(".Outputs.NAME)}. */\n");
        s.append("    public static final class Outputs {\n");
        Set<String> seen = new java.util.HashSet<>();
        outputs.forEach((k, v) -> {
            String constant = constantName(k);
            if (!seen.add(constant)) {
                throw new IllegalArgumentException(metadataPath + ": outputs " + k + " maps to a taken constant " + constant);
            }
            Map<String, Object> out = v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            appendDoc(s, "        ", out.get("description"), null, null);
            s.append("        public static final String ").append(constant).append(" = \"").append(k).append("\";\n");
        });
        s.append("\n        private Outputs() {}\n    }\n\n");

        // Constructor and builder.
        s.append("    private ").append(cls).append("() {\n        super(ACTION, VERSION, INPUTS);\n    }\n\n");
        s.append("    /**\n     * A new step");
        if (!requiredInputs.isEmpty()) {
            s.append(" with the required inputs");
        }
        s.append(".\n");
        if (!requiredInputs.isEmpty()) {
            s.append("     *\n");
        }
        for (String r : requiredInputs) {
            s.append("     * @param ").append(methodName(r)).append(' ');
            Map<String, Object> in = (Map<String, Object>) inputs.get(r);
            s.append(javadocLine(in.get("description") == null ? r : String.valueOf(in.get("description"))))
                    .append('\n');
        }
        s.append("     */\n");
        s.append("    public static ").append(cls).append(" builder(");
        s.append(String.join(", ", requiredInputs.stream().map(r -> "String " + methodName(r)).toList()));
        s.append(") {\n        ").append(cls).append(" b = new ").append(cls).append("();\n");
        for (String r : requiredInputs) {
            s.append("        b.required(\"").append(r).append("\", ").append(methodName(r)).append(");\n");
        }
        s.append("        return b;\n    }\n");

        // Setters.
        Set<String> methods = new java.util.HashSet<>();
        inputs.forEach((k, v) -> {
            Map<String, Object> in = v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String method = methods.contains(methodName(k)) ? methodName(k) + "Input" : methodName(k);
            if (!methods.add(method)) {
                throw new IllegalArgumentException(metadataPath + ": input " + k + " maps to a taken method " + method);
            }
            String type = type(k, in, e.types());
            Object deprecated = in.get("deprecationMessage");
            String doc = in.get("description") == null ? null : String.valueOf(in.get("description"));
            String def = in.containsKey("default") ? String.valueOf(in.get("default")) : null;
            for (String t : List.of(type, "Expr")) {
                s.append('\n');
                appendDoc(s, "    ", doc, def, deprecated == null ? null : String.valueOf(deprecated));
                if (deprecated != null) {
                    s.append("    @Deprecated\n");
                }
                s.append("    public ").append(cls).append(' ').append(method).append('(').append(t)
                        .append(" value) {\n        return input(\"").append(k).append("\", value);\n    }\n");
            }
        });
        s.append("}\n");
        return s.toString();
    }

    /** boolean for true/false defaults, long for integer defaults, String otherwise; catalog overrides win. */
    static String type(String key, Map<String, Object> input, Map<String, String> overrides) {
        String override = overrides.get(key);
        if (override != null) {
            return switch (override) {
                case "boolean", "long", "String" -> override;
                default -> throw new IllegalArgumentException("type of " + key + " must be boolean, long or String");
            };
        }
        if (!input.containsKey("default")) {
            return "String";
        }
        Object d = input.get("default");
        String text = String.valueOf(d).strip();
        if (d instanceof Boolean || text.equals("true") || text.equals("false")) {
            return "boolean";
        }
        if (d instanceof Integer || d instanceof Long || text.matches("-?(0|[1-9][0-9]{0,17})")) {
            return "long";
        }
        return "String";
    }

    /** lowerCamelCase of an input name; {@code Input} is appended where it would clash or is a keyword. */
    static String methodName(String input) {
        String[] parts = input.split("[-_ .]+");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(p.charAt(0))).append(p.substring(1));
            } else {
                sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
            }
        }
        String name = sb.toString();
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "input" + name;
        }
        return RESERVED.contains(name) ? name + "Input" : name;
    }

    /** UPPER_SNAKE_CASE of an output name. */
    static String constantName(String output) {
        String c = output.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toUpperCase(Locale.ROOT).replaceAll("^_+|_+$", "");
        return c.isEmpty() || Character.isDigit(c.charAt(0)) ? "OUTPUT_" + c : c;
    }

    private static void appendDoc(StringBuilder s, String indent, Object description, String def, String deprecated) {
        if (description == null && def == null && deprecated == null) {
            return;
        }
        s.append(indent).append("/**\n");
        if (description != null) {
            javadoc(s, indent + " * ", String.valueOf(description));
        }
        if (def != null) {
            if (description != null) {
                s.append(indent).append(" *\n");
            }
            s.append(indent).append(" * <p>Default: <code>").append(escape(def.strip().replace("\n", " "))).append("</code>\n");
        }
        if (deprecated != null) {
            s.append(indent).append(" *\n");
            s.append(indent).append(" * @deprecated ").append(javadocLine(deprecated)).append('\n');
        }
        s.append(indent).append(" */\n");
    }

    private static void javadoc(StringBuilder s, String prefix, String text) {
        for (String line : text.strip().split("\n", -1)) {
            String l = escape(line).stripTrailing();
            s.append(l.isEmpty() ? prefix.stripTrailing() : prefix + l).append('\n');
        }
    }

    private static String javadocLine(String text) {
        return escape(text.strip().replaceAll("\\s*\n\\s*", " "));
    }

    /** Makes text safe inside a Javadoc comment: no comment end, no unicode escapes, no tags, no HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "&#64;");
    }
}
