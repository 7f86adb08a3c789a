package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Patch coverage computed with git diff -U0 between base-ref and HEAD, in a real repository. */
class GitDiffTest {
    @Test
    void baseRefDiffGivesTheSameAddedLinesAsTheDiffFile() throws Exception {
        assumeTrue(ExternalToolsTest.onPath("git"), "git not installed; skipping");
        try (SimulatedRunner r = new SimulatedRunner()) {
            var ws = r.workspace();
            Map<String, String> env =
                    Map.of(
                            "GIT_AUTHOR_NAME",
                            "t",
                            "GIT_AUTHOR_EMAIL",
                            "t@e",
                            "GIT_COMMITTER_NAME",
                            "t",
                            "GIT_COMMITTER_EMAIL",
                            "t@e",
                            "HOME",
                            r.root().toString(),
                            "GIT_CONFIG_NOSYSTEM",
                            "1");
            ExternalToolsTest.exec(ws, env, "git", "init", "-q", "-b", "main");
            r.write("pkg/util.py", "l1\nl2\n        return lo\nl4\nl5\nl6\n");
            ExternalToolsTest.exec(ws, env, "git", "add", "-A");
            ExternalToolsTest.exec(ws, env, "git", "commit", "-qm", "base");
            r.write("pkg/util.py", "l1\nl2\n        return lo  # changed\nl4\nl5\nl6\n");
            r.write("pkg/shapes.py", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n");
            r.copy(TestData.sample("python/coverage.xml"), "coverage.xml");
            ExternalToolsTest.exec(ws, env, "git", "add", "-A");
            ExternalToolsTest.exec(ws, env, "git", "commit", "-qm", "change");
            SimulatedRunner.Step step =
                    r.input("files", "coverage.xml")
                            .input("base-ref", "HEAD~1")
                            .input("patch-min", "50")
                            .env("HOME", r.root().toString())
                            .run(new CoverageGateAction());
            assertThat(step.exit()).as(step.stdout()).isEqualTo(0);
            // shapes.py is new: all 11 coverable lines are added (7 executed); util.py line 3 is
            // executed.
            assertThat(step.outputs()).containsEntry("patch-coverage", "66.67");
            assertThat(Files.exists(r.workspace().resolve("coverage.xml"))).isTrue();

            SimulatedRunner.Step bad =
                    r.input("base-ref", "no-such-ref").run(new CoverageGateAction());
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.stdout())
                    .contains("input 'base-ref': git diff no-such-ref...HEAD failed");
        }
    }
}
