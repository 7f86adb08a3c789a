package dev.pipewright.lint.fix;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.audit.ActionsLock;
import dev.pipewright.lint.audit.ArtipackedAudit;
import dev.pipewright.lint.audit.EnvName;
import dev.pipewright.lint.audit.Exprs;
import dev.pipewright.lint.audit.TemplateInjectionAudit;
import dev.pipewright.lint.audit.Triggers;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;
import dev.pipewright.lint.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pipewright lint --fix}: minimal textual edits for the mechanical security findings, keeping every other
 * byte (comments, quoting, order) as it is. Each fix runs on a fresh parse of the previous one's output; a fix only
 * applies where its precondition holds, so a second run changes nothing.
 *
 * <ul>
 *   <li>unpinned-uses: {@code owner/repo@v4} becomes {@code owner/repo@<sha> # v4.2.2} from the lock file;
 *   <li>excessive-permissions: {@code permissions: {}} (or {@code contents: read} when a job checks out) at the top,
 *       only when every job without permissions uses nothing that writes with the token;
 *   <li>artipacked: {@code persist-credentials: false} on checkouts a later upload can publish (elsewhere a later
 *       step may push with the token);
 *   <li>template-injection: {@code ${{ untrusted }}} in a bash or pwsh {@code run:} moves to the step's {@code env:}.
 * </ul>
 */
public final class Fixer {
    /** One change, for the report: the 1-based line in the fixed text, the audit, what changed. */
    public record Change(int line, String rule, String description) {}

    /** The fixed text and its changes (none: the text is returned unchanged). */
    public record Result(String text, List<Change> changes) {
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    private record Edit(int start, int end, String text, String rule, String description) {}

    private final LintConfig config;

    public Fixer(LintConfig config) {
        this.config = config;
    }

    public Result fix(String source, Linter.Kind kind, Path projectRoot) {
        List<Change> changes = new ArrayList<>();
        String text = source;
        ActionsLock lock = ActionsLock.forProject(projectRoot);
        for (int pass = 0; pass < 4; pass++) {
            YamlFile yaml = new YamlLoader().load(text);
            if (yaml.fatal() || !yaml.problems().isEmpty() || !(yaml.root() instanceof YMap root)) {
                break;
            }
            Src src = new Src(text);
            List<Edit> edits = new ArrayList<>();
            if (kind == Linter.Kind.WORKFLOW) {
                Workflow wf = Workflow.of(root);
                switch (pass) {
                    case 0 -> pins(src, wf, lock, edits);
                    case 1 -> permissions(src, wf, edits);
                    case 2 -> persistCredentials(src, wf, edits);
                    default -> injections(src, wf, edits);
                }
            } else if (kind == Linter.Kind.ACTION && pass == 0) {
                root.map("runs").flatMap(r -> r.seq("steps")).ifPresent(seq -> seq.items().stream()
                        .filter(YMap.class::isInstance).forEach(s -> ((YMap) s).scalar("uses").ifPresent(u -> pin(src, u, lock, edits))));
            }
            text = apply(text, edits, changes);
        }
        return new Result(text, List.copyOf(changes));
    }

    private static String apply(String text, List<Edit> edits, List<Change> changes) {
        if (edits.isEmpty()) {
            return text;
        }
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        int lastStart = Integer.MAX_VALUE;
        List<Edit> applied = new ArrayList<>();
        for (Edit e : sorted) {
            if (e.end() > lastStart) {
                continue; // overlapping: left for a later run
            }
            sb.replace(e.start(), e.end(), e.text());
            lastStart = e.start();
            applied.add(e);
        }
        String out = sb.toString();
        // Lines in the fixed text: shift each edit's line by the newlines the earlier edits added.
        applied.sort(Comparator.comparingInt(Edit::start));
        int shift = 0;
        Src before = new Src(text);
        for (Edit e : applied) {
            changes.add(new Change(before.lineOf(e.start()) + shift, e.rule(), e.description()));
            shift += count(e.text()) - count(text.substring(e.start(), e.end()));
        }
        return out;
    }

    private static int count(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    // ---- unpinned-uses ----

    private void pins(Src src, Workflow wf, ActionsLock lock, List<Edit> edits) {
        for (Workflow.Job job : wf.jobs()) {
            job.body().scalar("uses").ifPresent(u -> pin(src, u, lock, edits));
            job.steps().forEach(s -> s.uses().ifPresent(u -> pin(src, u, lock, edits)));
        }
    }

    private static final Pattern VERSION_COMMENT = Pattern.compile("\\s*#\\s*v?\\d[\\w.+-]*\\s*");

    private void pin(Src src, YScalar uses, ActionsLock lock, List<Edit> edits) {
        if (!uses.isString() || uses.pos().line() != uses.end().line() || uses.isBlock()) {
            return;
        }
        Optional<Uses> parsed = Uses.parse(uses.value());
        if (parsed.isEmpty() || parsed.get().pinned() || config.audits().allowsUnpinned(parsed.get().owner())) {
            return;
        }
        Uses u = parsed.get();
        lock.resolve(u.repository(), u.ref()).ifPresent(pin -> {
            String line = src.line(uses.pos().line());
            int s = uses.pos().col() - 1;
            int e = Math.min(uses.end().col() - 1, line.length());
            String raw = line.substring(s, e);
            int at = raw.lastIndexOf("@" + u.ref());
            if (at < 0) {
                return;
            }
            String rest = line.substring(e);
            if (!rest.isBlank() && !VERSION_COMMENT.matcher(rest).matches()) {
                return; // a comment we would lose
            }
            int lineStart = src.offset(uses.pos().line(), 1);
            String replaced = raw.substring(0, at + 1) + pin.sha() + raw.substring(at + 1 + u.ref().length());
            edits.add(new Edit(lineStart + s, lineStart + line.length(), replaced + " # " + pin.tag(), "unpinned-uses",
                    "pinned " + u.repository() + u.path() + "@" + u.ref() + " to " + pin.sha() + " # " + pin.tag()));
        });
    }

    // ---- excessive-permissions ----

    private static final Set<String> READ_ONLY = Set.of("actions/checkout", "actions/setup-java", "actions/setup-node",
            "actions/setup-python", "actions/setup-go", "actions/setup-dotnet", "actions/cache", "actions/cache/restore",
            "actions/cache/save", "actions/upload-artifact", "actions/download-artifact", "astral-sh/setup-uv");

    private static void permissions(Src src, Workflow wf, List<Edit> edits) {
        if (wf.root().get("permissions").isPresent() || Triggers.onlyCalled(wf) || src.text.contains("GITHUB_TOKEN")
                || src.text.contains("github.token")) {
            return;
        }
        YMap.Entry jobs = wf.root().entry("jobs").orElse(null);
        if (jobs == null || jobs.key().pos().col() != 1) {
            return;
        }
        boolean checkout = false;
        boolean any = false;
        for (Workflow.Job job : wf.jobs()) {
            if (job.body().get("permissions").isPresent()) {
                continue;
            }
            any = true;
            if (job.isCall()) {
                return;
            }
            for (Workflow.Step s : job.steps()) {
                Optional<Uses> u = s.uses().flatMap(x -> Uses.parse(x.value()));
                if (s.uses().isPresent() && (u.isEmpty() || !READ_ONLY.contains(u.get().target()))) {
                    return; // an action that may write with its default token input
                }
                if (s.run().map(r -> r.value().matches("(?s).*\\b(git\\s+push|gh\\s)\\b.*")).orElse(false)) {
                    return;
                }
                checkout |= u.map(x -> x.is("actions/checkout")).orElse(false);
            }
        }
        if (!any) {
            return;
        }
        String nl = src.newline();
        int at = src.offset(jobs.key().pos().line(), 1);
        String block = checkout ? "permissions:" + nl + "  contents: read" + nl : "permissions: {}" + nl;
        edits.add(new Edit(at, at, block, "excessive-permissions", "added \"" + (checkout ? "permissions: contents: read"
                : "permissions: {}") + "\" at the top of the workflow"));
    }

    // ---- artipacked ----

    private static void persistCredentials(Src src, Workflow wf, List<Edit> edits) {
        for (Workflow.Job job : wf.jobs()) {
            if (!ArtipackedAudit.leaks(job.steps(), src::line)) {
                continue;
            }
            for (Workflow.Step s : ArtipackedAudit.persisting(job.steps())) {
                YScalar uses = s.uses().orElseThrow();
                String nl = src.newline();
                YNode with = s.body().get("with").orElse(null);
                if (with == null) {
                    if (uses.pos().line() != uses.end().line()) {
                        continue;
                    }
                    int indent = s.body().entries().get(0).key().pos().col() - 1;
                    int at = src.offset(uses.pos().line() + 1, 1);
                    edits.add(new Edit(at, at, " ".repeat(indent) + "with:" + nl + " ".repeat(indent + 2)
                            + "persist-credentials: false" + nl, "artipacked", "added \"persist-credentials: false\" to "
                            + uses.value()));
                } else if (with instanceof YMap m && !m.entries().isEmpty() && m.get("persist-credentials").isEmpty()) {
                    Pos first = m.entries().get(0).key().pos();
                    YMap.Entry withEntry = s.body().entry("with").orElseThrow();
                    if (first.line() == withEntry.key().pos().line()) {
                        continue; // flow mapping
                    }
                    int at = src.offset(first.line(), 1);
                    edits.add(new Edit(at, at, " ".repeat(first.col() - 1) + "persist-credentials: false" + nl, "artipacked",
                            "added \"persist-credentials: false\" to " + uses.value()));
                }
            }
        }
    }

    // ---- template-injection ----

    private static final Pattern QUOTED_HEREDOC = Pattern.compile("<<-?\\s*(['\"]|\\\\)");

    private static void injections(Src src, Workflow wf, List<Edit> edits) {
        for (Workflow.Job job : wf.jobs()) {
            for (Workflow.Step step : job.steps()) {
                List<TemplateInjectionAudit.Injection> found = TemplateInjectionAudit.find(step.body()).stream()
                        .filter(TemplateInjectionAudit.Injection::run).toList();
                if (!found.isEmpty()) {
                    injection(src, wf, job, step, found, edits);
                }
            }
        }
    }

    private static void injection(Src src, Workflow wf, Workflow.Job job, Workflow.Step step,
            List<TemplateInjectionAudit.Injection> found, List<Edit> edits) {
        String shell = shell(wf, job, step);
        YScalar run = found.get(0).script();
        if (shell == null || QUOTED_HEREDOC.matcher(run.value()).find()) {
            return;
        }
        YNode envNode = step.body().get("env").orElse(null);
        if (envNode != null && !(envNode instanceof YMap m && !m.entries().isEmpty()
                && m.entries().get(0).key().pos().line() != step.body().entry("env").orElseThrow().key().pos().line())) {
            return; // a flow, empty or expression env: leave it to the author
        }
        YMap env = (YMap) envNode;
        Map<String, String> names = new LinkedHashMap<>(); // expression text -> variable
        List<Edit> local = new ArrayList<>();
        for (TemplateInjectionAudit.Injection i : found) {
            Exprs.Span span = i.span();
            String path = Exprs.path(span.ast());
            if (path == null) {
                return; // not a plain context: the author must decide
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
                return;
            }
            String ref = switch (shell) {
                case "pwsh" -> "$env:" + name;
                default -> quoting.equals("'") ? "'\"${" + name + "}\"'" : "${" + name + "}";
            };
            // The k-th occurrence of the expression in the value is the k-th in the scalar's source text.
            int k = 0;
            for (int from = run.value().indexOf(expr); from >= 0 && from < span.start(); from = run.value().indexOf(expr, from + 1)) {
                k++;
            }
            int lo = src.offset(run.pos().line(), run.pos().col());
            int hi = Math.max(lo, src.offset(run.end().line(), run.end().col()));
            int off = src.text.indexOf(expr, lo);
            for (int j = 0; j < k && off >= 0; j++) {
                off = src.text.indexOf(expr, off + 1);
            }
            if (off < 0 || off + expr.length() > hi) {
                return;
            }
            local.add(new Edit(off, off + expr.length(), ref, "template-injection", "moved " + expr + " out of the run script"
                    + " into env " + name));
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
            lines.append(" ".repeat(indent)).append(e.getValue()).append(": ").append(e.getKey()).append(nl);
            added = true;
        }
        if (added) {
            local.add(new Edit(at, at, lines.toString(), "template-injection", "added env " + String.join(", ", names.values())
                    + " to the step"));
        }
        edits.addAll(local);
    }

    /** Where a new {@code env:} block goes: before the step's second key when run opens the step, else before run. */
    private static int envInsertPoint(Src src, Workflow.Step step, int indent) {
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
        for (int l = last + 1; l <= src.lines.length; l++) {
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
            boolean clash = existing != null && !existing.equals(value) || taken.containsValue(name);
            if (!clash) {
                return name;
            }
            name = base + "_" + n;
        }
    }

    /** The step's shell family: bash (also sh), pwsh, or null when unknown or another interpreter. */
    private static String shell(Workflow wf, Workflow.Job job, Workflow.Step step) {
        String sh = step.body().string("shell")
                .or(() -> job.body().map("defaults").flatMap(d -> d.map("run")).flatMap(r -> r.string("shell")))
                .or(() -> wf.root().map("defaults").flatMap(d -> d.map("run")).flatMap(r -> r.string("shell")))
                .orElse(null);
        if (sh == null) {
            YNode runsOn = job.body().get("runs-on").orElse(null);
            if (!(runsOn instanceof YScalar r) || r.hasExpression()) {
                return null;
            }
            return r.value().toLowerCase(java.util.Locale.ROOT).contains("windows") ? "pwsh" : "bash";
        }
        String first = sh.strip().split("\\s+")[0];
        if (first.equals("bash") || first.equals("sh")) {
            return "bash";
        }
        return first.equals("pwsh") || first.equals("powershell") ? "pwsh" : null;
    }

    /** The quote the shell is inside at {@code offset}: "" none, "'" or "\"" (pwsh: single quotes are unsupported). */
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

    /** Source text with line offsets. */
    private static final class Src {
        final String text;
        final String[] lines;
        final int[] starts;

        Src(String text) {
            this.text = text;
            this.lines = text.split("\n", -1);
            this.starts = new int[lines.length + 1];
            int o = 0;
            for (int i = 0; i < lines.length; i++) {
                starts[i] = o;
                o += lines[i].length() + 1;
            }
            starts[lines.length] = text.length();
        }

        String line(int n) {
            String l = n >= 1 && n <= lines.length ? lines[n - 1] : "";
            return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        }

        /** Offset of a 1-based line and column; a line past the end is the end of the text. */
        int offset(int line, int col) {
            if (line > lines.length) {
                return text.length();
            }
            return Math.min(starts[line - 1] + col - 1, text.length());
        }

        int lineOf(int offset) {
            int l = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    l++;
                }
            }
            return l;
        }

        String newline() {
            return text.contains("\r\n") ? "\r\n" : "\n";
        }

    }
}
