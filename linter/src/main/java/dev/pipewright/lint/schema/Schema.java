package dev.pipewright.lint.schema;

import dev.pipewright.github.ContextAvailability;
import dev.pipewright.lint.data.ActionSchemaTable;
import dev.pipewright.lint.data.WorkflowSchemaTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's template schema (definitions of keys, types, allowed values and contexts), read from a
 * generated table.
 */
public final class Schema {
    /** The kind of a definition. */
    public enum Kind {
        MAPPING,
        SEQUENCE,
        ONE_OF,
        STRING,
        BOOLEAN,
        NUMBER,
        NULL
    }

    /** A property of a mapping definition. */
    public record Prop(String type, boolean required) {}

    /**
     * One definition. For strings, {@code constant} (exact value) or {@code nonEmpty}; {@code
     * allowed} lists constants of an allowed-values definition, which GitHub expands to one-of
     * constant strings.
     */
    public record Def(
            String name,
            Kind kind,
            List<String> contexts,
            Map<String, Prop> props,
            String looseKey,
            String looseValue,
            String item,
            List<String> oneOf,
            String constant,
            boolean nonEmpty) {
        public boolean isScalar() {
            return kind == Kind.STRING
                    || kind == Kind.BOOLEAN
                    || kind == Kind.NUMBER
                    || kind == Kind.NULL;
        }
    }

    private static volatile Schema workflow;
    private static volatile Schema action;

    private final Map<String, Def> defs = new HashMap<>();
    private final String root;

    /**
     * Contexts by definition when the table's column is empty (the workflow's: GitHub's rules,
     * shared); else null.
     */
    private final Map<String, List<String>> contexts;

    private Schema(String[] table, String root, Map<String, List<String>> contexts) {
        this.root = root;
        this.contexts = contexts;
        builtIns();
        for (String line : table) {
            parse(line);
        }
    }

    /**
     * The workflow schema, rooted at {@code workflow-root-strict} as GitHub's service validates.
     */
    public static Schema workflow() {
        if (workflow == null) {
            workflow =
                    new Schema(
                            WorkflowSchemaTable.DEFINITIONS,
                            "workflow-root-strict",
                            ContextAvailability.BY_DEFINITION);
        }
        return workflow;
    }

    /** The action metadata ({@code action.yml}) schema. */
    public static Schema action() {
        if (action == null) {
            action = new Schema(ActionSchemaTable.DEFINITIONS, "action-root-strict", null);
        }
        return action;
    }

    public Def root() {
        return get(root);
    }

    public Def get(String name) {
        Def d = defs.get(name);
        if (d == null) {
            throw new IllegalArgumentException("schema has no definition named " + name);
        }
        return d;
    }

    /**
     * What {@link #scalarDefs} and {@link #defsOfKind} found, by definition name: asked for every
     * node of every file.
     */
    private final Map<String, List<Def>> scalarsByName = new ConcurrentHashMap<>();

    private final Map<Kind, Map<String, List<Def>>> byKindByName = new ConcurrentHashMap<>();

    /**
     * Scalar definitions reachable through nested one-ofs, as GitHub's {@code
     * getScalarDefinitions}; unmodifiable.
     */
    public List<Def> scalarDefs(Def def) {
        return scalarsByName.computeIfAbsent(def.name(), k -> List.copyOf(findScalarDefs(def)));
    }

    private List<Def> findScalarDefs(Def def) {
        List<Def> out = new ArrayList<>();
        if (def.isScalar()) {
            out.add(def);
        } else if (def.kind == Kind.ONE_OF) {
            for (String n : def.oneOf) {
                out.addAll(findScalarDefs(get(n)));
            }
        }
        return out;
    }

    /**
     * Definitions of {@code kind} in {@code def} or its direct one-of members (GitHub does not look
     * deeper); unmodifiable.
     */
    public List<Def> defsOfKind(Def def, Kind kind) {
        return byKindByName
                .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(def.name(), k -> List.copyOf(findDefsOfKind(def, kind)));
    }

