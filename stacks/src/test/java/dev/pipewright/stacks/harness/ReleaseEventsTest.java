package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Events made with the workflow's own GITHUB_TOKEN start no workflow (GitHub's rule against
 * recursive runs), so a workflow of a reference system must not wait for a release that only its
 * sibling publishes with that token.
 */
@SuppressWarnings("unchecked")
class ReleaseEventsTest {
    @Test
    void noWorkflowWaitsForAReleaseItsSiblingPublishesWithGithubToken() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow().resolve("generated-workflows");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> systems = Files.list(root)) {
            for (Path system : systems.sorted().toList()) {
                List<String> listeners = new ArrayList<>();
                List<String> publishers = new ArrayList<>();
                try (Stream<Path> files = Files.list(system)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                        Map<String, Object> wf = new Yaml().load(Files.readString(f));
                        Object on =
                                wf.containsKey(Boolean.TRUE) ? wf.get(Boolean.TRUE) : wf.get("on");
                        if (on instanceof Map<?, ?> m && m.containsKey("release")
                                || on instanceof List<?> l && l.contains("release")
                                || "release".equals(on)) {
                            listeners.add(f.getFileName().toString());
                        }
                        if (!(wf.get("jobs") instanceof Map<?, ?> jobs)) {
                            continue;
                        }
                        for (Object job : jobs.values()) {
                            for (Map<String, Object> step :
                                    (List<Map<String, Object>>)
                                            ((Map<String, Object>) job)
                                                    .getOrDefault("steps", List.of())) {
                                Map<String, Object> with =
                                        (Map<String, Object>) step.getOrDefault("with", Map.of());
                                Map<String, Object> env =
                                        (Map<String, Object>) step.getOrDefault("env", Map.of());
                                boolean ourRelease =
                                        String.valueOf(step.get("uses"))
                                                        .endsWith("pipewright-release-notes")
                                                && Boolean.TRUE.equals(with.get("github-release"))
                                                && String.valueOf(with.get("github-token"))
                                                        .matches(
                                                                "\\$\\{\\{ (github\\.token|secrets\\.GITHUB_TOKEN) }}");
                                boolean ghRelease =
                                        String.valueOf(step.get("run"))
                                                        .contains("gh release create")
                                                && String.valueOf(env.get("GH_TOKEN"))
                                                        .matches(
                                                                "\\$\\{\\{ (github\\.token|secrets\\.GITHUB_TOKEN) }}");
                                if (ourRelease || ghRelease) {
                                    publishers.add(f.getFileName() + " step " + step.get("id"));
                                }
                            }
                        }
                    }
                }
                if (!listeners.isEmpty() && !publishers.isEmpty()) {
                    problems.add(
                            system.getFileName()
                                    + ": "
                                    + listeners
                                    + " listen for release, but "
                                    + publishers
                                    + " publish it with GITHUB_TOKEN, which starts no workflow");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
