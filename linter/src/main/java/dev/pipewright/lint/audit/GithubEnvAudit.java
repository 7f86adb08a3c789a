package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines appended to {@code $GITHUB_ENV} or {@code $GITHUB_PATH} set variables (LD_PRELOAD,
 * NODE_OPTIONS, PATH) for every later step; writing attacker-controlled text there lets it run code
 * in those steps. Flags writes whose line expands an untrusted context or a step env variable
 * holding one, and any write of a non-constant value under a privileged trigger.
 */
@Rule(
        id = "github-env",
        summary = "untrusted text is not written to GITHUB_ENV or GITHUB_PATH",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.MEDIUM)
public final class GithubEnvAudit extends AuditRule {
    private static final Pattern WRITE = Pattern.compile("(?m)^.*(GITHUB_ENV|GITHUB_PATH).*$");

    @Override
    public void visitStep(Workflow.Step step) {
        check(
                step.body(),
                privileged()
                        ? "runs under a privileged trigger, where the written values may come from the pull request"
                        : null);
    }

    /**
     * A composite action runs in its callers' workflows, privileged ones included, and cannot know
     * what its callers pass: a write that expands one of its inputs is reported, and, for the
     * pedantic persona, any write of a value that is not constant, as zizmor reports (most are
     * paths and versions the action computes, too many for everyone).
     */
    @Override
    public void visitAction(LintContext.ActionFile action) {
        composite = true;
        compositeSteps(action)
                .forEach(
                        step ->
                                check(
                                        step,
                                        policy().pedantic()
                                                ? "is in a composite action, which its callers may run under a"
                                                        + " privileged trigger, where the written values may come from"
                                                        + " the pull request"
                                                : null));
        composite = false;
    }

    /** True while the steps of a composite action are checked: its inputs are the callers'. */
    private boolean composite;

    /**
     * The writes of a step's script; {@code privileged} is why any non-constant write is a risk
     * (null: only writes of attacker-controlled text are).
     */
    private void check(YMap body, String privileged) {
        body.scalar("run")
                .filter(YScalar::isString)
                .ifPresent(
                        run -> {
                            if (!run.value().contains("GITHUB_ENV")
                                    && !run.value().contains("GITHUB_PATH")) {
                                return;
                            }
                            Set<String> tainted = taintedEnv(body);
                            Matcher m = WRITE.matcher(run.value());
                            while (m.find()) {
                                String line = m.group();
                                if (!line.matches(
                                                ".*>>?\\s*\"?(\\$\\{?(env:)?|%)(GITHUB_ENV|GITHUB_PATH).*")
                                        && !line.matches(
                                                ".*(Out-File|Add-Content|tee)"
                                                        + ".*(GITHUB_ENV|GITHUB_PATH).*")) {
                                    continue;
                                }
                                String file = m.group(1);
                                String why = null;
                                for (Exprs.Span span : Exprs.spans(line)) {
                                    if (span.ast() != null
                                            && Exprs.accesses(span.ast()).stream()
                                                    .anyMatch(Untrusted::isUntrusted)) {
                                        why = "expands attacker-controlled " + span.text().strip();
                                    } else if (composite
                                            && span.ast() != null
                                            && Exprs.accesses(span.ast()).stream()
                                                    .anyMatch(
                                                            a -> a.path().startsWith("inputs."))) {
                                        why =
                                                "expands the action input "
                                                        + span.text().strip()
                                                        + ", which its callers choose";
                                    }
                                }
                                for (String v : tainted) {
                                    if (why == null
                                            && line.matches(
                                                    "(?s).*\\$\\{?" + Pattern.quote(v) + "\\b.*")) {
                                        why =
                                                "writes $"
                                                        + v
                                                        + ", which holds attacker-controlled text";
                                    }
                                }
                                if (why == null && privileged != null && !constant(line)) {
                                    why = privileged;
                                }
                                if (why != null) {
                                    report(
                                            Locator.at(ctx(), run, m.start()),
                                            "this write to $"
                                                    + file
                                                    + " "
                                                    + why
                                                    + "; later steps would run"
                                                    + " with the attacker's "
                                                    + (file.equals("GITHUB_PATH")
                                                            ? "PATH"
                                                            : "environment (LD_PRELOAD, NODE_OPTIONS…)")
                                                    + "; validate the value or pass it through step outputs");
                                }
                            }
                        });
    }

    private static final Pattern TARGET =
            Pattern.compile("\"?\\$(?:\\{GITHUB_(?:ENV|PATH)}|(?:env:)?GITHUB_(?:ENV|PATH)\\b)\"?");
    private static final Pattern PRODUCER =
            Pattern.compile("(?i)(echo|printf|write-output|add-content|out-file)\\b.*|[\"'].*");

    /**
     * True when the write's command prints only literal text (no {@code $}, backtick or {@code ${{
     * }}}, no here-document whose lines follow): {@code echo "TZ=UTC" >> "$GITHUB_ENV"} sets a
     * value the pull request cannot change.
     */
    static boolean constant(String line) {
        Matcher t = TARGET.matcher(line);
        if (!t.find()) {
            return false;
        }
        String before = line.substring(0, t.start());
        int cut =
                Math.max(
                        Math.max(before.lastIndexOf("&&"), before.lastIndexOf("||")),
                        before.lastIndexOf(';'));
        String cmd =
                TARGET.matcher(
                                line.substring(
                                        cut < 0 ? 0 : cut + (line.charAt(cut) == ';' ? 1 : 2)))
                        .replaceAll("")
                        .strip();
        return PRODUCER.matcher(cmd).matches()
                && !cmd.contains("$")
                && !cmd.contains("`")
                && !cmd.contains("<<");
    }

    private static Set<String> taintedEnv(YMap step) {
        Set<String> out = new HashSet<>();
        step.map("env")
                .ifPresent(
                        env ->
                                env.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof YScalar s
                                                            && s.isString()) {
                                                        for (Exprs.Span span :
                                                                Exprs.spans(s.value())) {
                                                            if (span.ast() != null
                                                                    && Exprs.accesses(span.ast())
                                                                            .stream()
                                                                            .anyMatch(
                                                                                    Untrusted
                                                                                            ::isUntrusted)) {
                                                                out.add(e.key().value());
                                                            }
                                                        }
                                                    }
                                                }));
        return out;
    }
}
