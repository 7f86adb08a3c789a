package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input through the CLI: one line naming the file and what is wrong with it, exit 2. */
class InputErrorsCommandTest {
    @TempDir Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(new PipewrightCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
        ActionCommands.addTo(cl, () -> env, () -> dir);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<String> errorLines(String prefix) {
        return err.toString().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void aDirectoryWhereAFileIsExpectedIsNamedAsSuch() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("a.bin"), "a\n");
        env.put("PW", "pw");
        assertThat(run("sign", "keygen", "--output-dir", "keys", "--password-env", "PW"))
                .as(err.toString())
                .isZero();
        String[][] cases = {
            {"checksums", "--check", "d"},
            {"sbom", "--validate", "d"},
            {"coverage-gate", "--files", "d"},
            {"verify", "--bundle", "d", "--key", "keys/cosign.pub", "--files", "a.bin"},
        };
        for (String[] c : cases) {
            assertThat(run(c)).as(c[0]).isEqualTo(2);
            assertThat(err.toString())
                    .as(c[0])
                    .contains("d is a directory, not a file")
                    .doesNotContain("no such file");
        }
        CliRun lint = CliRun.of("lint", "--config", dir.resolve("d").toString(), dir.toString());
        assertThat(lint.exitCode()).isEqualTo(2);
        assertThat(lint.err())
                .contains("d is a directory, not a file")
                .doesNotContain("no such file");
        CliRun generate =
                CliRun.of(
                        "generate",
                        "--root",
                        dir.toString(),
                        "--spec",
                        dir.resolve("d").toString());
        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err())
                .contains("d is a directory, not a file")
                .doesNotContain("no such file");
    }

    @Test
    void anUnknownOptionAfterARepeatableOneIsAnUnknownOption() throws IOException {
        Files.writeString(dir.resolve("a.bin"), "a\n");
        for (String command : List.of("checksums", "coverage-gate")) {
            assertThat(run(command, "--files", "a.bin", "--bogus")).as(command).isEqualTo(2);
            assertThat(err.toString())
                    .as(command)
                    .contains("Unknown option: '--bogus'")
                    .doesNotContain("no such file");
        }
        CliRun viaMain =
                CliRun.of("checksums", "--files", dir.resolve("a.bin").toString(), "--bogus");
        assertThat(viaMain.exitCode()).isEqualTo(2);
        assertThat(viaMain.err())
                .isEqualTo(
                        "pipewright checksums: Unknown option: '--bogus' (see 'pipewright checksums --help')\n")
                .doesNotContain("Usage:");
    }

    @Test
    void helpListsEachCommandsOwnExitCodes() {
        for (String command :
                List.of("sign", "checksums", "release-notes", "coverage-gate", "init")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out())
                    .as(command)
                    .contains("Exit codes:", "internal error")
                    .doesNotContain("gate passed");
        }
        assertThat(CliRun.of("sign", "--help").out()).doesNotContain("  1  ");
        assertThat(CliRun.of("checksums", "--help").out())
                .contains("  1  a file does not match its checksum");
        assertThat(CliRun.of("coverage-gate", "--help").out())
                .contains("  1  a coverage gate failed");
        assertThat(CliRun.of("init", "--help").out()).containsPattern("3\\s+internal error");
    }
}
