package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YScalar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Job and step ids: GitHub's syntax (under 100 characters; a leading {@code __} is reserved for the
 * ids GitHub gives steps itself), and step ids unique within a job (case-insensitively).
 */
@Rule(
        id = "id",
        summary =
                "job and step ids use letters, digits, - and _, start with a letter or _, and are unique")
public final class IdRule extends LintRule {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** GitHub's parser: "IDs ... must be less than 100 characters". */
    static final int MAX_LENGTH = 99;

    private final Map<String, YScalar> stepIds = new HashMap<>();

    @Override
    public void visitJob(Workflow.Job job) {
        stepIds.clear();
        check("job", job.id());
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step.body()
                .scalar("id")
                .filter(s -> !s.hasExpression() && !s.isNull())
                .ifPresent(
                        id -> {
                            check("step", id);
                            YScalar first =
                                    stepIds.putIfAbsent(id.value().toLowerCase(Locale.ROOT), id);
                            if (first != null) {
                                report(
                                        id,
                                        "step id \""
                                                + id.value()
                                                + "\" is already used at line "
                                                + first.pos().line()
                                                + " in this job; step ids must be unique (case-insensitively)");
                            }
                        });
    }

    private void check(String what, YScalar id) {
        if (id.hasExpression()) {
            return;
        }
        if (!ID.matcher(id.value()).matches()) {
            report(
                    id,
                    what
                            + " id \""
                            + id.value()
                            + "\" is invalid: it must start with a letter or _ and contain only"
                            + " letters, digits, - and _");
        } else if (id.value().startsWith("__")) {
            report(
                    id,
                    what
                            + " id \""
                            + id.value()
                            + "\" is invalid: ids starting with \"__\" are reserved for GitHub;"
                            + " remove the leading underscores");
        } else if (id.value().length() > MAX_LENGTH) {
            report(
                    id,
                    what
                            + " id \""
                            + id.value().substring(0, 20)
                            + "...\" is "
                            + id.value().length()
                            + " characters long; GitHub takes ids of at most "
                            + MAX_LENGTH
                            + " characters");
        }
    }
}
