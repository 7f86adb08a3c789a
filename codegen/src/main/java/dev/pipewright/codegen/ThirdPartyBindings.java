package dev.pipewright.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The typed binding classes of {@code dev.pipewright.bindings}, one per entry of the action
 * catalog, from the action's copied action.yml: a builder taking the required inputs, two setters
 * per input (its type and {@code Expr}), output-name constants.
 */
final class ThirdPartyBindings {
    static final String PACKAGE = "dev.pipewright.bindings";
    static final String DIRECTORY = "bindings/src/main/java";
    static final ClassName EXPR = ClassName.get("dev.pipewright.model.expr", "Expr");
    private static final ClassName ACTION_BINDING = ClassName.get(PACKAGE, "ActionBinding");

    private ThirdPartyBindings() {}

    /** One binding per catalog entry, sorted by action. */
    static List<GeneratedSource> generate(Path root) {
        List<GeneratedSource> out = new ArrayList<>();
        for (BindingCatalog.Entry e : BindingCatalog.entries(root)) {
            out.add(
                    JavaSources.render(
                            DIRECTORY,
                            PACKAGE,
                            type(e, BindingCatalog.load(root, e.metadataPath())),
                            e.metadataPath()));
        }
        return out;
    }

    /** The binding class of one entry, from its action.yml. */
    @SuppressWarnings("unchecked")
    static TypeSpec type(BindingCatalog.Entry e, Map<String, Object> metadata) {
        Map<String, Object> inputs =
                metadata.get("inputs") instanceof Map<?, ?> m
                        ? new LinkedHashMap<>((Map<String, Object>) m)
                        : new LinkedHashMap<>();
        Map<String, Object> outputs =
                metadata.get("outputs") instanceof Map<?, ?> m
                        ? new LinkedHashMap<>((Map<String, Object>) m)
                        : new LinkedHashMap<>();
        ClassName self = ClassName.get(PACKAGE, e.className());

        StringBuilder doc =
                new StringBuilder(
                        "{@code "
                                + e.action()
                                + "@"
                                + e.version()
                                + "}: "
                                + Javadoc.line(
                                        String.valueOf(metadata.getOrDefault("name", e.action())))
                                + ".\n");
        if (metadata.get("description") != null) {
            doc.append('\n').append(Javadoc.block(String.valueOf(metadata.get("description"))));
        }
        TypeSpec.Builder type =
                TypeSpec.classBuilder(self)
                        .addJavadoc("$L", doc)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .superclass(ParameterizedTypeName.get(ACTION_BINDING, self))
                        .addField(constant("ACTION", e.action(), "The action, {@value}."))
                        .addField(
                                constant(
                                        "VERSION",
                                        e.version(),
                                        "The release tag this binding was generated for, {@value}; pinned to its commit when rendered."))
                        .addField(
                                FieldSpec.builder(
                                                ClassNames.STRING_LIST,
                                                "INPUTS",
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Every input, in the order the action declares them.")
                                        .initializer(listOf(inputs.keySet()))
                                        .build())
                        .addType(outputs(self, e.metadataPath(), outputs))
                        .addMethod(
                                MethodSpec.constructorBuilder()
                                        .addModifiers(Modifier.PRIVATE)
                                        .addStatement("super(ACTION, VERSION, INPUTS)")
                                        .build())
                        .addMethod(builder(self, inputs));
        Set<String> methods = new HashSet<>();
        inputs.forEach(
                (k, v) -> {
                    Map<String, Object> in =
                            v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                    String method = BindingNames.method(k, BindingNames.BINDING_METHODS);
                    if (!methods.add(method)) {
                        method = method + "Input";
                        if (!methods.add(method)) {
                            throw new IllegalArgumentException(
                                    e.metadataPath()
                                            + ": input "
                                            + k
                                            + " maps to a taken method "
                                            + method);
                        }
                    }
                    String deprecated =
                            in.get("deprecationMessage") == null
                                    ? null
                                    : String.valueOf(in.get("deprecationMessage"));
                    String javadoc =
                            inputDoc(
                                    in.get("description"),
                                    in.containsKey("default")
                                            ? String.valueOf(in.get("default"))
                                            : null,
                                    deprecated);
                    for (TypeName t : List.of(type(k, in, e.types()), EXPR)) {
                        MethodSpec.Builder setter =
                                MethodSpec.methodBuilder(method)
                                        .addModifiers(Modifier.PUBLIC)
                                        .returns(self)
                                        .addParameter(t, "value")
                                        .addStatement("return input($S, value)", k);
                        if (!javadoc.isEmpty()) {
                            setter.addJavadoc("$L", javadoc);
                        }
                        if (deprecated != null) {
                            setter.addAnnotation(AnnotationSpec.builder(Deprecated.class).build());
                        }
                        type.addMethod(setter.build());
                    }
                });
        return type.build();
    }

    /**
     * {@code boolean} for true/false defaults, {@code long} for integer defaults, String otherwise;
     * overrides win.
     */
    static TypeName type(String key, Map<String, Object> input, Map<String, String> overrides) {
        String override = overrides.get(key);
        if (override != null) {
            return switch (override) {
                case "boolean" -> TypeName.BOOLEAN;
                case "long" -> TypeName.LONG;
                case "String" -> ClassNames.STRING;
                default ->
                        throw new IllegalArgumentException(
                                BindingCatalog.INDEX
                                        + ": type of "
                                        + key
                                        + " must be boolean, long or String, not "
                                        + override);
            };
        }
        if (!input.containsKey("default")) {
            return ClassNames.STRING;
        }
        Object d = input.get("default");
        String text = String.valueOf(d).strip();
        if (d instanceof Boolean || text.equals("true") || text.equals("false")) {
            return TypeName.BOOLEAN;
        }
        if (d instanceof Integer || d instanceof Long || text.matches("-?(0|[1-9][0-9]{0,17})")) {
            return TypeName.LONG;
        }
        return ClassNames.STRING;
    }

    static FieldSpec constant(String name, String value, String javadoc) {
        return FieldSpec.builder(
                        String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L", javadoc)
                .initializer("$S", value)
                .build();
    }

    /** {@code List.of("a", "b", ...)}, wrapping where the line grows long. */
    static CodeBlock listOf(Iterable<String> values) {
        List<CodeBlock> items = new ArrayList<>();
        values.forEach(v -> items.add(CodeBlock.of("$S", v)));
        return CodeBlock.of("$T.of($L)", ClassNames.LIST, CodeBlock.join(items, ",$W"));
    }

    @SuppressWarnings("unchecked")
    private static TypeSpec outputs(
            ClassName self, String metadataPath, Map<String, Object> outputs) {
        TypeSpec.Builder b =
                TypeSpec.classBuilder("Outputs")
                        .addJavadoc(
                                "Output names, for {@code step.output($L.Outputs.NAME)}.",
                                self.simpleName())
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        Set<String> seen = new HashSet<>();
        outputs.forEach(
                (k, v) -> {
                    String constant = BindingNames.constant(k);
                    if (!seen.add(constant)) {
                        throw new IllegalArgumentException(
                                metadataPath
                                        + ": output "
                                        + k
                                        + " maps to a taken constant "
                                        + constant);
                    }
                    Object description =
                            v instanceof Map<?, ?> m
                                    ? ((Map<String, Object>) m).get("description")
                                    : null;
                    FieldSpec.Builder f =
                            FieldSpec.builder(
                                            String.class,
                                            constant,
                                            Modifier.PUBLIC,
                                            Modifier.STATIC,
                                            Modifier.FINAL)
                                    .initializer("$S", k);
                    if (description != null) {
                        f.addJavadoc("$L", Javadoc.block(String.valueOf(description)));
                    }
                    b.addField(f.build());
                });
        return b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static MethodSpec builder(ClassName self, Map<String, Object> inputs) {
        List<String> required = new ArrayList<>();
        inputs.forEach(
                (k, v) -> {
                    Map<String, Object> in =
                            v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                    if (Boolean.TRUE.equals(in.get("required")) && !in.containsKey("default")) {
                        required.add(k);
                    }
                });
        MethodSpec.Builder b =
                MethodSpec.methodBuilder("builder")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self)
                        .addStatement("$T b = new $T()", self, self);
        StringBuilder doc =
                new StringBuilder(
                        required.isEmpty()
                                ? "A new step.\n"
                                : "A new step with the required inputs.\n");
        if (!required.isEmpty()) {
            doc.append('\n');
        }
        Set<String> params = new HashSet<>();
        for (String r : required) {
            String param = BindingNames.method(r, BindingNames.BINDING_METHODS);
            if (!params.add(param)) {
                throw new IllegalArgumentException(
                        "required input " + r + " maps to a taken parameter " + param);
            }
            Object description = ((Map<String, Object>) inputs.get(r)).get("description");
            doc.append("@param ")
                    .append(param)
                    .append(' ')
                    .append(Javadoc.line(description == null ? r : String.valueOf(description)))
                    .append('\n');
            b.addParameter(String.class, param);
            b.addStatement("b.required($S, $N)", r, param);
        }
        return b.addJavadoc("$L", doc).addStatement("return b").build();
    }

    private static String inputDoc(Object description, String def, String deprecated) {
        StringBuilder s = new StringBuilder();
        if (description != null) {
            s.append(Javadoc.block(String.valueOf(description)));
        }
        if (def != null) {
            if (description != null) {
                s.append('\n');
            }
            s.append("<p>Default: <code>")
                    .append(Javadoc.escape(def.strip().replace("\n", " ")))
                    .append("</code>\n");
        }
        if (deprecated != null) {
            s.append("\n@deprecated ").append(Javadoc.line(deprecated)).append('\n');
        }
        return s.toString();
    }
}
