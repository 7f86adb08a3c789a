package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.TestData;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dev/production scope of npm lockfiles from public projects kept in {@code sbom/real/} (see the
 * README there): the expected counts come from walking each lock independently (a few lines of
 * Python over PyYAML, recorded in the README), not from this code.
 */
class RealLockfileScopeTest {
    private static Catalog scan(Path dir) throws IOException {
        return new Scanner().scan(dir, p -> dir.relativize(p).toString(), true);
    }

    private static long prod(Catalog c) {
        return c.components().values().stream().filter(x -> !x.dev()).count();
    }

    @Test
    void yarnBerryWorkspaceDevDependenciesAreDev() throws IOException {
        // docker/build-push-action: 3 dependencies, 15 devDependencies, all listed by the
        // workspace:. entry
        Catalog c = scan(TestData.resource("sbom/real/yarn-berry-build-push-action"));
        assertThat(c.components()).hasSize(629);
        assertThat(prod(c)).isEqualTo(219);
        assertThat(c.components().get("pkg:npm/handlebars@4.7.9").dev()).isFalse();
        assertThat(c.components().get("pkg:npm/vitest@4.0.18").dev()).isTrue();
        assertThat(c.components().get("pkg:npm/typescript@5.9.3").dev()).isTrue();
        assertThat(c.unresolvedNotes()).isEmpty();
    }

    @Test
    void yarnBerryWithOnlyDevDependenciesHasNoProductionComponent(@TempDir Path tmp)
            throws IOException {
        // the same lock, with the manifest moving its 3 dependencies to devDependencies: nothing is
        // production
        Path src = TestData.resource("sbom/real/yarn-berry-build-push-action");
        Files.copy(src.resolve("yarn.lock"), tmp.resolve("yarn.lock"));
        ObjectNode pkg =
                (ObjectNode) new ObjectMapper().readTree(src.resolve("package.json").toFile());
        ((ObjectNode) pkg.get("devDependencies")).setAll((ObjectNode) pkg.remove("dependencies"));
        Files.writeString(tmp.resolve("package.json"), pkg.toPrettyString());
        Catalog c = scan(tmp);
        assertThat(c.components()).hasSize(629);
        assertThat(prod(c)).isZero();
        assertThat(new Scanner().scan(tmp, p -> "x", false).components()).isEmpty();
    }

    @Test
    void yarnBerryWithoutPackageJsonKeepsEverythingAndSaysWhy(@TempDir Path tmp)
            throws IOException {
        Files.copy(
                TestData.resource("sbom/real/yarn-berry-build-push-action/yarn.lock"),
                tmp.resolve("yarn.lock"));
        Catalog c = scan(tmp);
        assertThat(prod(c)).isEqualTo(629);
        assertThat(c.unresolvedNotes())
                .containsExactly(
                        "yarn.lock: workspace docker-build-push: no package.json"
                                + " beside the lock, so its devDependencies are counted as production");
    }

    /**
     * vuejs/core's pnpm-lock.yaml in each key format (v5 {@code
     * /@rollup/plugin-alias/4.0.3_rollup@3.20.2}, v6 {@code
     * /@rollup/plugin-alias@4.0.4(rollup@3.26.2)}, v9
     * {@code @rollup/plugin-alias@5.1.1(rollup@4.x)}): the purls and dev flags equal cdxgen
     * 12.8.4's, recorded in {@code cdxgen-12.8.4.purls.txt} beside each lock, but for the scopes
     * listed (and explained) in {@code cdxgen-differences.txt}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"v5", "v6", "v9"})
    void pnpmKeysOfEveryFormatGiveTheSamePurlsAndScopesAsCdxgen(String format) throws IOException {
        Path dir = TestData.resource("sbom/real/pnpm-" + format + "-vue-core");
        Catalog c = new Scanner().scan(dir.resolve("pnpm-lock.yaml"), p -> "pnpm-lock.yaml", true);
        Set<String> ours = new TreeSet<>();
        c.components()
                .values()
                .forEach(
                        x ->
                                ours.add(
                                        URLDecoder.decode(
                                                        x.id().replace("+", "%2B"),
                                                        StandardCharsets.UTF_8)
                                                + (x.dev() ? " dev" : "")));
        Set<String> expected =
                new TreeSet<>(Files.readAllLines(dir.resolve("cdxgen-12.8.4.purls.txt")));
        Path differences = dir.resolve("cdxgen-differences.txt"); // explained in the file
        if (Files.exists(differences)) {
            for (String line : Files.readAllLines(differences)) {
                if (!line.startsWith("#")) {
                    String purl = line.replace(" dev", "");
                    assertThat(expected.remove(purl) || expected.remove(purl + " dev"))
                            .as(line)
                            .isTrue();
                    expected.add(line);
                }
            }
        }
        assertThat(ours).isEqualTo(expected);
        assertThat(c.edges()).isNotEmpty();
        assertThat(c.direct()).isNotEmpty();
    }
}
