package dev.pipewright.lint.rule;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists that are written but empty where a value is meant ({@code types: []}, {@code runs-on: []}),
 * as actionlint reports them. GitHub's parser takes most of them and the section then filters or
 * asks for nothing, which is never what was written; a matrix row without values fails every run
 * ("Matrix vector ... does not contain any values").
 */
final class EmptySections {
    /** An empty list: where, its name for the message, and whether GitHub fails the run on it. */
    record Empty(YSeq node, String name, boolean fails) {}

    private static final Set<String> FILTERS =
            Set.of(
                    "types",
                    "branches",
                    "branches-ignore",
                    "tags",
                    "tags-ignore",
                    "paths",
                    "paths-ignore",
                    "workflows");

    private EmptySections() {}

    static List<Empty> inTriggers(YMap on) {
        List<Empty> out = new ArrayList<>();
        for (YMap.Entry event : on.entries()) {
            if (event.key().value().equals("schedule")) {
                empty(event.value(), "schedule", false, out);
            }
            if (event.value() instanceof YMap filters) {
                for (YMap.Entry f : filters.entries()) {
                    if (FILTERS.contains(f.key().value())) {
                        empty(f.value(), f.key().value(), false, out);
                    }
                }
                // an input's choices: GitHub shows an empty list as a choice without any option
                if (event.key().value().equals("workflow_dispatch")) {
                    for (YMap input : inputs(filters)) {
                        input.get("options").ifPresent(o -> empty(o, "options", false, out));
                    }
                }
            }
        }
        return out;
    }

    static List<Empty> inJob(YMap job) {
        List<Empty> out = new ArrayList<>();
        job.get("runs-on")
                .ifPresent(
                        r -> {
                            empty(r, "runs-on", false, out);
                            if (r instanceof YMap m) {
                                m.get("labels").ifPresent(l -> empty(l, "labels", false, out));
                            }
                        });
        job.get("needs").ifPresent(n -> empty(n, "needs", false, out));
        job.map("strategy")
                .flatMap(s -> s.map("matrix"))
                .ifPresent(
                        matrix -> {
                            for (YMap.Entry row : matrix.entries()) {
                                String name = row.key().value();
                                boolean values = !name.equals("include") && !name.equals("exclude");
                                empty(
                                        row.value(),
                                        values ? "matrix row \"" + name + "\"" : name,
                                        values,
                                        out);
                            }
                        });
        return out;
    }

    /** The input mappings of a workflow_dispatch event. */
    static List<YMap> inputs(YMap dispatch) {
        List<YMap> out = new ArrayList<>();
        dispatch.map("inputs")
                .ifPresent(
                        inputs -> {
                            for (YMap.Entry i : inputs.entries()) {
                                if (i.value() instanceof YMap input) {
                                    out.add(input);
                                }
                            }
                        });
        return out;
    }

    private static void empty(YNode node, String name, boolean fails, List<Empty> out) {
        if (node instanceof YSeq seq && seq.items().isEmpty()) {
            out.add(
                    new Empty(
                            seq, name.startsWith("matrix row") ? name : "\"" + name + "\"", fails));
        }
    }
}
