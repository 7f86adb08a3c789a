package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev/production scope of npm lockfiles from public projects kept in {@code sbom/real/} (see the README there): the
 * expected counts come from walking each lock independently (a few lines of Python over PyYAML, recorded in the
 * README), not from this code.
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
        // docker/build-push-action: 3 dependencies, 15 devDependencies, all listed by the workspace:. entry
        Catalog c = scan(TestData.resource("sbom/real/yarn-berry-build-push-action"));
        assertThat(c.components()).hasSize(629);
        assertThat(prod(c)).isEqualTo(219);
        assertThat(c.components().get("pkg:npm/handlebars@4.7.9").dev()).isFalse();
        assertThat(c.components().get("pkg:npm/vitest@4.0.18").dev()).isTrue();
        assertThat(c.components().get("pkg:npm/typescript@5.9.3").dev()).isTrue();
        assertThat(c.unresolvedNotes()).isEmpty();
    }

    @Test
    void yarnBerryWithOnlyDevDependenciesHasNoProductionComponent(@TempDir Path tmp) throws IOException {
        // the same lock, with the manifest moving its 3 dependencies to devDependencies: nothing is production
        Path src = TestData.resource("sbom/real/yarn-berry-build-push-action");
        Files.copy(src.resolve("yarn.lock"), tmp.resolve("yarn.lock"));
        ObjectNode pkg = (ObjectNode) new ObjectMapper().readTree(src.resolve("package.json").toFile());
        ((ObjectNode) pkg.get("devDependencies")).setAll((ObjectNode) pkg.remove("dependencies"));
        Files.writeString(tmp.resolve("package.json"), pkg.toPrettyString());
        Catalog c = scan(tmp);
        assertThat(c.components()).hasSize(629);
        assertThat(prod(c)).isZero();
        assertThat(new Scanner().scan(tmp, p -> "x", false).components()).isEmpty();
    }

    @Test
    void yarnBerryWithoutPackageJsonKeepsEverythingAndSaysWhy(@TempDir Path tmp) throws IOException {
        Files.copy(TestData.resource("sbom/real/yarn-berry-build-push-action/yarn.lock"), tmp.resolve("yarn.lock"));
        Catalog c = scan(tmp);
        assertThat(prod(c)).isEqualTo(629);
        assertThat(c.unresolvedNotes()).containsExactly("yarn.lock: workspace docker-build-push: no package.json"
                + " beside the lock, so its devDependencies are counted as production");
    }
}
