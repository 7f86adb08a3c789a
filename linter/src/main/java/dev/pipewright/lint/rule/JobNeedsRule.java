package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code needs:} names existing jobs, without duplicates or cycles. */
@Rule(
        id = "job-needs",
        summary = "needs lists existing jobs, without duplicates or dependency cycles")
public final class JobNeedsRule extends LintRule {
    @Override
    public void endWorkflow(Workflow workflow) {
        Map<String, String> ids = new HashMap<>();
        workflow.jobs()
                .forEach(j -> ids.put(j.id().value().toLowerCase(Locale.ROOT), j.id().value()));
        Map<String, List<String>> graph = new LinkedHashMap<>();
        Map<String, Map<String, YScalar>> where = new HashMap<>();
        boolean unknownNeed = false;
        for (Workflow.Job job : workflow.jobs()) {
            String id = job.id().value().toLowerCase(Locale.ROOT);
            List<String> edges = new ArrayList<>();
            Map<String, YScalar> at = new HashMap<>();
            Set<String> seen = new TreeSet<>();
            for (YScalar need : job.body().get("needs").map(Nodes::scalars).orElse(List.of())) {
                if (need.hasExpression()) {
                    continue;
                }
                String n = need.value().toLowerCase(Locale.ROOT);
                if (!seen.add(n)) {
                    report(
                            need,
                            "job \""
                                    + need.value()
                                    + "\" is listed twice in needs of job \""
                                    + job.id().value()
                                    + "\"");
                } else if (n.equals(id)) {
                    report(need, "job \"" + job.id().value() + "\" cannot need itself");
                    unknownNeed = true;
                } else if (!ids.containsKey(n)) {
                    unknownNeed = true;
                    String close = Suggest.closest(need.value(), ids.values());
                    report(
                            need,
                            "job \""
                                    + job.id().value()
                                    + "\" needs job \""
                                    + need.value()
                                    + "\", which does not exist"
                                    + (close != null
                                            ? "; did you mean \"" + close + "\"?"
                                            : "; jobs are: "
                                                    + String.join(
                                                            ", ", new TreeSet<>(ids.values()))));
                } else {
                    edges.add(n);
                    at.put(n, need);
                }
            }
            graph.put(id, edges);
            where.put(id, at);
        }
        if (workflow.root().get("jobs").orElse(null) instanceof YMap jobs
                && jobs.entries().isEmpty()) {
            report(jobs.pos(), "the workflow has no jobs; add at least one job");
            return;
        }
        if (!unknownNeed
                && !workflow.jobs().isEmpty()
                && workflow.jobs().stream().allMatch(JobNeedsRule::needsAnother)) {
            // GitHub reports this at the first job, and then no cycle; after a need of an unknown
            // job (which GitHub
            // then leaves unreported), that need's finding says what to fix
            Workflow.Job first = workflow.jobs().get(0);
            report(
                    first.id(),
                    "every job needs another job, so none can start; at least one job must have no needs");
            return;
        }
        cycles(graph, where, ids);
    }

    private static boolean needsAnother(Workflow.Job job) {
        List<YScalar> needs = job.body().get("needs").map(Nodes::scalars).orElse(List.of());
        return !needs.isEmpty() && needs.stream().noneMatch(YScalar::hasExpression);
    }

    /**
     * Reports the first cycle at the need that closes it from its first job, where GitHub reports
     * it too.
     */
    private void cycles(
            Map<String, List<String>> graph,
            Map<String, Map<String, YScalar>> where,
            Map<String, String> ids) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            if (dfs(start, graph, state, path)) {
                int from = path.indexOf(path.get(path.size() - 1));
                List<String> cycle =
                        path.subList(from, path.size()).stream().map(ids::get).toList();
                report(
                        where.get(path.get(from)).get(path.get(from + 1)),
                        "jobs depend on each other in a cycle: "
                                + String.join(" -> ", cycle)
                                + "; remove one of these needs");
                return;
            }
        }
    }

    private static boolean dfs(
            String node,
            Map<String, List<String>> graph,
            Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(node);
        path.add(node);
        if (s != null && s == 1) {
            return true;
        }
        if (s != null) {
            path.remove(path.size() - 1);
            return false;
        }
        state.put(node, 1);
        for (String next : graph.getOrDefault(node, List.of())) {
            if (dfs(next, graph, state, path)) {
                return true;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return false;
    }
}
