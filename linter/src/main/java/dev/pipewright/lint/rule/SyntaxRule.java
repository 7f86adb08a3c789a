package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;
import dev.pipewright.lint.yaml.YamlProblem;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/** YAML syntax and GitHub's schema: keys, types and allowed values. */
@Rule(
        id = "syntax-check",
        summary =
                "YAML syntax and GitHub's workflow and action schema: keys, types and allowed values")
public final class SyntaxRule extends LintRule {
    @Override
    public void visitFile(YamlFile yaml) {
        for (YamlProblem p : yaml.problems()) {
            report(p.pos(), p.message());
        }
        if (yaml.documents().isEmpty() && !yaml.fatal()) {
            report(Pos.START, "the file is empty; a workflow needs at least \"on\" and \"jobs\"");
        }
        if (yaml.documents().size() > 1) {
            report(
                    yaml.documents().get(1).pos(),
                    "a workflow file must hold one YAML document, but this is document "
                            + "2 of "
                            + yaml.documents().size()
                            + "; remove the \"---\" separator or split the file");
        }
        reportSchemaProblems(null);
    }

    /**
     * The schema says "number"; GitHub's docs say minutes before the job or step is cancelled (and,
     * for max-parallel, how many matrix jobs run at once), so zero or less is wrong.
     */
    @Override
    public void visitWorkflow(Workflow workflow) {
        workflow.on().ifPresent(on -> EmptySections.inTriggers(on).forEach(this::reportEmpty));
        workflow.on().flatMap(on -> on.map("workflow_dispatch")).ifPresent(this::emptyOptions);
        workflow.on()
                .flatMap(on -> on.map("workflow_call"))
                .flatMap(call -> call.map("outputs"))
                .ifPresent(this::emptyOutputValues);
    }

    /**
     * A called workflow's output whose {@code value:} is left empty: GitHub's parser takes it as an
     * empty string, so every caller reads "" (actionlint: "string should not be empty").
     */
    private void emptyOutputValues(YMap outputs) {
        for (YMap.Entry e : outputs.entries()) {
            if (e.value() instanceof YMap output) {
                output.scalar("value")
                        .filter(v -> v.isNull() || (v.isString() && v.value().isEmpty()))
                        .ifPresent(
                                v ->
                                        report(
                                                v.pos(),
                                                Severity.WARNING,
                                                "output \""
                                                        + e.key().value()
                                                        + "\" has an empty value; every caller"
                                                        + " reads \"\"; set value: to an"
                                                        + " expression such as ${{ jobs.<job>.outputs.<name> }}"));
            }
        }
    }

    /**
     * An empty string among a choice input's options: the run form offers a blank choice, which
     * GitHub's parser takes but nobody means (actionlint: "string should not be empty").
     */
    private void emptyOptions(YMap dispatch) {
        for (YMap input : EmptySections.inputs(dispatch)) {
            input.seq("options")
                    .ifPresent(
                            options -> {
                                for (YNode o : options.items()) {
                                    if (o instanceof YScalar s
                                            && s.isString()
                                            && s.value().isEmpty()) {
                                        report(
                                                s.pos(),
                                                Severity.WARNING,
                                                "an option is an empty string; the run form"
                                                        + " offers it as a blank choice");
                                    }
                                }
                            });
        }
    }

    private void reportEmpty(EmptySections.Empty e) {
        report(
                e.node().pos(),
                e.fails() ? Severity.ERROR : Severity.WARNING,
                e.name()
                        + " is an empty list; "
                        + (e.fails()
                                ? "GitHub fails the run on a matrix row without values; add values or remove the row"
                                : e.name().equals("\"runs-on\"") || e.name().equals("\"labels\"")
                                        ? "name the runner's labels"
                                        : "list at least one value or remove the key"));
    }

