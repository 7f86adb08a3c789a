package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YScalar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflow commands GitHub retired: {@code set-env} and {@code add-path} are disabled (errors);
 * {@code set-output} and {@code save-state} are deprecated in favour of environment files.
 */
@Rule(
        id = "deprecated-commands",
        summary =
                "run scripts do not use the retired ::set-env, ::add-path, ::set-output or ::save-state commands")
public final class DeprecatedCommandsRule extends LintRule {
    private static final Pattern COMMAND =
            Pattern.compile("::(set-env|add-path|set-output|save-state)[\\s:]");

    @Override
    public void visitStep(Workflow.Step step) {
        step.run()
                .filter(YScalar::isString)
                .ifPresent(
                        run -> {
                            Matcher m = COMMAND.matcher(run.value());
                            while (m.find()) {
                                Pos pos = Locator.at(ctx(), run, m.start());
                                String cmd = m.group(1);
                                switch (cmd) {
                                    case "set-env" ->
                                            report(
                                                    pos,
                                                    "\"::set-env\" is disabled on GitHub; append \"NAME=value\" to"
                                                            + " \"$GITHUB_ENV\" instead");
                                    case "add-path" ->
                                            report(
                                                    pos,
                                                    "\"::add-path\" is disabled on GitHub; append the directory to"
                                                            + " \"$GITHUB_PATH\" instead");
                                    case "set-output" ->
                                            report(
                                                    pos,
                                                    Severity.WARNING,
                                                    "\"::set-output\" is deprecated; append"
                                                            + " \"name=value\" to \"$GITHUB_OUTPUT\" instead");
                                    default ->
                                            report(
                                                    pos,
                                                    Severity.WARNING,
                                                    "\"::save-state\" is deprecated; append \"name=value\" to"
                                                            + " \"$GITHUB_STATE\" instead");
                                }
                            }
                        });
    }
}
