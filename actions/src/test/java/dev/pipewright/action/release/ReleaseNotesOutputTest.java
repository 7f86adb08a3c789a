package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The changelog and notes are written together or not at all. */
class ReleaseNotesOutputTest {
    @Test
    void aChangelogTargetThatIsADirectoryWritesNeitherFile() throws Exception {
        try (SimulatedRunner r = new SimulatedRunner();
                TestRepo repo = TestRepo.init(r.workspace())) {
            repo.commit("feat: first");
            Files.createDirectories(r.workspace().resolve("D/CHANGELOG-0.1.0.md"));
            SimulatedRunner.Step step = r.input("output-dir", "D").run(new ReleaseNotesAction());
            assertThat(step.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(step.stdout())
                    .contains(
                            "::error::release-notes: input 'output-dir': D/CHANGELOG-0.1.0.md is a directory");
            assertThat(r.workspace().resolve("D/RELEASE-NOTES-0.1.0.md")).doesNotExist();
        }
    }
}
