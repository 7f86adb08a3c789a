package dev.pipewright.lint.rule;

import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.audit.SecurityAudits;
import java.util.List;
import java.util.stream.Stream;

/** The explicit registry of built-in rules, in documentation order. */
public final class BuiltInRules {
    private BuiltInRules() {}

    private static final List<RuleInfo> ALL =
            List.of(
                    RuleInfo.of(SyntaxRule.class, SyntaxRule::new),
                    RuleInfo.of(ExpressionRule.class, ExpressionRule::new),
                    RuleInfo.of(JobNeedsRule.class, JobNeedsRule::new),
                    RuleInfo.of(MatrixRule.class, MatrixRule::new),
                    RuleInfo.of(EventsRule.class, EventsRule::new),
                    RuleInfo.of(GlobRule.class, GlobRule::new),
                    RuleInfo.of(IdRule.class, IdRule::new),
                    RuleInfo.of(IfCondRule.class, IfCondRule::new),
                    RuleInfo.of(PermissionsRule.class, PermissionsRule::new),
                    RuleInfo.of(PyflakesRule.class, PyflakesRule::new),
                    RuleInfo.of(RunnerLabelRule.class, RunnerLabelRule::new),
                    RuleInfo.of(ShellNameRule.class, ShellNameRule::new),
                    RuleInfo.of(ShellcheckRule.class, ShellcheckRule::new),
                    RuleInfo.of(EnvVarRule.class, EnvVarRule::new),
                    RuleInfo.of(CredentialsRule.class, CredentialsRule::new),
                    RuleInfo.of(DeprecatedCommandsRule.class, DeprecatedCommandsRule::new),
                    RuleInfo.of(ActionRule.class, ActionRule::new),
                    RuleInfo.of(WorkflowCallRule.class, WorkflowCallRule::new));

    private static final List<RuleInfo> WITH_AUDITS =
            Stream.concat(ALL.stream(), SecurityAudits.all().stream()).toList();

    public static List<RuleInfo> all() {
        return WITH_AUDITS;
    }
}
