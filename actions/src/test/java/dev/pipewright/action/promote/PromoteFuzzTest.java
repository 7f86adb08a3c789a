package dev.pipewright.action.promote;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.action.InputException;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of promote's edits: Helm values and kustomizations are rewritten, or refused with an
 * InputException that names file and line. Nothing else escapes.
 */
class PromoteFuzzTest {
    private static final ImageSpec APP = PromotionSamplesTest.APP;

    static void helm(byte[] data) {
        YamlText doc = YamlText.parse("values.yaml", new String(data, StandardCharsets.UTF_8));
        Rewriter.helm(
                doc, Target.helm("helm-values", "values.yaml"), Map.of(APP.repository(), APP));
        YamlText again = YamlText.parse("values.yaml", new String(data, StandardCharsets.UTF_8));
        Rewriter.helm(
                again,
                Target.helm("helm-values", "values.yaml:image"),
                Map.of(APP.repository(), APP));
    }

    static void kustomization(byte[] data) {
        YamlText doc =
                YamlText.parse("kustomization.yaml", new String(data, StandardCharsets.UTF_8));
        Rewriter.kustomize(doc, Map.of(APP.repository(), APP), Map.of(APP.name(), APP));
    }

    /**
     * Located, or a key path the configuration names that the file lacks (a missing key has no line
     * to name).
     */
    static boolean documented(Throwable t) {
        return t instanceof InputException
                && (Campaign.located(t.getMessage())
                        || t.getMessage()
                                .matches(
                                        "(?s)(values|kustomization)\\.yaml: no value at path '[^']*' .*"));
    }

    static List<Seeds.Seed> seeds(String prefix) {
        List<Seeds.Seed> seeds =
                new ArrayList<>(
                        Seeds.files(
                                Path.of("actions/src/test/resources/promote/samples"),
                                n -> n.startsWith(prefix) && n.endsWith(".yaml")));
        seeds.addAll(
                Seeds.files(
                        Seeds.shared().resolve("reference/promotion-samples"),
                        n -> n.startsWith(prefix) && n.endsWith(".yaml")));
        return seeds;
    }

    @Test
    void helmValues() {
        assertThat(
                        Campaign.run(
                                        "promote-helm-values",
                                        seeds("values"),
                                        Path.of(
                                                "actions/src/test/resources/fuzz/promote-helm-values"),
                                        Campaign.count(100),
                                        PromoteFuzzTest::helm,
                                        PromoteFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @Test
    void kustomizations() {
        assertThat(
                        Campaign.run(
                                        "promote-kustomization",
                                        seeds("kustomization"),
                                        Path.of(
                                                "actions/src/test/resources/fuzz/promote-kustomization"),
                                        Campaign.count(100),
                                        PromoteFuzzTest::kustomization,
                                        PromoteFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzPromote(byte[] data) {
        for (Campaign.Target t :
                List.<Campaign.Target>of(PromoteFuzzTest::helm, PromoteFuzzTest::kustomization)) {
            try {
                t.run(data);
            } catch (Exception e) {
                if (!documented(e)) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
