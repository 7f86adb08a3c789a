package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.DevelopmentImage;
import dev.pipewright.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's adoption from an empty project to workflows that lint clean, through the shaded jar as
 * shipped ({@code java -jar pipewright.jar}, run from the project's directory as a user types it):
 * the YAML spec path ({@code init → generate → check → lint}) for the node-service and java-service
 * stacks, and the single-file script path (the {@code //DEPS} header form JBang runs, here through
 * the JDK's source launcher with the jar as class path: JBang itself is not installed and not
 * published on Maven Central as a jar). The workflows must also pass GitHub's own parser
 * ({@code @actions/workflow-parser}), when the oracles can be installed.
 */
class AdoptionEndToEndIT {
    /**
     * {@code file:line:col: severity: message [rule]} or without severity: the rule and message of
     * a text finding.
     */
    private static final Pattern FINDING =
            Pattern.compile("^[^:]+:\\d+:\\d+: (?:(?:error|warning|note): )?(.*) \\[([a-z-]+)\\]$");

    @TempDir Path project;
    private Path jar;

    @BeforeEach
    void anEmptyGitRepository() throws Exception {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        jar = Path.of(built);
        assertThat(exec(List.of("git", "init", "-q", "-b", "main")).exit()).isZero();
    }

    @Test
    void nodeServiceFromInitToLintCleanWorkflows() throws Exception {
        // the user's lockfile (TypeScript-Node-Starter's, see stacks' fixtures README) makes init
        // choose npm
        Files.copy(
                Path.of("../stacks/src/test/resources/fixtures/node-service/package-lock.json"),
                project.resolve("package-lock.json"));
        Run init = pipewright("init", "--stack", "node-service");
        assertThat(init.exit()).as(init.output()).isZero();
        assertThat(init.output())
                .contains("package-manager: npm (read from the project's files)")
                .contains("wrote pipewright.yml");
        // the user adds a step and a job of their own
        Files.writeString(
                project.resolve("pipewright.yml"),
                Files.readString(project.resolve("pipewright.yml"))
                        + "overrides:\n"
                        + "  - {workflow: ci.yml, job: check, after: lint, add-step: {id: audit, run: npm audit --audit-level=high}}\n"
                        + "  - workflow: ci.yml\n    job: e2e\n    add-job:\n      needs: [check]\n      steps:\n"
                        + "        - {id: checkout, uses: actions/checkout@v6.1.0, with: {persist-credentials: false}}\n"
                        + "        - {id: e2e, run: npm run e2e}\n");
        adoptAndLint(List.of(".github/workflows/ci.yml", ".github/workflows/release.yml"));
        assertThat(Files.readString(project.resolve(".github/workflows/ci.yml")))
                .contains("run: npm audit --audit-level=high")
                .contains("  e2e:\n");
    }

    @Test
    void javaServiceWithGradleFromInitToLintCleanWorkflows() throws Exception {
        Files.copy(
                Path.of("../stacks/src/test/resources/fixtures/java-service-gradle/build.gradle"),
                project.resolve("build.gradle"));
        Run init = pipewright("init", "--stack", "java-service");
        assertThat(init.exit()).as(init.output()).isZero();
        assertThat(init.output()).contains("build-tool: gradle (read from the project's files)");
        adoptAndLint(List.of(".github/workflows/ci.yml", ".github/workflows/release.yml"));
        assertThat(Files.readString(project.resolve(".github/workflows/ci.yml")))
                .contains("./gradlew --no-daemon");
    }

    @Test
    void aDepsHeaderScriptRunsWithPlainJavaAndTheCliChecksItsOutput() throws Exception {
        Path script =
                Files.createDirectories(project.resolve(".github/pipewright"))
                        .resolve("Pipelines.java");
        Files.writeString(
                script,
                """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //JAVA 17+
                //DEPS dev.pipewright:pipewright-stacks:%s

                import dev.pipewright.pipeline.Scripts;
                import dev.pipewright.stacks.JavaServiceStack;
                import dev.pipewright.stacks.StackConfig;
                import dev.pipewright.stacks.StackPipeline;

                public class Pipelines {
                    public static void main(String[] args) {
                        Scripts.run(args, new StackPipeline("ci", ".github/pipewright/Pipelines.java", ".github/workflows",
                                new JavaServiceStack(), StackConfig.builder().set(JavaServiceStack.COVERAGE, 70).build(),
                                "jbang .github/pipewright/Pipelines.java"));
                    }
                }
                """
                        .formatted(projectVersion()));
        // what `jbang Pipelines.java` does once it has resolved //DEPS: run the source with the
        // artifact on the class path
        Run generate = exec(List.of(java(), "-cp", jar.toString(), script.toString()));
        assertThat(generate.exit()).as(generate.output()).isZero();
        assertThat(Files.readString(project.resolve(".github/workflows/ci.yml")))
                .startsWith(
                        "# Generated by Pipewright from .github/pipewright/Pipelines.java. Do not edit.\n"
                                + "# Regenerate with: jbang .github/pipewright/Pipelines.java\n")
                .contains("mvn -B -ntp verify")
                .contains("Coverage gate (70 %)");
        Run check = pipewright("check", "--script", ".github/pipewright/Pipelines.java");
        assertThat(check.exit()).as(check.output()).isZero();
        lintClean(List.of(".github/workflows/ci.yml", ".github/workflows/release.yml"));
    }

    /**
     * generate, check (clean, then 1 on a changed byte, then clean after generate), lint and
     * GitHub's parser.
     */
    private void adoptAndLint(List<String> workflows) throws Exception {
        Run generate = pipewright("generate");
        assertThat(generate.exit()).as(generate.output()).isZero();
        for (String w : workflows) {
            assertThat(Files.readString(project.resolve(w)))
                    .startsWith(
                            "# Generated by Pipewright from pipewright.yml. Do not edit.\n"
                                    + "# Regenerate with: pipewright generate --spec pipewright.yml\n");
        }
        assertThat(files()).contains(".github/actions/pipewright-coverage-gate/action.yml");
        Run check = pipewright("check");
        assertThat(check.exit()).as(check.output()).isZero();
        Path ci = project.resolve(workflows.get(0));
        Files.writeString(
                ci, Files.readString(ci).replace("timeout-minutes: ", "timeout-minutes: 9"));
        Run drift = pipewright("check");
        assertThat(drift.exit()).as(drift.output()).isEqualTo(1);
        assertThat(pipewright("generate").exit()).isZero();
        assertThat(pipewright("check").exit()).isZero();
        lintClean(workflows);
    }

    private void lintClean(List<String> workflows) throws Exception {
        Run lint = pipewright("lint", "--shellcheck", "off", ".github");
        // our own actions' image carries its development tag until a release pins the digest: the
        // one finding allowed
        List<String> others = new ArrayList<>();
        for (String line : lint.output().lines().toList()) {
            Matcher m = FINDING.matcher(line);
            if (m.matches() && !DevelopmentImage.isReported(m.group(2), m.group(1))) {
                others.add(line);
            }
        }
        assertThat(others).as(lint.output()).isEmpty();
        assertThat(lint.exit()).as(lint.output()).isIn(0, 1);
        List<Path> paths = workflows.stream().map(project::resolve).toList();
        assertThat(Oracles.workflowParser(paths.toArray(Path[]::new)))
                .as("GitHub's workflow parser")
                .isEmpty();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(project)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> project.relativize(p).toString())
                    .filter(p -> !p.startsWith(".git/"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The reactor's version, from the parent pom (the //DEPS coordinate a user writes for this
     * release).
     */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m =
                Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                        .matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Run(int exit, String output) {}

    private Run pipewright(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    private Run exec(List<String> cmd) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("GITHUB_")
                                        || k.startsWith("RUNNER_")
                                        || k.startsWith("INPUT_"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
