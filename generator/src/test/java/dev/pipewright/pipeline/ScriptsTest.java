package dev.pipewright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Job;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry point a JBang script's main calls: generate, check, and collecting without generating.
 */
class ScriptsTest {
    @TempDir Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    record Ci(String command) implements Pipeline {
        public String id() {
            return "ci";
        }

        public String source() {
            return "Pipelines.java";
        }

        public String outputDirectory() {
            return ".github/workflows";
        }

        public List<Workflow> workflows() {
            return List.of(
                    Workflow.builder("ci.yml")
                            .on(Trigger.push().branches("main"))
                            .permissions(Permissions.none())
                            .job(
                                    Job.builder("build")
                                            .runsOn("ubuntu-24.04")
                                            .timeoutMinutes(10)
                                            .step(Step.run(command).build())
                                            .build())
                            .build());
        }
    }

    private int execute(Pipeline p, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", root.toString()));
        return Scripts.execute(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(p));
    }

    @Test
    void positiveGenerateThenCheckThenDrift() throws IOException {
        assertThat(execute(new Ci("make"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("wrote     .github/workflows/ci.yml\n");
        assertThat(Files.readString(root.resolve(".github/workflows/ci.yml")))
                .contains("      - run: make\n");
        assertThat(execute(new Ci("make"), "check")).isZero();
        assertThat(execute(new Ci("make test"), "check")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(".github/workflows/ci.yml: differs from its source");
    }

    @Test
    void negativeAnUnknownArgumentIsAUsageError() {
        assertThat(execute(new Ci("make"), "--force")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument \"--force\"");
        assertThat(root.resolve(".github")).doesNotExist();
    }

    @Test
    void positiveCollectRecordsThePipelinesWithoutWriting() {
        List<Pipeline> found = Scripts.collect(() -> Scripts.run(new String[0], new Ci("make")));
        assertThat(found).containsExactly(new Ci("make"));
    }
}
