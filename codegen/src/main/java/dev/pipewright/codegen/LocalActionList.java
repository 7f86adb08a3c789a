package dev.pipewright.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The list of Pipewright's local actions, directory name to action.yml body, read by {@code
 * LocalActions}: generated with the bindings it lists, so a new action cannot be left out of what
 * pipelines write.
 */
final class LocalActionList {
    static final String CLASS = "LocalActionList";

    private LocalActionList() {}

    /** The class listing every binding named in {@code bindingClasses}, sorted by class name. */
    static GeneratedSource generate(List<String> bindingClasses, String origin) {
        List<CodeBlock> entries = new ArrayList<>();
        for (String cls : new TreeSet<>(bindingClasses)) {
            ClassName c = ClassName.get(OwnBindings.PACKAGE, cls);
            entries.add(CodeBlock.of("$T.entry($T.DIRECTORY, $T.METADATA)", Map.class, c, c));
        }
        TypeSpec type =
                TypeSpec.classBuilder(CLASS)
                        .addJavadoc(
                                "Every Pipewright action as a local action: its directory under {@code .github/actions/} and"
                                        + " the body of its action.yml.")
                        .addModifiers(Modifier.FINAL)
                        .addField(
                                FieldSpec.builder(
                                                ParameterizedTypeName.get(
                                                        Map.class, String.class, String.class),
                                                "METADATA",
                                                Modifier.STATIC,
                                                Modifier.FINAL)
                                        .addJavadoc("Directory name to action.yml body.")
                                        .initializer(
                                                "$T.ofEntries(\n$>$>$L$<$<)",
                                                Map.class,
                                                CodeBlock.join(entries, ",\n"))
                                        .build())
                        .addMethod(
                                MethodSpec.constructorBuilder()
                                        .addModifiers(Modifier.PRIVATE)
                                        .build())
                        .build();
        return JavaSources.render(OwnBindings.DIRECTORY, OwnBindings.PACKAGE, type, origin);
    }
}
