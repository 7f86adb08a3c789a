package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The action runtime's resolved runtime dependencies, as Maven lists them (dependency:list in
 * actions/pom.xml), carry none of the build side: no workflow model or generator, no stacks, no
 * examples, no CLI. The action image runs exactly these jars, so a change to how workflows are
 * generated never changes what an action runs.
 */
class RuntimeDependenciesTest {
    private static final Path LIST = Path.of("target/runtime-dependencies.txt");

    /** Our own modules the runtime may use: GitHub's rules and the linter (the lint action). */
    private static final List<String> ALLOWED = List.of("pipewright-github", "pipewright-linter");

    private static final Pattern OURS =
            Pattern.compile("^\\s*dev\\.pipewright:([^:]+):jar:[^:]+:(compile|runtime)");

    static List<String> ourArtifacts(List<String> lines) {
        return lines.stream()
                .map(OURS::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .sorted()
                .toList();
    }

    @Test
    void onlyGitHubRulesAndTheLinterOfOurModulesAreOnTheRuntimeClassPath() throws IOException {
        assertThat(LIST)
                .as(
                        "written by dependency:list in generate-test-resources; run the test through Maven")
                .isRegularFile();
        List<String> lines = Files.readAllLines(LIST);
        assertThat(lines)
                .as("the list names third-party jars too")
                .anyMatch(l -> l.contains("jackson-databind"));
        assertThat(ourArtifacts(lines)).containsExactlyElementsOf(ALLOWED);
        assertThat(lines)
                .noneMatch(
                        l ->
                                l.contains("pipewright-generator")
                                        || l.contains("pipewright-stacks")
                                        || l.contains("pipewright-examples")
                                        || l.contains("pipewright-cli"));
    }

    @Test
    void theParserSeesAGeneratorDependencyWhereThereIsOne() {
        List<String> withGenerator =
                List.of(
                        "The following files have been resolved:",
                        "   dev.pipewright:pipewright-generator:jar:0.1.0-SNAPSHOT:compile",
                        "   dev.pipewright:pipewright-github:jar:0.1.0-SNAPSHOT:compile",
                        "   dev.pipewright:pipewright-generator:test-jar:tests:0.1.0-SNAPSHOT:test");
        assertThat(ourArtifacts(withGenerator))
                .containsExactly("pipewright-generator", "pipewright-github");
    }
}
