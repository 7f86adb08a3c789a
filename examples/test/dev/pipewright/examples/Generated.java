package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * Read access to the committed output under {@code generated-workflows/<id>/}, parsed with
 * SnakeYAML, for the per-system requirement tests (one class per section of
 * reference-pipelines.md). Lookups that miss fail the test with the name of what is missing.
 */
@SuppressWarnings("unchecked")
final class Generated {
    private static final Map<Path, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

    private Generated() {}

    static Path dir(String id) {
        return SharedData.repoRoot().orElseThrow().resolve("generated-workflows/" + id);
    }

    static String text(String id, String file) {
        try {
            return Files.readString(dir(id).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workflow (or dependabot.yml / action.yml) of system {@code id}, parsed. */
    static Map<String, Object> wf(String id, String file) {
        return CACHE.computeIfAbsent(dir(id).resolve(file), p -> new Yaml().load(text(id, file)));
    }

    /**
     * The local action {@code pipewright-<name>} committed beside system {@code id}'s workflows.
     */
    static Map<String, Object> action(String id, String name) {
        return wf(id, "actions/pipewright-" + name + "/action.yml");
    }

    static Map<String, Object> on(Map<String, Object> w) {
        Object on = w.containsKey(Boolean.TRUE) ? w.get(Boolean.TRUE) : w.get("on");
        return (Map<String, Object>) on;
    }

    static Map<String, Object> jobs(Map<String, Object> w) {
        return (Map<String, Object>) w.get("jobs");
    }

    static Map<String, Object> job(Map<String, Object> w, String id) {
        Object j = jobs(w).get(id);
        if (j == null) {
            throw new AssertionError("no job '" + id + "' (jobs: " + jobs(w).keySet() + ")");
        }
        return (Map<String, Object>) j;
    }

    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return job.get("steps") == null ? List.of() : (List<Map<String, Object>>) job.get("steps");
    }

    static List<String> stepIds(Map<String, Object> job) {
        return steps(job).stream().map(s -> String.valueOf(s.get("id"))).toList();
    }

    static Map<String, Object> step(Map<String, Object> job, String id) {
        return steps(job).stream()
                .filter(s -> id.equals(s.get("id")))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no step '" + id + "' (steps: " + stepIds(job) + ")"));
    }

    /** Every step of every job of a workflow. */
    static List<Map<String, Object>> allSteps(Map<String, Object> w) {
        List<Map<String, Object>> out = new ArrayList<>();
        jobs(w).values().forEach(j -> out.addAll(steps((Map<String, Object>) j)));
        return out;
    }

    /** Steps whose {@code uses:} starts with {@code prefix} (e.g. "actions/upload-artifact@"). */
    static List<Map<String, Object>> using(Map<String, Object> w, String prefix) {
        return allSteps(w).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(prefix))
                .toList();
    }

    static Map<String, Object> with(Map<String, Object> step) {
        return step.get("with") == null ? Map.of() : (Map<String, Object>) step.get("with");
    }

    static Map<String, Object> env(Map<String, Object> step) {
        return step.get("env") == null ? Map.of() : (Map<String, Object>) step.get("env");
    }

    static String run(Map<String, Object> step) {
        return String.valueOf(step.get("run"));
    }

    static String str(Object o) {
        return String.valueOf(o);
    }

    static List<String> needs(Map<String, Object> job) {
        Object n = job.get("needs");
        return n == null
                ? List.of()
                : n instanceof List<?> l ? (List<String>) l : List.of(n.toString());
    }

    /** Name of a job's GitHub environment, given as a string or as {@code {name, url}}. */
    static String environment(Map<String, Object> job) {
        Object e = job.get("environment");
        return e instanceof Map<?, ?> m ? str(m.get("name")) : str(e);
    }

    /**
     * Asserts {@code step} calls our local action {@code pipewright-<name>}, committed beside the
     * workflows, with only inputs the action declares and every input it requires; returns the
     * inputs for further assertions. Used where the requirement is met by the action's behaviour.
     */
    static Map<String, Object> ours(String id, Map<String, Object> step, String name) {
        assertThat(step.get("uses"))
                .as("step %s", step.get("id"))
                .isEqualTo("./.github/actions/pipewright-" + name);
        Map<String, Object> inputs = (Map<String, Object>) action(id, name).get("inputs");
        Map<String, Object> with = with(step);
        assertThat(inputs)
                .as("inputs of pipewright-%s", name)
                .containsKeys(with.keySet().toArray(String[]::new));
        inputs.forEach(
                (input, spec) -> {
                    if (Boolean.TRUE.equals(((Map<String, Object>) spec).get("required"))) {
                        assertThat(with)
                                .as("required input %s of pipewright-%s", input, name)
                                .containsKey(input);
                    }
                });
        return with;
    }
}
