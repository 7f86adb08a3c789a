package dev.pipewright.action.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.InputException;
import dev.pipewright.action.TestData;
import dev.pipewright.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The rewrite against the shared promotion samples (byte for byte) and kustomize's image semantics.
 */
class PromotionSamplesTest {
    static final String DIGEST =
            "sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3";
    static final ImageSpec APP = new ImageSpec("app", "ghcr.io/acme/example-app", "1.3.0", DIGEST);

    static String sample(String name) throws Exception {
        return Files.readString(TestData.resource("promote/samples/" + name));
    }

    @Test
    void helmValuesMatchTheExpectedFileByteForByte() throws Exception {
        YamlText doc = YamlText.parse("values.yaml", sample("values.yaml"));
        Change c =
                Rewriter.helm(
                        doc,
                        Target.helm("helm-values", "values.yaml"),
                        Map.of(APP.repository(), APP));
        assertThat(doc.result()).isEqualTo(sample("values.expected.yaml"));
        assertThat(c)
                .isEqualTo(
                        new Change("values.yaml", 8, "image", "app", "1.2.3", "1.3.0", "", DIGEST));
    }

    @Test
    void kustomizationMatchesTheExpectedFileByteForByte() throws Exception {
        YamlText doc = YamlText.parse("kustomization.yaml", sample("kustomization.yaml"));
        List<Change> cs =
                Rewriter.kustomize(doc, Map.of(APP.repository(), APP), Map.of(APP.name(), APP));
        assertThat(doc.result()).isEqualTo(sample("kustomization.expected.yaml"));
        assertThat(cs)
                .extracting(Change::location)
                .containsExactly("images[ghcr.io/acme/example-app]");
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        YamlText doc = YamlText.parse("values.yaml", sample("values.expected.yaml"));
        Rewriter.helm(
                doc,
                Target.helm("helm-values", "values.yaml:image"),
                Map.of(APP.repository(), APP));
        assertThat(doc.changed()).isFalse();
        YamlText k = YamlText.parse("k.yaml", sample("kustomization.expected.yaml"));
        Rewriter.kustomize(k, Map.of(APP.repository(), APP), Map.of());
        assertThat(k.changed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "values.yaml",
                "values.expected.yaml",
                "kustomization.yaml",
                "kustomization.expected.yaml",
                "kustomize-image-cases.json"
            })
    void copiesEqualTheSharedOriginals(String name) throws Exception {
        Path shared = SharedData.require("reference/promotion-samples/" + name);
        assertThat(sample(name)).isEqualTo(Files.readString(shared));
    }

    @Test
    void kustomizeImageCases() throws Exception {
        JsonNode cases =
                new ObjectMapper().readTree(sample("kustomize-image-cases.json")).path("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(9);
        for (JsonNode c : cases) {
            JsonNode e = c.path("images_entry");
            KustomizeImage entry =
                    new KustomizeImage(
                            e.path("name").asText(),
                            e.path("newName").asText(null),
                            e.path("newTag").asText(null),
                            e.path("digest").asText(null),
                            e.path("tagSuffix").asText(null));
            assertThat(entry.apply(c.path("container_image").asText()))
                    .as(c.toString())
                    .isEqualTo(c.path("result").asText());
        }
    }

    @Test
    void twoImagesWithAnchorsAndCommentsChangeOnlyTheirLines() {
        String before =
                """
                # two services share resources through an anchor
                defaults: &defaults
                  resources: {limits: {cpu: 500m}}   # keep
                api:
                  <<: *defaults
                  image:
                    repository: ghcr.io/acme/api   # the API
                    tag: '1.0.0'

                    digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
                worker:
                  image:
                    registry: ghcr.io
                    repository: acme/worker
                    tag: &wtag 2.0.0 # anchored
                  replicas: 3
                mirror: *wtag
                """;
        ImageSpec api = new ImageSpec("api", "ghcr.io/acme/api", "1.1.0", DIGEST);
        ImageSpec worker = new ImageSpec("worker", "ghcr.io/acme/worker", "2.1", DIGEST);
        Map<String, ImageSpec> byRepo = Map.of(api.repository(), api, worker.repository(), worker);
        YamlText doc = YamlText.parse("values.yaml", before);
        Rewriter.helm(doc, Target.helm("helm-values", "values.yaml:api.image"), byRepo);
        // worker.image has no digest key: named explicitly, it is added beside the tag.
        Rewriter.helm(
                doc,
                Target.helm(
                        "helm-values",
                        "values.yaml:worker.image.repository,worker.image.tag,worker.image.digest"),
                byRepo);
        String patch = PromotionEdit.diff("values.yaml", before, doc.result());
        assertThat(patch)
                .isEqualTo(
                        """
                diff --git a/values.yaml b/values.yaml
                --- a/values.yaml
                +++ b/values.yaml
                @@ -5,13 +5,14 @@
                   <<: *defaults
                   image:
                     repository: ghcr.io/acme/api   # the API
                -    tag: '1.0.0'
                +    tag: '1.1.0'
                \s
                -    digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
                +    digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3
                 worker:
                   image:
                     registry: ghcr.io
                     repository: acme/worker
                -    tag: &wtag 2.0.0 # anchored
                +    tag: &wtag "2.1" # anchored
                +    digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3
                   replicas: 3
                 mirror: *wtag
                """);
    }

    @Test
    void unknownPathNamesFileAndPath() {
        YamlText doc = YamlText.parse("charts/values.yaml", "app:\n  image:\n    repo: x\n");
        assertThatThrownBy(
                        () ->
                                Rewriter.helm(
                                        doc,
                                        Target.helm("helm-values", "values.yaml:app.image"),
                                        Map.of(APP.repository(), APP)))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "charts/values.yaml: no value at path 'app.image.repository' (keys under 'app.image': repo)");
    }