    @Override
    public void visitJob(Workflow.Job job) {
        EmptySections.inJob(job.body()).forEach(this::reportEmpty);
        positive(job.body(), "timeout-minutes");
        positive(job.body(), "cancel-timeout-minutes");
        job.body().map("strategy").ifPresent(s -> positive(s, "max-parallel"));
        job.body()
                .map("runs-on")
                .flatMap(r -> r.scalar("group"))
                .filter(g -> g.isString() && !g.hasExpression())
                .ifPresent(this::runnerGroup);
        job.body().map("container").ifPresent(c -> image(c, "the job's container"));
        job.body()
                .map("services")
                .ifPresent(
                        services -> {
                            for (YMap.Entry e : services.entries()) {
                                if (e.value() instanceof YMap service) {
                                    image(service, "service \"" + e.key().value() + "\"");
                                }
                            }
                        });
    }

    /**
     * A runner group is a name, or one prefixed with its owner's kind: {@code organization/}
     * ({@code org/}) or {@code enterprise/} ({@code ent/}); GitHub's parser rejects any other
     * slash.
     */
    private void runnerGroup(YScalar group) {
        String[] names = group.value().split("/", -1);
        if (names.length == 1) {
            return;
        }
        if (names.length > 2
                || !Set.of("org", "organization", "ent", "enterprise").contains(names[0])) {
            report(
                    group,
                    "runner group \""
                            + group.value()
                            + "\" has an unknown prefix; name the group alone, or prefix"
                            + " it with \"organization/\" or \"enterprise/\" to pick the owner's group");
        } else if (names[1].isEmpty()) {
            report(
                    group,
                    "runner group \""
                            + group.value()
                            + "\" has no name after \""
                            + names[0]
                            + "/\"");
        }
    }

    /**
     * GitHub's schema leaves {@code image} optional in a container mapping, but its parser then
     * rejects the mapping ("Container image cannot be empty"), at the mapping's first key, where
     * this reports it too.
     */
    private void image(YMap container, String what) {
        if (container.get("image").isEmpty()
                && container.entries().stream().noneMatch(e -> e.key().hasExpression())) {
            report(container, what + " has no \"image\"; add \"image:\" with the image to run");
        }
    }

    @Override
    public void visitStep(Workflow.Step step) {
        positive(step.body(), "timeout-minutes");
    }

    private void positive(YMap body, String key) {
        body.scalar(key)
                .filter(v -> v.type() == YScalar.Type.INT || v.type() == YScalar.Type.FLOAT)
                .ifPresent(
                        v -> {
                            if (key.equals("max-parallel")
                                    && v.type() == YScalar.Type.FLOAT
                                    && sign(v.value()) > 0) {
                                // a count of jobs: GitHub's schema says "number", actionlint
                                // and the runner's matrix expansion want an integer
                                report(
                                        v.pos(),
                                        Severity.WARNING,
                                        "\"max-parallel\" is "
                                                + v.value()
                                                + ", but it must be a whole number of jobs");
                            } else if (sign(v.value()) <= 0) {
                                // GitHub's parser accepts any number here (its own tests read
                                // -Infinity): a likely mistake, not an error
                                report(
                                        v.pos(),
                                        Severity.WARNING,
                                        "\""
                                                + key
                                                + "\" is "
                                                + v.value()
                                                + ", but it must be "
                                                + (key.equals("max-parallel")
                                                        ? "a number of jobs"
                                                        : "a number of minutes")
                                                + " greater than zero");
                            }
                        });
    }

    /**
     * The sign of a YAML 1.2 core-schema number: octal {@code 0o17} and hex {@code 0x1F} are
     * integers too, and {@code .inf}/{@code .nan} floats, none of which Double.parseDouble reads.
     * NaN counts as positive (not reported).
     */
    private static int sign(String v) {
        String s = v.strip();
        if (s.startsWith("0o") || s.startsWith("0x")) {
            return new BigInteger(s.substring(2), s.charAt(1) == 'o' ? 8 : 16).signum();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? -1 : 1;
        }
        if (lower.equals(".nan")) {
            return 1;
        }
        return (int) Math.signum(Double.parseDouble(s));
    }
}
