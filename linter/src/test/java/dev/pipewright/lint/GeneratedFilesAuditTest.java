package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.audit.Persona;
import dev.pipewright.testing.DevelopmentImage;
import dev.pipewright.testing.OwnLocalActions;
import dev.pipewright.testing.PermissionReasonSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file Pipewright generates in this repository is clean under all rules, security audits
 * included.
 */
class GeneratedFilesAuditTest {
    @Test
    void generatedWorkflowsActionsAndDependabotAreClean() throws IOException {
        Path root = TestFiles.repoRoot();
        List<Path> files = generatedFiles(root);
        Linter linter = new Linter(LintConfig.empty());
        List<String> findings = new ArrayList<>();
        List<String> devTag = new ArrayList<>();
        for (Path f : files) {
            // Only our image's development tag is set aside (DevelopmentImage), and it must still
            // be reported.
            linter.lintFile(f, root.relativize(f).toString())
                    .forEach(
                            x ->
                                    (DevelopmentImage.isReported(x.rule(), x.message())
                                                    ? devTag
                                                    : findings)
                                            .add(x.format()));
        }
        assertThat(devTag)
                .as("the development tag is reported in each of our actions")
                .isNotEmpty()
                .anyMatch(f -> f.startsWith("actions/coverage-gate/action.yml:"));
        assertThat(findings).as("findings in generated files").isEmpty();
    }

    /**
     * "Secure by default" holds for the strictest persona too: documented permissions, named
     * workflows and jobs, no cache in release jobs. Set aside: the development tag (as above) and
     * self-repository on the calls of our own local actions, whose {@code $/} form actionlint
     * rejects (OwnLocalActions).
     */
    @Test
    void generatedFilesAreCleanForThePedanticPersona() throws IOException {
        Path root = TestFiles.repoRoot();
        Linter linter = new Linter(LintConfig.empty().withPersona(Persona.PEDANTIC));
        List<String> findings = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        for (Path f : generatedFiles(root)) {
            linter.lintFile(f, root.relativize(f).toString())
                    .forEach(
                            x ->
                                    (DevelopmentImage.isReported(x.rule(), x.message())
                                                            || OwnLocalActions.isReported(
                                                                    x.rule(), x.message())
                                                    ? setAside
                                                    : findings)
                                            .add(x.format()));
        }
        // The persona is really on: without it, self-repository reports nothing.
        assertThat(setAside)
                .as("pedantic findings set aside")
                .anyMatch(f -> f.endsWith("[self-repository]"));
        assertThat(findings).as("pedantic findings in generated files").isEmpty();
    }

    /** A permission comment that names steps names steps of its own job (PermissionReasonSteps). */
    @Test
    void permissionCommentsNameStepsOfTheirJob() throws IOException {
        Path root = TestFiles.repoRoot();
        List<String> missing = new ArrayList<>();
        for (Path f : generatedFiles(root)) {
            missing.addAll(
                    PermissionReasonSteps.missing(
                            root.relativize(f).toString(), Files.readString(f)));
        }
        assertThat(missing).as("steps named by permission comments but not in their job").isEmpty();
    }

    private static List<Path> generatedFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of(".github", "generated-workflows", "actions")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(Files::isRegularFile)
                        .map(Path::toString)
                        .filter(p -> p.matches(".*\\.ya?ml"))
                        .filter(
                                p ->
                                        !p.contains("/src/")
                                                && !p.contains("/target/")
                                                && !p.endsWith("pipewright.lock.yml"))
                        .map(Path::of)
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(8);
        return files;
    }
}
