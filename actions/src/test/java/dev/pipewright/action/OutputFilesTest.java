package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Staged files reach disk all or nothing, with modes later (non-root) steps of the job can read.
 */
class OutputFilesTest {
    /**
     * Writes each line of input {@code files} (a path) with its own name as content; {@code key}
     * privately.
     */
    static final class WriterAction implements Action {
        static final ActionDescriptor DESCRIPTOR =
                new ActionDescriptor(
                        "writer",
                        "Writer",
                        "Test action.",
                        null,
                        List.of(
                                InputSpec.of("files", "paths").multipleValues(),
                                InputSpec.of("key", "a private file")),
                        List.of(),
                        new Branding("check", "blue"));

        @Override
        public ActionDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Outcome run(ActionContext ctx) {
            for (String f : ctx.inputs().lines("files")) {
                ctx.writeFile("files", ctx.workspace().resolve("files", f), f);
            }
            ctx.inputs()
                    .optional("key")
                    .ifPresent(
                            k ->
                                    ctx.writePrivateFile(
                                            "key", ctx.workspace().resolve("key", k), "secret"));
            return Outcome.pass();
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(
                Files.readAttributes(p, PosixFileAttributes.class).permissions());
    }

    static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }

    /** Everything in the workspace except the given directories the test created itself. */
    static List<String> listing(SimulatedRunner r) throws Exception {
        try (Stream<Path> walk = Files.walk(r.workspace())) {
            return walk.map(p -> r.workspace().relativize(p).toString())
                    .filter(s -> !s.isEmpty())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void targetThatIsADirectoryIsBadInputNamingInputAndPath() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Files.createDirectories(r.workspace().resolve("d"));
            SimulatedRunner.Step s = r.input("files", "d").run(new WriterAction());
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains("::error::writer: input 'files': d is a directory")
                    .doesNotContain("Exception");
            assertThat(s.stderr()).isEmpty();
        }
    }

    @Test
    void parentThatIsARegularFileIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            r.write("f", "x");
            SimulatedRunner.Step s = r.input("files", "f/sub/r.json").run(new WriterAction());
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout())
                    .contains(
                            "input 'files': cannot write f/sub/r.json: f is a file, not a directory");
            assertThat(r.workspace().resolve("f")).hasContent("x");
        }
    }

    @Test
    void oneBadTargetWritesNoneOfTheOthers() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            Files.createDirectories(r.workspace().resolve("out/b.json"));
            r.write("out/c.json", "old");
            SimulatedRunner.Step s =
                    r.input("files", "new/a.json\nout/c.json\nout/b.json").run(new WriterAction());
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(s.stdout()).contains("input 'files': out/b.json is a directory");
            assertThat(listing(r)).containsExactly("out", "out/b.json", "out/c.json");
            assertThat(r.workspace().resolve("out/c.json")).hasContent("old");
            assertThat(r.outputFile()).isEmptyFile();
        }
    }

    @Test
    void fileThatIsAlsoTheDirectoryOfAnotherIsBadInput() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            SimulatedRunner.Step s = r.input("files", "a\na/b").run(new WriterAction());
            assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(listing(r)).isEmpty();
        }
    }

    @Test
    void outputsAreWorldReadableAndPrivateFilesAreNot() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            assumeTrue(posix(r.workspace()));
            SimulatedRunner.Step s =
                    r.input("files", "out/report.json\nplain.txt")
                            .input("key", "keys/k.key")
                            .run(new WriterAction());
            assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
            assertThat(mode(r.workspace().resolve("out/report.json"))).isEqualTo("rw-r--r--");
            assertThat(mode(r.workspace().resolve("plain.txt"))).isEqualTo("rw-r--r--");
            assertThat(mode(r.workspace().resolve("keys/k.key"))).isEqualTo("rw-------");
            assertThat(mode(r.outputFile())).isEqualTo("rw-r--r--");
            assertThat(listing(r))
                    .containsExactly("keys", "keys/k.key", "out", "out/report.json", "plain.txt");
        }
    }

    @Test
    void rewrittenFileKeepsItsMode() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner()) {
            assumeTrue(posix(r.workspace()));
            Path script = r.write("run.sh", "old");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
            assertThat(r.input("files", "run.sh").run(new WriterAction()).exit()).isZero();
            assertThat(script).hasContent("run.sh");
            assertThat(mode(script)).isEqualTo("rwxr-x---");
        }
    }
}
