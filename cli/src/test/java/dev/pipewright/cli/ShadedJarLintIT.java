package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipewright lint} as it ships: the shaded jar run on a repository with its own lint
 * configuration, a local action and a copy of another repository's called workflow. Checks the rule
 * ids actionlint users expect, the metadata of a used local action, and that the configuration's
 * reusable-workflows and nested calls are read by the jar, not only by the module classes.
 */
class ShadedJarLintIT {
    @TempDir Path repo;
    private Path jar;

    @BeforeEach
    void built() {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        jar = Path.of(built);
    }

    @Test
    void lintsARepositoryWithItsConfigurationLocalActionAndCalledWorkflows() throws Exception {
        write(
                ".github/workflows/ci.yml",
                """
                on:
                  push:
                    branch: main
                  pullreq:
                permissions:
                  contents: read
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/broken
                  deploy:
                    uses: octo/templates/.github/workflows/deploy.yml@v1
                """);
        write(
                ".github/actions/broken/action.yml",
                "name: Broken\nruns:\n  using: node24\n  main: dist/index.js\n");
        write(
                ".github/pipewright-lint.yml",
                "reusable-workflows:\n"
                        + "  octo/templates/.github/workflows/deploy.yml@v1: vendor/deploy.yml\n"
                        + "  octo/templates/.github/workflows/publish.yml@v1: vendor/publish.yml\n");
        write(
                "vendor/deploy.yml",
                "on: workflow_call\njobs:\n  publish:\n"
                        + "    uses: octo/templates/.github/workflows/publish.yml@v1\n");
        write(
                "vendor/publish.yml",
                "on: workflow_call\njobs:\n  push:\n    permissions:\n      packages: write\n"
                        + "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString(),
                                "lint",
                                "--format",
                                "json",
                                repo.resolve(".github/workflows/ci.yml").toString())
                        .directory(repo.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);

        List<String> found = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(out)) {
            found.add(f.path("line").asInt() + " " + f.path("rule").asText());
        }
        assertThat(found)
                .as(out)
                .contains(
                        "3 syntax-check", // branch: under push is the section's shape
                        "4 events", // an unknown event
                        "11 action", // the local action's metadata (no description, main)
                        "12 workflow-call"); // the nested job asks for packages: write
        assertThat(out)
                .contains("required key \\\"description\\\" is missing")
                .contains("runs \\\"dist/index.js\\\", which does not exist")
                .contains("called by job \\\"publish\\\"");
    }

    private void write(String rel, String text) throws Exception {
        Path f = repo.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }
}
