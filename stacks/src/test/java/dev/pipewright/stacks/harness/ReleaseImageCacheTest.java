package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A release run builds its image without BuildKit's GitHub Actions cache: any workflow run on main
 * can write a {@code type=gha} scope, so a release that restores it publishes what such a run left
 * there (cache-poisoning; zizmor's audit does not list docker/build-push-action, so no linter says
 * so). Every committed workflow's build-push-action steps have their {@code cache-from} and {@code
 * cache-to} evaluated as a run on each release ref its triggers admit (a tag, a release branch, a
 * published release) and, for a job that may write the repository's contents, on main too.
 */
@SuppressWarnings("unchecked")
class ReleaseImageCacheTest {
    /**
     * Release builds that keep the cache because a reference requirement
     * (../shared/docs/reference-pipelines.md) asks for it, with that requirement.
     */
    private static final Map<String, String> REQUIRED =
            Map.of(
                    "k8s-controller/release.yml image",
                    "R4.2b: the v*.*.* flow's multi-arch image with BuildKit cache");

    private static final String TAG = "refs/tags/v1.2.3";
    private static final String RELEASE_BRANCH = "refs/heads/release/1.2";
    private static final String MAIN = "refs/heads/main";

    @Test
    void noReleaseRunUsesTheGhaCacheBeyondWhatARequirementAsks() throws IOException {
        List<String> uses = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> w : committed().entrySet()) {
            uses.addAll(releaseCacheUses(w.getKey(), w.getValue()));
        }
        List<String> unexpected =
                uses.stream()
                        .filter(u -> REQUIRED.keySet().stream().noneMatch(u::startsWith))
                        .toList();
        assertThat(unexpected).as("release runs whose image build uses the gha cache").isEmpty();
        for (String key : REQUIRED.keySet()) {
            assertThat(uses)
                    .as(
                            "%s keeps the cache (%s): drop it from REQUIRED when it no longer does",
                            key, REQUIRED.get(key))
                    .anyMatch(u -> u.startsWith(key));
        }
    }

    /**
     * CI/CD on main keeps the cache where a stack builds with it (go-vault-plugin's artifact job
     * publishes the plugin and builds without any cache).
     */
    @Test
    void runsOnMainKeepTheCache() throws IOException {
        List<String> cached = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> w : committed().entrySet()) {
            if (!branches(w.getValue()).contains("main")) {
                continue;
            }
            forEachBuild(
                    w.getKey(),
                    w.getValue(),
                    (where, job, with) -> {
                        if (evaluate(with.get("cache-from"), MAIN, job).contains("type=gha")
                                && evaluate(with.get("cache-to"), MAIN, job).contains("type=gha")) {
                            cached.add(where);
                        }
                    });
        }
        assertThat(cached)
                .containsExactly(
                        "go-microservice/cd.yml image",
                        "polyglot-platform/cd.yml images",
                        "python-service/cd.yml image");
    }

    @Test
    void aStaticCacheInATagWorkflowIsFound() {
        Map<String, Object> wf =
                new Yaml()
                        .load(
                                """
                                on:
                                  push:
                                    tags: [v*]
                                jobs:
                                  image:
                                    steps:
                                      - uses: docker/build-push-action@v6
                                        with:
                                          cache-from: type=gha,scope=x
                                """);
        assertThat(releaseCacheUses("s/release.yml", wf))
                .containsExactly("s/release.yml image (" + TAG + "): cache-from type=gha,scope=x");
    }

    @Test
    void aCacheOnlyOnMainIsFoundOnMainOnly() {
        Map<String, Object> wf =
                new Yaml()
                        .load(
                                """
                                on:
                                  push:
                                    branches: [main, release/*]
                                jobs:
                                  image:
                                    strategy:
                                      matrix:
                                        service: [api, web]
                                    steps:
                                      - uses: docker/build-push-action@v6
                                        with:
                                          cache-to: ${{ github.ref == 'refs/heads/main' && format('type=gha,scope={0}', matrix.service) || '' }}
                                """);
        assertThat(releaseCacheUses("s/cd.yml", wf)).isEmpty();
        Map<String, Object> job =
                (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("image");
        Map<String, Object> with =
                (Map<String, Object>)
                        ((List<Map<String, Object>>) job.get("steps")).get(0).get("with");
        assertThat(evaluate(with.get("cache-to"), MAIN, job)).isEqualTo("type=gha,scope=api");
        assertThat(evaluate(with.get("cache-to"), RELEASE_BRANCH, job)).isEmpty();
    }

    /**
     * "name job (ref): input value" for every build-push-action input cache-from or cache-to that
     * names the gha cache in a release run of this workflow.
     */
    static List<String> releaseCacheUses(String name, Map<String, Object> wf) {
        List<String> refs = releaseRefs(wf);
        List<String> found = new ArrayList<>();
        forEachBuild(
                name,
                wf,
                (where, job, with) -> {
                    List<String> asked = new ArrayList<>(refs);
                    if (writesContents(job) && !asked.contains(MAIN)) {
                        asked.add(MAIN); // a job that publishes a release is a release run
                    }
                    for (String ref : asked) {
                        for (String input : List.of("cache-from", "cache-to")) {
                            String v = evaluate(with.get(input), ref, job);
                            if (v.contains("type=gha")) {
                                found.add(where + " (" + ref + "): " + input + " " + v);
                            }
                        }
                    }
                });
        return found;
    }

    /** The refs of the release runs the workflow's triggers admit. */
    private static List<String> releaseRefs(Map<String, Object> wf) {
        List<String> refs = new ArrayList<>();
        Object on = on(wf);
        Map<String, Object> events =
                on instanceof Map<?, ?> m
                        ? (Map<String, Object>) m
                        : on instanceof List<?> l
                                ? l.stream()
                                        .collect(
                                                LinkedHashMap::new,
                                                (a, e) -> a.put(String.valueOf(e), null),
                                                Map::putAll)
                                : Map.of(String.valueOf(on), Map.of());
        if (events.containsKey("release")
                || events.get("push") instanceof Map<?, ?> push && push.containsKey("tags")) {
            refs.add(TAG);
        }
        if (branches(wf).stream().anyMatch(b -> b.startsWith("release"))) {
            refs.add(RELEASE_BRANCH);
        }
        return refs;
    }

    private static Object on(Map<String, Object> wf) {
        return wf.containsKey(Boolean.TRUE) ? wf.get(Boolean.TRUE) : wf.get("on");
    }

    private static List<String> branches(Map<String, Object> wf) {
        return on(wf) instanceof Map<?, ?> m
                        && m.get("push") instanceof Map<?, ?> push
                        && push.get("branches") instanceof List<?> b
                ? b.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static boolean writesContents(Map<String, Object> job) {
        return job.get("permissions") instanceof Map<?, ?> p && "write".equals(p.get("contents"))
                || "write-all".equals(job.get("permissions"));
    }

    interface Build {
        void accept(String where, Map<String, Object> job, Map<String, Object> with);
    }

    private static void forEachBuild(String name, Map<String, Object> wf, Build build) {
        if (!(wf.get("jobs") instanceof Map<?, ?> jobs)) {
            return;
        }
        for (Map.Entry<?, ?> j : jobs.entrySet()) {
            Map<String, Object> job = (Map<String, Object>) j.getValue();
            for (Map<String, Object> step :
                    (List<Map<String, Object>>) job.getOrDefault("steps", List.of())) {
                if (String.valueOf(step.get("uses")).startsWith("docker/build-push-action@")) {
                    build.accept(
                            name + " " + j.getKey(),
                            job,
                            (Map<String, Object>) step.getOrDefault("with", Map.of()));
                }
            }
        }
    }

    /**
     * The input as a run on {@code ref} sees it, each matrix axis at its first value (an absent
     * input is empty).
     */
    private static String evaluate(Object value, String ref, Map<String, Object> job) {
        if (value == null) {
            return "";
        }
        boolean tag = ref.startsWith("refs/tags/");
        Map<String, Object> github =
                Map.of(
                        "ref",
                        ref,
                        "ref_type",
                        tag ? "tag" : "branch",
                        "ref_name",
                        ref.replaceFirst("^refs/(tags|heads)/", ""),
                        "event_name",
                        "push",
                        "sha",
                        "0123456789abcdef0123456789abcdef01234567");
        Map<String, Object> matrix = new LinkedHashMap<>();
        if (job.get("strategy") instanceof Map<?, ?> s && s.get("matrix") instanceof Map<?, ?> m) {
            m.forEach(
                    (axis, values) -> {
                        if (values instanceof List<?> l && !l.isEmpty()) {
                            matrix.put(String.valueOf(axis), l.get(0));
                        }
                    });
        }
        return new Expressions(
                        Map.of(
                                "github", github,
                                "matrix", matrix,
                                "vars", Map.of(),
                                "secrets", Map.of(),
                                "env", Map.of()),
                        s -> !s.equals("failure") && !s.equals("cancelled"))
                .interpolate(String.valueOf(value));
    }

    /** Every committed workflow, by "system/file". */
    private static Map<String, Map<String, Object>> committed() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow().resolve("generated-workflows");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path f :
                    files.filter(p -> p.getNameCount() == root.getNameCount() + 2)
                            .filter(p -> p.toString().endsWith(".yml"))
                            .filter(p -> !p.getFileName().toString().equals("dependabot.yml"))
                            .sorted()
                            .toList()) {
                out.put(
                        root.relativize(f).toString().replace('\\', '/'),
                        new Yaml().load(Files.readString(f)));
            }
        }
        assertThat(out).as("committed workflows").hasSizeGreaterThan(10);
        return out;
    }
}
