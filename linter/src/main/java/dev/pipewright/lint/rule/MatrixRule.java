package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Matrix rows without duplicate values; {@code exclude} entries that match some combination. */
@Rule(
        id = "matrix",
        summary = "matrix values are unique and exclude entries match existing keys and values")
public final class MatrixRule extends LintRule {
    @Override
    public void visitJob(Workflow.Job job) {
        job.strategyMatrix().ifPresent(this::check);
    }

    private void check(YMap matrix) {
        Map<String, List<YNode>> axes = new LinkedHashMap<>();
        boolean dynamic = false;
        for (YMap.Entry e : matrix.entries()) {
            String key = e.key().value();
            if (key.equals("include") || key.equals("exclude")) {
                continue;
            }
            if (e.key().hasExpression() || !(e.value() instanceof YSeq row)) {
                dynamic = true;
                continue;
            }
            axes.put(key.toLowerCase(Locale.ROOT), row.items());
            List<String> seen = new ArrayList<>();
            for (YNode v : row.items()) {
                String canon = canonical(v);
                if (seen.contains(canon)) {
                    // GitHub accepts the file and runs the same combination twice: a likely
                    // mistake, not a broken workflow
                    report(
                            v.pos(),
                            Severity.WARNING,
                            "value "
                                    + shown(v)
                                    + " appears twice in matrix row \""
                                    + key
                                    + "\"; each duplicate runs the job again");
                }
                seen.add(canon);
            }
        }
        // an include computed by an expression may add any key: excludes cannot be checked against
        // it
        dynamic |=
                matrix.get("include")
                        .filter(n -> n instanceof YScalar s && s.hasExpression())
                        .isPresent();
        if (dynamic) {
            return;
        }
        List<Map<String, YNode>> includes = entries(matrix, "include");
        matrix.seq("exclude")
                .ifPresent(
                        ex -> {
                            for (YNode item : ex.items()) {
                                if (!(item instanceof YMap m)
                                        || m.entries().stream()
                                                .anyMatch(e -> e.key().hasExpression())) {
                                    continue;
                                }
                                for (YMap.Entry e : m.entries()) {
                                    String key = e.key().value();
                                    List<YNode> values = axes.get(key.toLowerCase(Locale.ROOT));
                                    if (values == null) {
                                        // a key only include adds: its values are those the include
                                        // entries give it
                                        List<YNode> included = new ArrayList<>();
                                        includes.forEach(
                                                i ->
                                                        i.forEach(
                                                                (k, v) -> {
                                                                    if (k.equalsIgnoreCase(key)) {
                                                                        included.add(v);
                                                                    }
                                                                }));
                                        if (included.isEmpty()) {
                                            report(
                                                    e.key(),
                                                    "exclude key \""
                                                            + key
                                                            + "\" is not a matrix key; "
                                                            + (axes.isEmpty()
                                                                    ? "the matrix has no keys to exclude from"
                                                                    : "keys are: "
                                                                            + String.join(
                                                                                    ", ",
                                                                                    axes
                                                                                            .keySet())));
                                        } else if (!hasExpression(e.value())
                                                && included.stream()
                                                        .noneMatch(
                                                                v ->
                                                                        hasExpression(v)
                                                                                || covers(
                                                                                        v,
                                                                                        e
                                                                                                .value()))) {
                                            report(
                                                    e.value(),
                                                    "exclude value "
                                                            + shown(e.value())
                                                            + " matches no value of matrix key \""
                                                            + key
                                                            + "\" (which only include sets)");
                                        }
                                    } else if (!hasExpression(e.value())
                                            && values.stream()
                                                    .noneMatch(
                                                            v ->
                                                                    hasExpression(v)
                                                                            || covers(
                                                                                    v,
                                                                                    e.value()))) {
                                        report(
                                                e.value(),
                                                "exclude value "
                                                        + shown(e.value())
                                                        + " matches no value of matrix key \""
                                                        + key
                                                        + "\"");
                                    }
                                }
                            }
                        });
    }

    private static List<Map<String, YNode>> entries(YMap matrix, String key) {
        List<Map<String, YNode>> out = new ArrayList<>();
        matrix.seq(key)
                .ifPresent(
                        s ->
                                s.items()
                                        .forEach(
                                                i -> {
                                                    if (i instanceof YMap m) {
                                                        Map<String, YNode> row =
                                                                new LinkedHashMap<>();
                                                        m.entries()
                                                                .forEach(
                                                                        e ->
                                                                                row.put(
                                                                                        e.key()
                                                                                                .value(),
                                                                                        e.value()));
                                                        out.add(row);
                                                    }
                                                }));
        return out;
    }

    /** An exclude value matches a row value when equal, or a subset of an object value. */
    private static boolean covers(YNode rowValue, YNode excluded) {
        if (rowValue instanceof YMap rm && excluded instanceof YMap em) {
            return em.entries().stream()
                    .allMatch(
                            e ->
                                    rm.get(e.key().value())
                                            .map(v -> covers(v, e.value()))
                                            .orElse(false));
        }
        return canonical(rowValue).equals(canonical(excluded));
    }

    private static boolean hasExpression(YNode n) {
        if (n instanceof YScalar s) {
            return s.hasExpression();
        } else if (n instanceof YSeq seq) {
            return seq.items().stream().anyMatch(MatrixRule::hasExpression);
        }
        return ((YMap) n)
                .entries().stream()
                        .anyMatch(e -> e.key().hasExpression() || hasExpression(e.value()));
    }

    static String canonical(YNode n) {
        if (n instanceof YScalar s) {
            return s.kindName() + ":" + s.value();
        } else if (n instanceof YSeq seq) {
            List<String> parts = new ArrayList<>();
            seq.items().forEach(i -> parts.add(canonical(i)));
            return "[" + String.join(",", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        ((YMap) n).entries().forEach(e -> parts.add(e.key().value() + "=" + canonical(e.value())));
        parts.sort(null);
        return "{" + String.join(",", parts) + "}";
    }

    private static String shown(YNode n) {
        return n instanceof YScalar s ? "\"" + s.value() + "\"" : "(" + n.kindName() + ")";
    }
}