    @Test
    void unknownImageInFileNamesFileAndLine() {
        YamlText doc =
                YamlText.parse(
                        "values.yaml", "image:\n  repository: ghcr.io/acme/other\n  tag: 1.0.0\n");
        assertThatThrownBy(
                        () ->
                                Rewriter.helm(
                                        doc,
                                        Target.helm("helm-values", "values.yaml"),
                                        Map.of(APP.repository(), APP)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(
                        "values.yaml:2: 'image.repository' is ghcr.io/acme/other, which no --image names");
    }

    @Test
    void aliasedValueIsRefused() {
        YamlText doc =
                YamlText.parse(
                        "v.yaml",
                        "base: &t 1.0.0\nimage:\n  repository: ghcr.io/acme/example-app\n  tag: *t\n");
        assertThatThrownBy(
                        () ->
                                Rewriter.helm(
                                        doc,
                                        Target.helm("helm-values", "v.yaml"),
                                        Map.of(APP.repository(), APP)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("v.yaml:4: 'image.tag' is an alias");
    }

    @Test
    void plainValuesThatWouldChangeTypeAreQuoted() {
        assertThat(YamlText.render("1.3", DumperOptions.ScalarStyle.PLAIN)).isEqualTo("\"1.3\"");
        assertThat(YamlText.render("1.3.0", DumperOptions.ScalarStyle.PLAIN)).isEqualTo("1.3.0");
        assertThat(YamlText.render("true", DumperOptions.ScalarStyle.PLAIN)).isEqualTo("\"true\"");
        assertThat(YamlText.render("it's", DumperOptions.ScalarStyle.SINGLE_QUOTED))
                .isEqualTo("'it''s'");
    }

    @Test
    void emptyValueGetsOne() {
        YamlText doc =
                YamlText.parse(
                        "v.yaml",
                        "image:\n  repository: ghcr.io/acme/example-app\n  tag: 1.2.3\n  digest:\n");
        Rewriter.helm(doc, Target.helm("helm-values", "v.yaml"), Map.of(APP.repository(), APP));
        assertThat(doc.result())
                .isEqualTo(
                        "image:\n  repository: ghcr.io/acme/example-app\n  tag: 1.3.0\n  digest: "
                                + DIGEST
                                + "\n");
    }

    @Test
    void imageSpecs() {
        ImageSpec i = ImageSpec.parse("image", "api=ghcr.io/acme/api:1.3.0@" + DIGEST);
        assertThat(i).isEqualTo(new ImageSpec("api", "ghcr.io/acme/api", "1.3.0", DIGEST));
        assertThat(ImageSpec.parse("image", "web=localhost:5000/web:2").registry())
                .isEqualTo("localhost:5000");
        ImageSpec hub = ImageSpec.parse("image", "n=docker.io/nginx:1.25");
        assertThat(hub.path()).isEqualTo("library/nginx");
        assertThatThrownBy(() -> ImageSpec.parse("image", "ghcr.io/acme/api:1.3.0"))
                .hasMessageContaining("is not NAME=REGISTRY/REPOSITORY:TAG");
    }
}
