package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The preamble of ../shared/docs/reference-pipelines.md (R0.*), the traceability of its five
 * sections to one requirements test class each (every bullet has at least one test whose display
 * name starts with its R-number), and the security baseline every generated workflow keeps.
 */
@SuppressWarnings("unchecked")
@DisplayName("§0 reference pipelines: preamble and traceability")
class ReferenceRequirementsTest {
    static final List<String> SYSTEMS =
            List.of(
                    "go-vault-plugin",
                    "python-service",
                    "go-microservice",
                    "k8s-controller",
                    "polyglot-platform");
    static final List<Class<?>> SECTIONS =
            List.of(
                    GoVaultPluginRequirementsTest.class,
                    PythonServiceRequirementsTest.class,
                    GoMicroserviceRequirementsTest.class,
                    K8sControllerRequirementsTest.class,
                    PolyglotPlatformRequirementsTest.class);
    static final Pattern R_ID = Pattern.compile("R(\\d+)\\.(\\d+)[a-z]? .+");

    static Stream<String> systems() {
        return SYSTEMS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    @DisplayName(
            "R0.1 each system has a pipeline source and a pipewright.yml under examples/<id>/ and output in generated-workflows/<id>/")
    void sourceAndOutput(String id) throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        try (var files = Files.list(root.resolve("examples/" + id))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("pipewright.yml")
                    .anyMatch(n -> n.endsWith("Pipeline.java"));
        }
        assertThat(dir(id).resolve("ci.yml")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    @DisplayName(
            "R0.2 every step that calls our action finds it committed beside the workflows, with declared and required inputs")
    void ourActionsAreCommittedAndWired(String id) throws IOException {
        try (var files = Files.list(dir(id))) {
            for (Path f :
                    files.filter(
                                    p ->
                                            p.toString().endsWith(".yml")
                                                    && !p.endsWith("dependabot.yml"))
                            .toList()) {
                for (Map<String, Object> s : allSteps(wf(id, f.getFileName().toString()))) {
                    String uses = str(s.get("uses"));
                    if (uses.startsWith("./")) {
                        assertThat(uses)
                                .as(f + " " + s.get("id"))
                                .startsWith("./.github/actions/pipewright-");
                        ours(id, s, uses.substring("./.github/actions/pipewright-".length()));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "anchore/sbom-action",
                "syft ",
                "codecov/",
                "coverallsapp/",
                "release-drafter/",
                "mikepenz/release-changelog-builder",
                "orhun/git-cliff",
                "peter-evans/create-pull-request"
            })
    @DisplayName(
            "R0.3 coverage gating, SBOM, checksums, promotion and release notes use our actions, not a third-party one")
    void noThirdPartyForOurConcerns(String forbidden) throws IOException {
        for (String id : SYSTEMS) {
            try (var files = Files.walk(dir(id))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(forbidden);
                }
            }
        }
    }

    @Test
    @DisplayName(
            "R0.4 every bullet of sections 1–5 has at least one test, and every test names a bullet that exists")
    void everyBulletIsTraced() throws IOException {
        Map<Integer, Integer> bullets =
                bulletsPerSection(
                        Files.readString(SharedData.require("docs/reference-pipelines.md")));
        assertThat(bullets.keySet()).containsExactly(1, 2, 3, 4, 5);
        for (int n = 1; n <= 5; n++) {
            TreeSet<Integer> covered = new TreeSet<>();
            for (String name : displayNames(SECTIONS.get(n - 1))) {
                Matcher m = R_ID.matcher(name);
                assertThat(m.matches())
                        .as("display name '%s' starts with an R-number", name)
                        .isTrue();
                assertThat(Integer.parseInt(m.group(1))).as(name).isEqualTo(n);
                covered.add(Integer.parseInt(m.group(2)));
            }
            TreeSet<Integer> expected = new TreeSet<>();
            for (int b = 1; b <= bullets.get(n); b++) {
                expected.add(b);
            }
            assertThat(covered)
                    .as(
                            "bullets of section %d covered by %s",
                            n, SECTIONS.get(n - 1).getSimpleName())
                    .isEqualTo(expected);
        }
    }

    @Test
    @DisplayName(
            "Baseline: permissions: {} at the top, per-job permissions and timeouts, no pull_request_target")
    void securityDefaultsEverywhere() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow().resolve("generated-workflows");
        try (var files = Files.walk(root)) {
            for (Path f :
                    files.filter(
                                    p ->
                                            p.toString().endsWith(".yml")
                                                    && !p.toString().contains("/actions/")
                                                    && !p.getFileName()
                                                            .toString()
                                                            .equals("dependabot.yml"))
                            .toList()) {
                String t = Files.readString(f);
                Map<String, Object> w = new Yaml().load(t);
                assertThat(w.get("permissions")).as(f.toString()).isEqualTo(Map.of());
                assertThat(t).as(f.toString()).doesNotContain("pull_request_target");
                ((Map<String, Map<String, Object>>) w.get("jobs"))
                        .forEach(
                                (id, j) -> {
                                    assertThat(j)
                                            .as(f + " " + id)
                                            .containsKeys("timeout-minutes", "permissions");
                                    Object perms = j.get("permissions");
                                    if (perms instanceof Map<?, ?> m
                                            && "write".equals(m.get("contents"))) {
                                        assertThat(f.getFileName().toString())
                                                .as(f + " " + id + " has contents: write")
                                                .isIn("release.yml", "promote.yml", "cd.yml");
                                    }
                                });
                assertThat(t.lines().filter(l -> l.contains("persist-credentials: true")).count())
                        .as(f.toString())
                        .isLessThanOrEqualTo(
                                f.getFileName().toString().equals("release.yml") ? 1 : 0);
            }
        }
    }

    /** Top-level "- " bullets under each "## n." heading. */
    static Map<Integer, Integer> bulletsPerSection(String doc) {
        Map<Integer, Integer> out = new TreeMap<>();
        Integer section = null;
        for (String line : doc.lines().toList()) {
            Matcher h = Pattern.compile("^## (\\d+)\\. .*").matcher(line);
            if (h.matches()) {
                section = Integer.parseInt(h.group(1));
                out.put(section, 0);
            } else if (section != null && line.startsWith("- ")) {
                out.merge(section, 1, Integer::sum);
            }
        }
        return out;
    }

    static List<String> displayNames(Class<?> c) {
        List<String> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)
                    || m.isAnnotationPresent(ParameterizedTest.class)) {
                DisplayName d = m.getAnnotation(DisplayName.class);
                assertThat(d)
                        .as(
                                "%s.%s has a @DisplayName naming its requirement",
                                c.getSimpleName(), m.getName())
                        .isNotNull();
                out.add(d.value());
            }
        }
        return out;
    }
}
