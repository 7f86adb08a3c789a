package dev.pipewright.lint.audit;

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
        step.run()
                .filter(YScalar::isString)
                .ifPresent(
                        run -> {
                            if (!run.value().contains("GITHUB_ENV")
                                    && !run.value().contains("GITHUB_PATH")) {
                                return;
                            }
                            Set<String> tainted = taintedEnv(step.body());
                            Matcher m = WRITE.matcher(run.value());
                            while (m.find()) {
                                String line = m.group();
                                if (!line.matches(".*>>?\\s*\"?\\$\\{?(GITHUB_ENV|GITHUB_PATH).*")
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
                                if (why == null && privileged() && !constant(line)) {
                                    why =
                                            "runs under a privileged trigger, where the written values may come from the pull request";
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
