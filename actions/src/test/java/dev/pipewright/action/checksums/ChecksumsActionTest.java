package dev.pipewright.action.checksums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * checksums against GNU coreutils 9.1 output (copied from shared/reference/checksums) and the real
 * sha256sum -c.
 */
class ChecksumsActionTest {
    private static final ChecksumsAction ACTION = new ChecksumsAction();

    /** The manifest's input files, recreated in the workspace root (the reference ran in dist/). */
    static void recreateInputs(SimulatedRunner r) throws Exception {
        JsonNode manifest =
                new ObjectMapper().readTree(TestData.resource("checksums/manifest.json").toFile());
        for (JsonNode f : manifest.get("files")) {
            r.write(f.get("name").asText(), f.get("content").asText());
        }
    }

    static String reference(String name) throws Exception {
        return Files.readString(TestData.resource("checksums/" + name), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "checksums.txt; sha256; text; app_1.2.3_darwin_arm64.tar.gz|app_1.2.3_linux_amd64.tar.gz|app 1.2.3.spdx.json",
                "binary-mode.sha256; sha256; binary; app_1.2.3_linux_amd64.tar.gz",
                "bsd-tag.sha256; sha256; tag; app_1.2.3_linux_amd64.tar.gz",
                "checksums.sha512; sha512; text; app_1.2.3_linux_amd64.tar.gz",
                "escaped.sha256; sha256; text; weird*|new?line.txt",
            })
    void byteIdenticalToCoreutils(String reference, String algorithm, String format, String files)
            throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            SimulatedRunner.Step step =
                    r.input("files", files.replace('|', '\n'))
                            .input("algorithms", algorithm)
                            .input("format", format)
                            .input("output", "out/" + reference)
                            .run(ACTION);
            assertThat(step.exit()).as(step.stderr() + step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(Files.readString(r.workspace().resolve("out/" + reference)))
                    .isEqualTo(reference(reference));
            assertThat(step.outputs())
                    .containsEntry("checksum-files", "out/" + reference)
                    .containsEntry("count", String.valueOf(files.split("\\|").length));
        }
    }

    @Test
    void defaultOutputSkipsItselfAndKeepsGivenOrder() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            r.write("checksums.txt", "stale\n");
            SimulatedRunner.Step step =
                    r.input("files", "app_1.2.3_darwin*\napp_1.2.3_linux*\napp 1*\nchecksums.txt\n")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(Files.readString(r.workspace().resolve("checksums.txt")))
                    .isEqualTo(reference("checksums.txt"));
            assertThat(step.summary()).contains("| sha256 | app 1.2.3.spdx.json | `bc2739c9");
        }
    }

    @Test
    void severalAlgorithmsWriteOneFilePerAlgorithm() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            SimulatedRunner.Step step =
                    r.input("files", "app_1.2.3_linux_amd64.tar.gz")
                            .input("algorithms", "sha256,sha512")
                            .run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs().get("checksum-files"))
                    .isEqualTo("checksums.sha256.txt\nchecksums.sha512.txt");
            assertThat(Files.readString(r.workspace().resolve("checksums.sha512.txt")))
                    .isEqualTo(reference("checksums.sha512"));
            assertThat(Files.readString(r.workspace().resolve("checksums.sha256.txt")))
                    .isEqualTo(
                            reference("checksums.txt")
                                            .lines()
                                            .filter(l -> l.contains("linux"))
                                            .findFirst()
                                            .orElseThrow()
                                    + "\n");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "checksums.txt",
        "binary-mode.sha256",
        "bsd-tag.sha256",
        "checksums.sha512",
        "escaped.sha256"
    })
    void checkAcceptsEveryCoreutilsFormat(String reference) throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            r.copy(TestData.resource("checksums/" + reference), "sums/" + reference);
            SimulatedRunner.Step step = r.input("check", "sums/" + reference).run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.outputs()).containsEntry("passed", "true").containsEntry("failed", "0");
            if (reference.equals("escaped.sha256")) {
                // coreutils prints problematic names escaped, with a leading backslash
                assertThat(step.stdout())
                        .contains("\\weird\\\\name.txt: OK\n", "\\new\\nline.txt: OK\n");
            }
        }
    }

    @Test
    void checkFailsOnMismatchAndMissingFile() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            r.copy(TestData.resource("checksums/checksums.txt"), "checksums.txt");
            r.write("app_1.2.3_linux_amd64.tar.gz", "binary-linux-amd64\n\0");
            Files.delete(r.workspace().resolve("app 1.2.3.spdx.json"));
            SimulatedRunner.Step step = r.input("check", "checksums.txt").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(step.stdout())
                    .contains(
                            "app_1.2.3_darwin_arm64.tar.gz: OK\n",
                            "app_1.2.3_linux_amd64.tar.gz: FAILED\n",
                            "app 1.2.3.spdx.json: FAILED open or read\n",
                            "::error::checksums: checksums.txt: 1 listed file could not be read, 1 computed checksum did NOT match");
            assertThat(step.outputs())
                    .containsEntry("passed", "false")
                    .containsEntry("failed", "2");
            assertThat(step.summary())
                    .contains("| sha256 | app_1.2.3_linux_amd64.tar.gz | **FAILED** |");
        }
    }

    /**
     * A release's checksum file with a stray line in the middle (sha256sum -c checks the rest and
     * warns).
     */
    private static void strayLine(SimulatedRunner r) throws Exception {
        String[] lines = reference("checksums.txt").split("\n");
        r.write(
                "sums.txt",
                lines[0] + "\n" + lines[1] + "\nnot a checksum line\n" + lines[2] + "\n");
    }

    @Test
    void malformedLineAmongGoodOnesWarnsWithPositionAndChecksTheRest() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            strayLine(r);
            SimulatedRunner.Step step = r.input("check", "sums.txt").run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            assertThat(step.stdout())
                    .contains(
                            "::warning file=sums.txt,line=3",
                            "checksums: sums.txt:3: improperly formatted checksum line",
                            "app 1.2.3.spdx.json: OK\n",
                            "checksums: WARNING: 1 line is improperly formatted\n");
            assertThat(step.outputs())
                    .containsEntry("passed", "true")
                    .containsEntry("count", "3")
                    .containsEntry("failed", "0");

            SimulatedRunner.Step strict = r.input("strict", "true").run(ACTION);
            assertThat(strict.exit()).as(strict.stdout()).isEqualTo(ExitCode.GATE_FAILED);
            assertThat(strict.stdout())
                    .contains(
                            "app 1.2.3.spdx.json: OK\n",
                            "::error::checksums: sums.txt: 1 line is improperly formatted");
            assertThat(strict.outputs()).containsEntry("passed", "false");
        }
    }

    /**
     * The same file through the real sha256sum -c, with and without --strict: same verdicts, same
     * warning.
     */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void malformedLineVerdictMatchesGnu(boolean strict) throws Exception {
        assumeTrue(onPath("sha256sum"), "sha256sum not on PATH (coreutils); skipping");
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            strayLine(r);
            r.write("app_1.2.3_linux_amd64.tar.gz", "changed");
            Process p =
                    new ProcessBuilder(
                                    strict
                                            ? new String[] {
                                                "sha256sum", "--strict", "-c", "sums.txt"
                                            }
                                            : new String[] {"sha256sum", "-c", "sums.txt"})
                            .directory(r.workspace().toFile())
                            .redirectErrorStream(true)
                            .start();
            String gnu = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            SimulatedRunner.Step step =
                    r.input("check", "sums.txt")
                            .input("strict", String.valueOf(strict))
                            .run(ACTION);

            assertThat(step.exit() == ExitCode.OK)
                    .as(gnu + step.stdout())
                    .isEqualTo(p.exitValue() == 0);
            Function<String, List<String>> verdicts =
                    out ->
                            out.lines()
                                    .filter(l -> l.endsWith(": OK") || l.endsWith(": FAILED"))
                                    .sorted()
                                    .toList();
            assertThat(verdicts.apply(step.stdout())).isEqualTo(verdicts.apply(gnu)).hasSize(3);
            Function<String, List<String>> warnings =
                    out ->
                            out.lines()
                                    .filter(l -> l.contains("WARNING: "))
                                    .map(l -> l.substring(l.indexOf("WARNING: ")))
                                    .sorted()
                                    .toList();
            assertThat(warnings.apply(step.stdout()))
                    .isEqualTo(warnings.apply(gnu))
                    .contains("WARNING: 1 line is improperly formatted");
        }
    }

    @Test
    void fileWithoutAnyChecksumLineIsBadInputWithPosition() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("sums.txt", "\nnot a checksum line\n");
            SimulatedRunner.Step step = r.input("check", "sums.txt").run(ACTION);
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::checksums: sums.txt:2: no properly formatted checksum lines found");
        }
    }

    @Test
    void badInputsNameTheInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            assertThat(r.input("files", "*.gz").input("algorithms", "md5").run(ACTION).stdout())
                    .contains("input 'algorithms': unknown algorithm 'md5'");
            assertThat(r.input("algorithms", "sha256").input("format", "gnu").run(ACTION).exit())
                    .isEqualTo(ExitCode.BAD_INPUT);
            SimulatedRunner.Step none =
                    r.input("format", "text").input("files", "nothing*").run(ACTION);
            assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(none.stdout()).contains("nothing*:1: no such file (input 'files'");
        }
    }

    @ParameterizedTest
    @CsvSource({"sha256, text", "sha256, binary", "sha256, tag", "sha512, text", "sha512, tag"})
    void realCoreutilsAcceptOurFiles(String algorithm, String format) throws Exception {
        assumeTrue(onPath(algorithm + "sum"), algorithm + "sum not on PATH (coreutils); skipping");
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            r.write("sub/odd\rname\\x.bin", new byte[] {0, 1, 2});
            SimulatedRunner.Step step =
                    r.input("files", "*\nsub/*")
                            .input("algorithms", algorithm)
                            .input("format", format)
                            .input("output", "SUMS")
                            .run(ACTION);
            assertThat(step.exit()).as(step.stdout()).isEqualTo(ExitCode.OK);
            Process p =
                    new ProcessBuilder(algorithm + "sum", "--strict", "-c", "SUMS")
                            .directory(r.workspace().toFile())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.lines().filter(l -> l.endsWith(": OK"))).hasSize(6);
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void oneOutputThatIsADirectoryWritesNoChecksumFile() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            Files.createDirectories(r.workspace().resolve("out.sha512.txt"));
            SimulatedRunner.Step s =
                    r.input("files", "app_1.2.3_linux_amd64.tar.gz")
                            .input("algorithms", "sha256,sha512")
                            .input("output", "out.txt")
                            .run(ACTION);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("input 'output': out.sha512.txt is a directory")
                    .doesNotContain("Exception");
            assertThat(r.workspace().resolve("out.sha256.txt")).doesNotExist();
        }
    }

    @Test
    void outputUnderARegularFileIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            recreateInputs(r);
            r.write("f", "x");
            SimulatedRunner.Step s =
                    r.input("files", "app_1.2.3_linux_amd64.tar.gz")
                            .input("output", "f/sums.txt")
                            .run(ACTION);
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains(
                            "input 'output': cannot write f/sums.txt: f is a file, not a directory");
        }
    }

    @Test
    void checksumFileIsReadableByOtherUsers() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            assumeTrue(
                    Files.getFileAttributeView(r.workspace(), PosixFileAttributeView.class)
                            != null);
            recreateInputs(r);
            assertThat(r.input("files", "app_1.2.3_linux_amd64.tar.gz").run(ACTION).exit())
                    .isZero();
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.readAttributes(
                                                    r.workspace().resolve("checksums.txt"),
                                                    PosixFileAttributes.class)
                                            .permissions()))
                    .isEqualTo("rw-r--r--");
        }
    }
}
