package dev.pipewright.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.emit.YamlMap;
import dev.pipewright.emit.YamlWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The binding class of one of Pipewright's own actions, from its {@link ActionDescriptor}, the
 * object that also writes {@code actions/<id>/action.yml}, so inputs, defaults and outputs cannot
 * drift. The class embeds the action.yml body, which pipelines write as a local action.
 */
final class OwnBindings {
    static final String PACKAGE = "dev.pipewright.stacks.actions";

    /**
     * The bindings ship in the generator, the artifact every pipeline depends on; the package name
     * is kept.
     */
    static final String DIRECTORY = "generator/src/main/java";

    private static final ClassName PIPEWRIGHT_ACTION = ClassName.get(PACKAGE, "PipewrightAction");

    /**
     * What PipewrightAction adds to ActionBinding's methods, which a setter must not shadow either.
     */
    private static final Set<String> TAKEN;

    static {
        Set<String> taken = new HashSet<>(BindingNames.BINDING_METHODS);
        taken.addAll(List.of("directory", "lines", "vendored", "uses"));
        TAKEN = Set.copyOf(taken);
    }

    private OwnBindings() {}

    /**
     * {@code Pipewright} and the id in UpperCamelCase: {@code coverage-gate} is {@code
     * PipewrightCoverageGate}.
     */
    static String className(String id) {
        StringBuilder sb = new StringBuilder("Pipewright");
        for (String p : id.split("-")) {
            sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
    }

    /**
     * The action.yml body (no header) that pipelines write for this action at {@code version} of
     * the image.
     */
    static String metadata(ActionDescriptor d, String version) {
        return YamlWriter.write(YamlMap.of(d.actionYamlTree(version)), List.of());
    }

    /** The source file of the binding; {@code origin} names the descriptor in the header. */
    static GeneratedSource generate(ActionDescriptor d, String version, String origin) {
        return JavaSources.render(DIRECTORY, PACKAGE, type(d, version), origin);
    }

    static TypeSpec type(ActionDescriptor d, String version) {
        ClassName self = ClassName.get(PACKAGE, className(d.id()));
        TypeSpec.Builder type =
                TypeSpec.classBuilder(self)
                        .addJavadoc(
                                "Pipewright's {@code $L} action: $L.\n\n$L",
                                d.id(),
                                Javadoc.escape(d.name()),
                                Javadoc.block(d.description()))
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .superclass(ParameterizedTypeName.get(PIPEWRIGHT_ACTION, self))
                        .addField(
                                ThirdPartyBindings.constant(
                                        "ID", d.id(), "The action id, {@value}."))
                        .addField(
                                ThirdPartyBindings.constant(
                                        "DIRECTORY",
                                        "pipewright-" + d.id(),
                                        "The local action directory, {@value}."))
                        .addField(
                                ThirdPartyBindings.constant(
                                        "IMAGE_VERSION",
                                        version,
                                        "The image tag the metadata points at, {@value}."))
                        .addField(
                                FieldSpec.builder(
                                                ClassNames.STRING_LIST,
                                                "INPUTS",
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc(
                                                "Every input, in the order the action declares them.")
                                        .initializer(
                                                ThirdPartyBindings.listOf(
                                                        d.inputs().stream()
                                                                .map(InputSpec::name)
                                                                .toList()))
                                        .build())
                        .addField(
                                ThirdPartyBindings.constant(
                                        "METADATA",
                                        metadata(d, version),
                                        "The body of the local action's action.yml."))
                        .addType(outputs(self, d.outputs()))
                        .addMethod(
                                MethodSpec.constructorBuilder()
                                        .addModifiers(Modifier.PRIVATE)
                                        .addStatement("super(ID, IMAGE_VERSION, INPUTS)")
                                        .build())
                        .addMethod(builder(self, d));
        Set<String> seen = new HashSet<>();
        for (InputSpec in : d.inputs()) {
            String m = BindingNames.method(in.name(), TAKEN);
            if (!seen.add(m)) {
                throw new IllegalArgumentException(
                        d.id() + ": input " + in.name() + " maps to a taken method " + m);
            }
            List<TypeName> types = new ArrayList<>(List.of(type(in), ThirdPartyBindings.EXPR));
            if (in.multiple()) {
                types.add(ClassNames.STRING_LIST);
            }
            for (TypeName t : types) {
                boolean lines = t.equals(ClassNames.STRING_LIST);
                StringBuilder doc = new StringBuilder(Javadoc.block(in.description()));
                if (in.defaultValue() != null) {
                    doc.append("\n<p>Default: <code>")
                            .append(Javadoc.escape(in.defaultValue()))
                            .append("</code>\n");
                }
                if (lines) {
                    doc.append("\n<p>One value per line.\n");
                }
                type.addMethod(
                        MethodSpec.methodBuilder(m)
                                .addJavadoc("$L", doc)
                                .addModifiers(Modifier.PUBLIC)
                                .returns(self)
                                .addParameter(t, "value")
                                .addStatement(
                                        "return $L($S, value)",
                                        lines ? "lines" : "input",
                                        in.name())
                                .build());
            }
        }
        return type.build();
    }

    /**
     * {@code boolean} for true/false defaults, {@code long} for integer defaults, String otherwise.
     */
    static TypeName type(InputSpec in) {
        String d = in.defaultValue();
        if (d == null) {
            return ClassNames.STRING;
        }
        if (d.equals("true") || d.equals("false")) {
            return TypeName.BOOLEAN;
        }
        return d.matches("-?(0|[1-9][0-9]{0,17})") ? TypeName.LONG : ClassNames.STRING;
    }

    private static TypeSpec outputs(ClassName self, List<OutputSpec> outputs) {
        TypeSpec.Builder b =
                TypeSpec.classBuilder("Outputs")
                        .addJavadoc(
                                "Output names, for {@code step.output($L.Outputs.NAME)}.",
                                self.simpleName())
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        for (OutputSpec o : outputs) {
            b.addField(
                    FieldSpec.builder(
                                    String.class,
                                    o.name().toUpperCase(Locale.ROOT).replace('-', '_'),
                                    Modifier.PUBLIC,
                                    Modifier.STATIC,
                                    Modifier.FINAL)
                            .addJavadoc("$L", Javadoc.line(o.description()))
                            .initializer("$S", o.name())
                            .build());
        }
        return b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    private static MethodSpec builder(ClassName self, ActionDescriptor d) {
        List<InputSpec> required = d.inputs().stream().filter(InputSpec::required).toList();
        MethodSpec.Builder b =
                MethodSpec.methodBuilder("builder")
                        .addJavadoc(
                                "A new step$L.",
                                required.isEmpty() ? "" : " with the required inputs")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self)
                        .addStatement("$T b = new $T()", self, self);
        for (InputSpec r : required) {
            String param = BindingNames.method(r.name(), TAKEN);
            b.addParameter(String.class, param);
            b.addStatement("b.required($S, $N)", r.name(), param);
        }
        return b.addStatement("return b").build();
    }
}
