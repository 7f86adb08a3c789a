package dev.pipewright.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.UsesStep;
import dev.pipewright.model.expr.Expr;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated bindings build the steps a hand-written {@code Step.uses(...)} would. */
class BindingsTest {

    @Test
    void buildsAnUnpinnedTagReference() {
        UsesStep step =
                ActionsCheckout.builder().name("Check out").persistCredentials(false).build();
        assertThat(step.uses().text()).isEqualTo("actions/checkout@v7.0.1");
        assertThat(step.uses().isPinned()).isFalse();
        assertThat(step.name()).isEqualTo("Check out");
        assertThat(step.with()).containsExactly(Map.entry("persist-credentials", false));
    }

    @Test
    void subPathActionsKeepTheirPath() {
        UsesStep step = CodeqlUploadSarif.builder().sarifFile("trivy.sarif").build();
        assertThat(step.uses().text()).isEqualTo("github/codeql-action/upload-sarif@v4.37.7");
    }

    @Test
    void requiredInputsAreBuilderArguments() throws NoSuchMethodException {
        Method cache = ActionsCache.class.getMethod("builder", String.class, String.class);
        assertThat(cache).isNotNull();
        assertThat(
                        Arrays.stream(ActionsCheckout.class.getMethods())
                                .filter(m -> m.getName().equals("builder")))
                .singleElement()
                .satisfies(m -> assertThat(m.getParameterCount()).isZero());
        UsesStep step =
                ActionsCache.builder(
                                "~/.m2/repository",
                                "maven-" + Expr.hashFiles("**/pom.xml").wrapped())
                        .restoreKeys("maven-")
                        .build();
        assertThat(step.with().keySet()).containsExactly("path", "key", "restore-keys");
        assertThatThrownBy(() -> ActionsCache.builder(null, "k"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("path == null (it is a required input of actions/cache)");
    }

    @Test
    void requiredInputsGoWhereTheActionDeclaresThem() {
        UsesStep step =
                ActionsUploadArtifact.builder("target/*.jar")
                        .nameInput("jars")
                        .retentionDays(7)
                        .build();
        assertThat(step.with().keySet()).containsExactly("name", "path", "retention-days");
        assertThat(step.with().get("retention-days")).isEqualTo(7L);
    }

    @Test
    void settersAreTypedFromDefaults() throws NoSuchMethodException {
        assertThat(ActionsCheckout.class.getMethod("persistCredentials", boolean.class))
                .isNotNull();
        assertThat(ActionsCheckout.class.getMethod("fetchDepth", long.class)).isNotNull();
        assertThat(ActionsCheckout.class.getMethod("ref", String.class)).isNotNull();
        assertThat(ActionsCheckout.class.getMethod("ref", Expr.class)).isNotNull();
        UsesStep step = ActionsSetupJava.builder().javaVersion(Expr.matrix("java")).build();
        assertThat(step.with().get("java-version")).isEqualTo("${{ matrix.java }}");
    }

    @Test
    void deprecatedInputsAreDeprecated() throws NoSuchMethodException {
        Method old = ActionsSetupJava.class.getMethod("jdkFileInput", String.class);
        assertThat(old.isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(
                        ActionsSetupJava.class
                                .getMethod("jdkFile", String.class)
                                .isAnnotationPresent(Deprecated.class))
                .isFalse();
        assertThat(
                        ActionsSetupNode.class
                                .getMethod("version", String.class)
                                .isAnnotationPresent(Deprecated.class))
                .isTrue();
    }

    @Test
    void outputsAreConstants() {
        assertThat(DockerBuildPushAction.Outputs.DIGEST).isEqualTo("digest");
        assertThat(ActionsSetupGo.Outputs.CACHE_HIT).isEqualTo("cache-hit");
        UsesStep build = DockerBuildPushAction.builder().id("build").push(true).build();
        assertThat(build.output(DockerBuildPushAction.Outputs.DIGEST).wrapped())
                .isEqualTo("${{ steps.build.outputs.digest }}");
    }

    @Test
    void customInputAndVersion() {
        UsesStep step =
                ActionsUploadArtifact.builder("dist/")
                        .customInput("include-hidden-files", true)
                        .customInput("compression-level", 0)
                        .customInput("overwrite", Expr.lit(true))
                        .customVersion("v7.0.0")
                        .build();
        assertThat(step.uses().text()).isEqualTo("actions/upload-artifact@v7.0.0");
        assertThat(step.with())
                .containsEntry("include-hidden-files", true)
                .containsEntry("compression-level", 0L)
                .containsEntry("overwrite", "${{ true }}");
        assertThat(step.with().keySet())
                .containsExactly("path", "include-hidden-files", "compression-level", "overwrite");
        assertThatThrownBy(() -> ActionsCheckout.builder().customVersion("v1 @x"))
                .hasMessage("'v1 @x' is not a release tag");
    }

    @Test
    void commonStepKeys() {
        UsesStep step =
                ActionsSetupGo.builder()
                        .id("go")
                        .name("Set up Go")
                        .ifCondition(Expr.always())
                        .env("GOFLAGS", "-mod=readonly")
                        .continueOnError(true)
                        .timeoutMinutes(5)
                        .goVersionFile("go.mod")
                        .build();
        assertThat(step.id()).isEqualTo("go");
        assertThat(step.condition()).isEqualTo("always()");
        assertThat(step.env()).containsEntry("GOFLAGS", "-mod=readonly");
        assertThat(step.continueOnError()).isEqualTo(true);
        assertThat(step.timeoutMinutes()).isEqualTo(5);
        assertThat(step.with()).containsOnlyKeys("go-version-file");
    }

    @Test
    void everyBindingNamesItsSourceAndTag() {
        for (Class<?> c :
                List.of(
                        ActionsCheckout.class,
                        DockerBuildPushAction.class,
                        CodeqlUploadSarif.class)) {
            assertThat(c.getSuperclass()).isEqualTo(ActionBinding.class);
        }
        assertThat(DockerBuildPushAction.ACTION + "@" + DockerBuildPushAction.VERSION)
                .isEqualTo("docker/build-push-action@v7.3.0");
    }
}
