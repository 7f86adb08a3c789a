package dev.pipewright.lint.audit;

import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fix {@link TemplateInjectionAudit} proposes for a step: each untrusted {@code ${{ }}} of a
 * bash or pwsh {@code run:} becomes a variable, quoted as the script needs it, set in the step's
 * {@code env:}. One fix per step, since the variables and the lines that set them only work
 * together; none when any expansion cannot be moved safely (an unknown shell, a quoted heredoc, an
 * expression that is not a plain context, a comment, a flow {@code env:}).
 */
final class TemplateInjectionFix {
    private static final Pattern QUOTED_HEREDOC = Pattern.compile("<<-?\\s*(['\"]|\\\\)");

    private TemplateInjectionFix() {}

    /** The fix for the {@code run:} expansions {@code found} in {@code step}, or null. */
    static Fix of(
            LineOffsets src,
            Workflow wf,
            Workflow.Job job,
            Workflow.Step step,
            List<TemplateInjectionAudit.Injection> found) {
        String shell = shell(wf, job, step);
        YScalar run = found.get(0).script();
        if (shell == null || QUOTED_HEREDOC.matcher(run.value()).find()) {
            return null;
        }
        YNode envNode = step.body().get("env").orElse(null);
        if (envNode != null
                && !(envNode instanceof YMap m
                        && !m.entries().isEmpty()
                        && m.entries().get(0).key().pos().line()
                                != step.body().entry("env").orElseThrow().key().pos().line())) {
            return null; // a flow, empty or expression env: leave it to the author
        }
        YMap env = (YMap) envNode;
        Map<String, String> names = new LinkedHashMap<>(); // expression text -> variable
        List<Fix.Edit> edits = new ArrayList<>();
        String text = src.text();
        for (TemplateInjectionAudit.Injection i : found) {
            Exprs.Span span = i.span();
            String path = Exprs.path(span.ast());
            if (path == null) {
                return null; // not a plain context: the author must decide
            }
            String expr = span.whole(run.value());
            String value = "${{ " + span.text().strip() + " }}";
            String name = names.get(value);
            if (name == null) {
                name = freeName(EnvName.of(path), value, env, names);
                names.put(value, name);
            }
            String quoting = quoteState(run.value(), span.start(), shell);
            if (quoting == null) {
                return null;
            }
            String ref =
                    switch (shell) {
                        case "pwsh" -> "$env:" + name;
                        default ->
                                quoting.equals("'") ? "'\"${" + name + "}\"'" : "${" + name + "}";
                    };
            // The k-th occurrence of the expression in the value is the k-th in the scalar's source
            // text.
            int k = 0;
            for (int from = run.value().indexOf(expr);
                    from >= 0 && from < span.start();
                    from = run.value().indexOf(expr, from + 1)) {
                k++;
            }
            int lo = src.offset(run.pos().line(), run.pos().col());
            int hi = Math.max(lo, src.offset(run.end().line(), run.end().col()));
            int off = text.indexOf(expr, lo);
            for (int j = 0; j < k && off >= 0; j++) {
                off = text.indexOf(expr, off + 1);
            }
            if (off < 0 || off + expr.length() > hi) {
                return null;
            }
            edits.add(
                    new Fix.Edit(
                            new TextEdit(off, off + expr.length(), ref),
                            "moved " + expr + " out of the run script" + " into env " + name));
        }
        String nl = src.newline();
        StringBuilder lines = new StringBuilder();
        int indent;
        int at;
        if (env != null) {
            Pos first = env.entries().get(0).key().pos();
            indent = first.col() - 1;
            at = src.offset(first.line(), 1);
        } else {
            indent = step.body().entries().get(0).key().pos().col() - 1;
            at = envInsertPoint(src, step, indent);
            lines.append(" ".repeat(indent)).append("env:").append(nl);
            indent += 2;
        }
        boolean added = false;
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (env != null && env.string(e.getValue()).isPresent()) {
                continue; // same variable, same value: already there
            }
            lines.append(" ".repeat(indent))
                    .append(e.getValue())
                    .append(": ")
                    .append(e.getKey())
                    .append(nl);
            added = true;
        }
        if (added) {
            edits.add(
                    new Fix.Edit(
                            TextEdit.insert(at, lines.toString()),
                            "added env " + String.join(", ", names.values()) + " to the step"));
        }
        return new Fix(edits);
    }

    /**
     * Where a new {@code env:} block goes: before the step's second key when run opens the step,
     * else before run.
     */
    private static int envInsertPoint(LineOffsets src, Workflow.Step step, int indent) {
        List<YMap.Entry> entries = step.body().entries();
        YMap.Entry run = step.body().entry("run").orElseThrow();
        String runLine = src.line(run.key().pos().line());
        if (!runLine.substring(0, run.key().pos().col() - 1).contains("-")) {
            return src.offset(run.key().pos().line(), 1);
        }
        int idx = entries.indexOf(run);
        if (idx + 1 < entries.size()) {
            return src.offset(entries.get(idx + 1).key().pos().line(), 1);
        }
        // run is the only or last key: after its last line.
        int last = run.key().pos().line();
        for (int l = last + 1; l <= src.lines(); l++) {
            String s = src.line(l);
            if (s.isBlank()) {
                continue;
            }
            if (s.length() - s.stripLeading().length() <= indent) {
                break;
            }
            last = l;
        }
        return src.offset(last + 1, 1);
    }

    private static String freeName(String base, String value, YMap env, Map<String, String> taken) {
        String name = base.isEmpty() ? "UNTRUSTED" : base;
        for (int n = 2; ; n++) {
            String existing = env == null ? null : env.string(name).orElse(null);
            boolean clash =
                    existing != null && !existing.equals(value) || taken.containsValue(name);
            if (!clash) {
                return name;
            }
            name = base + "_" + n;
        }
    }

    /**
     * The step's shell family: bash (also sh), pwsh, or null when unknown or another interpreter.
     */
    private static String shell(Workflow wf, Workflow.Job job, Workflow.Step step) {
        String sh =
                step.body()
                        .string("shell")
                        .or(
                                () ->
                                        job.body()
                                                .map("defaults")
                                                .flatMap(d -> d.map("run"))
                                                .flatMap(r -> r.string("shell")))
                        .or(
                                () ->
                                        wf.root()
                                                .map("defaults")
                                                .flatMap(d -> d.map("run"))
                                                .flatMap(r -> r.string("shell")))
                        .orElse(null);
        if (sh == null) {
            YNode runsOn = job.body().get("runs-on").orElse(null);
            if (!(runsOn instanceof YScalar r) || r.hasExpression()) {
                return null;
            }
            return r.value().toLowerCase(Locale.ROOT).contains("windows") ? "pwsh" : "bash";
        }
        String first = sh.strip().split("\\s+")[0];
        if (first.equals("bash") || first.equals("sh")) {
            return "bash";
        }
        return first.equals("pwsh") || first.equals("powershell") ? "pwsh" : null;
    }

    /**
     * The quote the shell is inside at {@code offset}: "" none, "'" or "\"" (pwsh: single quotes
     * are unsupported).
     */
    private static String quoteState(String script, int offset, String shell) {
        char q = 0;
        for (int i = 0; i < offset; i++) {
            char c = script.charAt(i);
            if (q == 0) {
                if (c == '\\' && shell.equals("bash")) {
                    i++;
                } else if (c == '\'' || c == '"') {
                    q = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(script.charAt(i - 1)))) {
                    int eol = script.indexOf('\n', i);
                    if (eol < 0 || eol >= offset) {
                        return null; // inside a comment: leave it
                    }
                    i = eol;
                }
            } else if (q == '"' && c == '\\' && shell.equals("bash")) {
                i++;
            } else if (c == q) {
                q = 0;
            }
        }
        if (q == '\'' && shell.equals("pwsh")) {
            return null;
        }
        return q == 0 ? "" : String.valueOf(q);
    }
}
