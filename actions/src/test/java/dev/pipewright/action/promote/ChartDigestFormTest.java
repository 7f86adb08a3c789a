package dev.pipewright.action.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.action.InputException;
import dev.pipewright.action.TestData;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The digest goes into a chart's values in the form its templates read, on excerpts of real charts
 * ({@code promote/charts/README.md}): kube-prometheus-stack's bare-hex {@code sha}, Bitnami's
 * {@code digest: sha256:…}, and the {@code helm create} scaffold, which has no digest field and is
 * refused.
 */
class ChartDigestFormTest {
    private static final String HEX =
            "24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3";
    private static final String DIGEST = "sha256:" + HEX;

    private static YamlText chart(String name) throws Exception {
        return YamlText.parse(
                "values.yaml",
                Files.readString(TestData.resource("promote/charts/" + name + ".values.yaml")));
    }

    private static String diff(YamlText doc, String name) throws Exception {
        String before =
                Files.readString(TestData.resource("promote/charts/" + name + ".values.yaml"));
        return PromotionEdit.diff("values.yaml", before, doc.result());
    }

    @Test
    void kubePrometheusStackGetsTheBareHexInSha() throws Exception {
        ImageSpec operator =
                new ImageSpec(
                        "operator",
                        "quay.io/prometheus-operator/prometheus-operator",
                        "v0.93.1",
                        DIGEST);
        YamlText doc = chart("kube-prometheus-stack");
        Change c =
                Rewriter.helm(
                        doc,
                        Target.helm("helm-values", "values.yaml:prometheusOperator.image"),
                        Map.of(operator.repository(), operator));
        // The template renders ...:{{ .tag }}@sha256:{{ .sha }}: "sha256:" in the value would make
        // "@sha256:sha256:…".
        assertThat(diff(doc, "kube-prometheus-stack"))
                .isEqualTo(
                        """
                diff --git a/values.yaml b/values.yaml
                --- a/values.yaml
                +++ b/values.yaml
                @@ -7,8 +7,8 @@
                     registry: quay.io
                     repository: prometheus-operator/prometheus-operator
                     # if not set appVersion field from Chart.yaml is used
                -    tag: ""
                -    sha: ""
                +    tag: "v0.93.1"
                +    sha: "%s"
                     pullPolicy: IfNotPresent
                \s
                   ## Prometheus image to use for prometheuses managed by the operator
                """
                                .formatted(HEX));
        assertThat(c.newDigest()).isEqualTo(HEX);

        // Promoting the same digest again changes nothing (the value is compared in the chart's
        // form).
        YamlText again = YamlText.parse("values.yaml", doc.result());
        Change second =
                Rewriter.helm(
                        again,
                        Target.helm("helm-values", "values.yaml:prometheusOperator.image"),
                        Map.of(operator.repository(), operator));
        assertThat(again.changed()).isFalse();
        assertThat(second.changed()).isFalse();
    }

    @Test
    void bitnamiGetsTheDigestWithItsAlgorithm() throws Exception {
        ImageSpec nginx =
                new ImageSpec("nginx", "docker.io/bitnami/nginx", "1.29.2-debian-12-r0", DIGEST);
        YamlText doc = chart("bitnami-nginx");
        Rewriter.helm(
                doc, Target.helm("helm-values", "values.yaml"), Map.of(nginx.repository(), nginx));
        assertThat(diff(doc, "bitnami-nginx"))
                .isEqualTo(
                        """
                diff --git a/values.yaml b/values.yaml
                --- a/values.yaml
                +++ b/values.yaml
                @@ -13,8 +13,8 @@
                 image:
                   registry: docker.io
                   repository: bitnami/nginx
                -  tag: 1.29.1-debian-12-r0
                -  digest: ""
                +  tag: 1.29.2-debian-12-r0
                +  digest: "%s"
                   ## Specify a imagePullPolicy
                   ## ref: https://kubernetes.io/docs/concepts/containers/images/#pre-pulled-images
                   ##
                """
                                .formatted(DIGEST));
    }

    @Test
    void aChartWithoutDigestFieldIsRefusedNamingTheKeys() throws Exception {
        ImageSpec nginx = new ImageSpec("nginx", "nginx", "1.27.0", DIGEST);
        YamlText doc = chart("helm-create");
        assertThatThrownBy(
                        () ->
                                Rewriter.helm(
                                        doc,
                                        Target.helm("helm-values", "values.yaml"),
                                        Map.of(nginx.repository(), nginx)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(
                        "values.yaml:11: 'image' has no digest field ('image.digest' or 'image.sha')")
                .hasMessageContaining("FILE:image.repository,image.tag)");
        assertThat(doc.changed()).isFalse();

        // Promotion by tag alone, asked for explicitly, still works and writes no digest.
        YamlText byTag = chart("helm-create");
        Change c =
                Rewriter.helm(
                        byTag,
                        Target.helm("helm-values", "values.yaml:image.repository,image.tag"),
                        Map.of(nginx.repository(), nginx));
        assertThat(byTag.result())
                .contains("  tag: \"1.27.0\"\n")
                .doesNotContain("digest")
                .doesNotContain("sha");
        assertThat(c.newDigest()).isEmpty();
    }

    @Test
    void aDigestAlreadyInBareFormStaysBare() {
        YamlText doc =
                YamlText.parse(
                        "v.yaml",
                        "image:\n  repository: ghcr.io/acme/example-app\n  tag: 1.2.3\n  digest: "
                                + "1111111111111111111111111111111111111111111111111111111111111111\n");
        Rewriter.helm(
                doc,
                Target.helm("helm-values", "v.yaml"),
                Map.of(PromotionSamplesTest.APP.repository(), PromotionSamplesTest.APP));
        assertThat(doc.result()).endsWith("  digest: " + HEX + "\n");
    }
}