    private List<Def> findDefsOfKind(Def def, Kind kind) {
        List<Def> out = new ArrayList<>();
        if (def.kind == kind) {
            out.add(def);
        } else if (def.kind == Kind.ONE_OF) {
            for (String n : def.oneOf) {
                Def d = get(n);
                if (d.kind == kind) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private void builtIns() {
        List<String> none = List.of();
        put(new Def("null", Kind.NULL, none, Map.of(), null, null, null, none, null, false));
        put(new Def("boolean", Kind.BOOLEAN, none, Map.of(), null, null, null, none, null, false));
        put(new Def("number", Kind.NUMBER, none, Map.of(), null, null, null, none, null, false));
        put(new Def("string", Kind.STRING, none, Map.of(), null, null, null, none, null, false));
        put(
                new Def(
                        "sequence",
                        Kind.SEQUENCE,
                        none,
                        Map.of(),
                        null,
                        null,
                        "any",
                        none,
                        null,
                        false));
        put(
                new Def(
                        "mapping",
                        Kind.MAPPING,
                        none,
                        Map.of(),
                        "string",
                        "any",
                        null,
                        none,
                        null,
                        false));
        put(
                new Def(
                        "any",
                        Kind.ONE_OF,
                        none,
                        Map.of(),
                        null,
                        null,
                        null,
                        List.of("null", "boolean", "number", "string", "sequence", "mapping"),
                        null,
                        false));
    }

    private void put(Def d) {
        defs.put(d.name, d);
    }

    private void parse(String line) {
        String[] f = line.split("\t", -1);
        String name = f[0];
        List<String> ctx =
                contexts != null
                        ? contexts.getOrDefault(name, List.of())
                        : f[2].isEmpty() ? List.of() : List.of(f[2].split(",(?![0-9A-Z]+\\))"));
        String payload = f[3];
        List<String> none = List.of();
        switch (f[1]) {
            case "mapping" -> {
                String[] parts = payload.split(";", -1);
                Map<String, Prop> props = new LinkedHashMap<>();
                if (!parts[0].isEmpty()) {
                    for (String p : parts[0].split(",")) {
                        int eq = p.indexOf('=');
                        String type = p.substring(eq + 1);
                        boolean req = type.endsWith("!");
                        props.put(
                                p.substring(0, eq),
                                new Prop(req ? type.substring(0, type.length() - 1) : type, req));
                    }
                }
                put(
                        new Def(
                                name,
                                Kind.MAPPING,
                                ctx,
                                props,
                                blank(parts[1]),
                                blank(parts[2]),
                                null,
                                none,
                                null,
                                false));
            }
            case "sequence" ->
                    put(
                            new Def(
                                    name,
                                    Kind.SEQUENCE,
                                    ctx,
                                    Map.of(),
                                    null,
                                    null,
                                    payload,
                                    none,
                                    null,
                                    false));
            case "one-of" ->
                    put(
                            new Def(
                                    name,
                                    Kind.ONE_OF,
                                    ctx,
                                    Map.of(),
                                    null,
                                    null,
                                    null,
                                    List.of(payload.split(",")),
                                    null,
                                    false));
            case "string" ->
                    put(
                            new Def(
                                    name,
                                    Kind.STRING,
                                    ctx,
                                    Map.of(),
                                    null,
                                    null,
                                    null,
                                    none,
                                    payload.startsWith("const=") ? payload.substring(6) : null,
                                    payload.equals("nonempty")));
            case "allowed" -> {
                // As GitHub does: an allowed-values definition becomes a one-of of constant
                // strings.
                Set<String> members = new LinkedHashSet<>();
                for (String v : payload.split(",")) {
                    String member = name + "-" + v;
                    put(
                            new Def(
                                    member,
                                    Kind.STRING,
                                    none,
                                    Map.of(),
                                    null,
                                    null,
                                    null,
                                    none,
                                    v,
                                    false));
                    members.add(member);
                }
                put(
                        new Def(
                                name,
                                Kind.ONE_OF,
                                ctx,
                                Map.of(),
                                null,
                                null,
                                null,
                                List.copyOf(members),
                                null,
                                false));
            }
            case "boolean" ->
                    put(
                            new Def(
                                    name,
                                    Kind.BOOLEAN,
                                    ctx,
                                    Map.of(),
                                    null,
                                    null,
                                    null,
                                    none,
                                    null,
                                    false));
            case "number" ->
                    put(
                            new Def(
                                    name,
                                    Kind.NUMBER,
                                    ctx,
                                    Map.of(),
                                    null,
                                    null,
                                    null,
                                    none,
                                    null,
                                    false));
            case "null" ->
                    put(
                            new Def(
                                    name, Kind.NULL, ctx, Map.of(), null, null, null, none, null,
                                    false));
            default -> throw new IllegalStateException("unknown kind in schema table: " + line);
        }
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
