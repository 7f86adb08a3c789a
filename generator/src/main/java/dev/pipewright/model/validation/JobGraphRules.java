package dev.pipewright.model.validation;

import dev.pipewright.model.Job;
import dev.pipewright.model.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code needs}: targets exist, no duplicates, no cycles, and some job can start first. */
final class JobGraphRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        Map<String, Job> byId = new LinkedHashMap<>();
        w.jobs().forEach(j -> byId.putIfAbsent(j.id(), j));
        for (Job job : w.jobs()) {
            Set<String> seen = new HashSet<>();
            for (String need : job.needs()) {
                Where at = where.job(job.id()).key("needs");
                if (!seen.add(need)) {
                    problems.add(at, "'" + need + "' is listed twice; list each job once");
                } else if (need.equals(job.id())) {
                    problems.add(at, "the job needs itself; remove '" + need + "'");
                } else if (!byId.containsKey(need)) {
                    problems.add(
                            at,
                            "needs job '"
                                    + need
                                    + "', which does not exist; known jobs: "
                                    + byId.keySet());
                }
            }
        }
        if (!w.jobs().isEmpty() && w.jobs().stream().noneMatch(j -> j.needs().isEmpty())) {
            problems.add(
                    where.key("jobs"),
                    "every job needs another, so none can start; let at least one job need nothing");
        }
        List<String> cycle = findCycle(byId);
        if (!cycle.isEmpty()) {
            problems.add(
                    where.job(cycle.get(0)).key("needs"),
                    "jobs form a cycle "
                            + String.join(" → ", cycle)
                            + "; remove one of these needs");
        }
    }

    /**
     * The first cycle found by depth-first search, as ids ending where they started; empty when
     * acyclic.
     */
    private static List<String> findCycle(Map<String, Job> byId) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
        for (String start : byId.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> found = visit(start, byId, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String id, Map<String, Job> byId, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> onPath = new ArrayList<>(path);
            Collections.reverse(onPath);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(id), onPath.size()));
            cycle.add(id);
            return cycle;
        }
        Job job = byId.get(id);
        if (job == null) {
            return List.of();
        }
        state.put(id, 1);
        path.push(id);
        for (String need : job.needs()) {
            if (!need.equals(id)) {
                List<String> found = visit(need, byId, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        path.pop();
        state.put(id, 2);
        return List.of();
    }
}
