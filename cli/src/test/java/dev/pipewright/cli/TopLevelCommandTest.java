package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelCommandTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "check", "Exit codes:", "3   internal error");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"generate", "check"}) {
            CliRun run = CliRun.of(sub, "--help");
            assertThat(run.exitCode()).as(sub).isZero();
            assertThat(run.out()).as(sub).contains("Usage: pipewright " + sub, "Exit codes:");
        }
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("pipewright \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void missingCommandIsUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }

    @Test
    void unknownCommandOrOptionIsUsageError() {
        assertThat(CliRun.of("bogus").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("check", "--bogus").exitCode()).isEqualTo(2);
    }
}
