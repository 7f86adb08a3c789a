package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file Pipewright generates in this repository is clean under all rules, security audits included. */
class GeneratedFilesAuditTest {
    @Test
    void generatedWorkflowsActionsAndDependabotAreClean() throws IOException {
        Path root = TestFiles.repoRoot();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of(".github", "generated-workflows", "actions")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(Files::isRegularFile).map(Path::toString).filter(p -> p.matches(".*\\.ya?ml"))
                        .filter(p -> !p.contains("/src/") && !p.contains("/target/") && !p.endsWith("pipewright.lock.yml"))
                        .map(Path::of).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(8);
        Linter linter = new Linter(LintConfig.empty());
        List<String> findings = new ArrayList<>();
        for (Path f : files) {
            linter.lintFile(f, root.relativize(f).toString()).forEach(x -> findings.add(x.format()));
        }
        assertThat(findings).as("findings in generated files").isEmpty();
    }
}
