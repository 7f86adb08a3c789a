package dev.pipewright.lint;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lenient view of a workflow over its YAML tree: jobs and steps that are mappings, in source
 * order; anything malformed is left to the syntax rule.
 */
public record Workflow(YMap root, List<Job> jobs) {
    /** One job; {@code id} is the key under {@code jobs}. */
    public record Job(YScalar id, YMap body, List<Step> steps) {
        public Optional<YMap> strategyMatrix() {
            return body.map("strategy").flatMap(s -> s.map("matrix"));
        }

        /** True for a job that calls a reusable workflow ({@code uses:} at job level). */
        public boolean isCall() {
            return body.get("uses").isPresent();
        }
    }

    /** One step of the job with id {@code jobId}; {@code index} counts from 0. */
    public record Step(YScalar jobId, int index, YMap body) {
        public Optional<YScalar> uses() {
            return body.scalar("uses");
        }

        public Optional<YScalar> run() {
            return body.scalar("run");
        }

        public Optional<String> id() {
            return body.string("id");
        }
    }

    public Optional<YMap> on() {
        return root.map("on");
    }

    public Optional<Job> job(String id) {
        return jobs.stream().filter(j -> j.id.value().equals(id)).findFirst();
    }

    /** Builds the view; null when the root is not a mapping. */
    public static Workflow of(YNode root) {
        if (!(root instanceof YMap map)) {
            return null;
        }
        List<Job> jobs = new ArrayList<>();
        map.map("jobs")
                .ifPresent(
                        js -> {
                            for (YMap.Entry e : js.entries()) {
                                if (e.value() instanceof YMap body) {
                                    List<Step> steps = new ArrayList<>();
                                    body.seq("steps")
                                            .ifPresent(seq -> addSteps(e.key(), seq, steps));
                                    jobs.add(new Job(e.key(), body, List.copyOf(steps)));
                                }
                            }
                        });
        return new Workflow(map, List.copyOf(jobs));
    }

    private static void addSteps(YScalar jobId, YSeq seq, List<Step> steps) {
        int i = 0;
        for (YNode n : seq.items()) {
            if (n instanceof YMap m) {
                steps.add(new Step(jobId, i, m));
            }
            i++;
        }
    }
}
