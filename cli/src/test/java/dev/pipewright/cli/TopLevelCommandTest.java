package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Main builds only the command it runs; every command's help, version and usage errors are the
     * same as with all.
     */
    @Test
    void theCommandLineBuiltForOneCommandBehavesAsTheWholeOne() {
        List<String> names =
                new ArrayList<>(PipewrightCommand.commandLine().getSubcommands().keySet());
        assertThat(names)
                .contains(
                        "generate",
                        "init",
                        "check",
                        "lint",
                        "pin",
                        "help",
                        "coverage-gate",
                        "sign",
                        "sign-keygen");
        List<String[]> runs = new ArrayList<>();
        for (String name : names) {
            runs.add(new String[] {name, "--help"});
            runs.add(new String[] {name, "--bogus"});
        }
        runs.add(new String[] {"sign", "keygen", "--help"});
        runs.add(new String[] {"help", "lint"});
        runs.add(new String[] {"--version"});
        runs.add(new String[] {"bogus"});
        for (String[] args : runs) {
            CliRun whole = CliRun.of(PipewrightCommand.commandLine(), args);
            CliRun built = CliRun.of(args);
            assertThat(built).as(String.join(" ", args)).isEqualTo(whole);
        }
        assertThat(PipewrightCommand.forArgs("lint", "x").getSubcommands().keySet())
                .containsExactly("lint");
        assertThat(PipewrightCommand.forArgs("sign", "keygen").getSubcommands().keySet())
                .containsExactly("sign");
        assertThat(PipewrightCommand.forArgs("help", "lint").getSubcommands())
                .containsKeys("lint", "sbom");
    }
}
