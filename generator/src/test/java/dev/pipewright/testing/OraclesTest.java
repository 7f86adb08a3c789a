package dev.pipewright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the oracle runners on one good and one broken workflow; skips without node. */
class OraclesTest {
    private static final String GOOD =
            """
      name: ci
      on: push
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - run: echo ok
      """;
    // a job without runs-on and an undefined context: every oracle should object
    private static final String BROKEN =
            """
      name: ci
      on: push
      jobs:
        build:
          steps:
            - run: echo ${{ nope.x }}
      """;

    @TempDir static Path dir;
    static Path good;
    static Path broken;

    @BeforeAll
    static void write() throws Exception {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        good = Files.writeString(workflows.resolve("good.yml"), GOOD);
        broken = Files.writeString(workflows.resolve("broken.yml"), BROKEN);
    }

    @Test
    void workflowParser() {
        check(Oracles.workflowParser(good, broken));
    }

    @Test
    void actionlint177() {
        check(Oracles.actionlint177(good, broken));
    }

    @Test
    void actionValidator() {
        check(Oracles.actionValidator(good, broken));
    }

    @Test
    void noFilesNoRun() {
        assertThat(Oracles.workflowParser()).isEmpty();
        assertThat(Oracles.parseExpressions(List.of())).isEmpty();
    }

    private static void check(List<Oracles.Finding> findings) {
        assertThat(findings)
                .isNotEmpty()
                .allSatisfy(
                        f -> {
                            assertThat(f.file()).isEqualTo(broken.toString());
                            assertThat(f.line()).isPositive();
                            assertThat(f.kind()).isNotBlank().isNotEqualTo("crash");
                        });
    }
}
