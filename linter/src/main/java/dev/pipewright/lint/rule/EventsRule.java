package dev.pipewright.lint.rule;

import dev.pipewright.github.Cron;
import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Trigger events: names and activity types (from the schema's event table), conflicting filters,
 * cron syntax, schedules more frequent than GitHub runs them, time zones, dispatch inputs.
 */
@Rule(
        id = "events",
        summary =
                "trigger events, activity types, filters, cron schedules and time zones are valid")
public final class EventsRule extends LintRule {
    private static final String[][] EXCLUSIVE = {
        {"branches", "branches-ignore"}, {"tags", "tags-ignore"}, {"paths", "paths-ignore"}
    };

    @Override
    public void visitWorkflow(Workflow workflow) {
        reportSchemaProblems("events");
        workflow.on()
                .ifPresent(
                        on -> {
                            for (YMap.Entry e : on.entries()) {
                                if (e.value() instanceof YMap filters) {
                                    exclusiveFilters(e.key().value(), filters);
                                }
                            }
                            on.seq("schedule").ifPresent(this::schedules);
                            on.map("workflow_dispatch")
                                    .flatMap(d -> d.map("inputs"))
                                    .ifPresent(i -> dispatchInputs(i, false));
                            // workflow_call inputs have the same types (no choice): their defaults
                            // are checked alike
                            on.map("workflow_call")
                                    .flatMap(d -> d.map("inputs"))
                                    .ifPresent(i -> dispatchInputs(i, true));
                        });
    }

    private void exclusiveFilters(String event, YMap filters) {
        for (String[] pair : EXCLUSIVE) {
            if (filters.get(pair[0]).isPresent() && filters.get(pair[1]).isPresent()) {
                YScalar first = filters.entry(pair[0]).orElseThrow().key();
                YScalar second = filters.entry(pair[1]).orElseThrow().key();
                // the key written second is the one in conflict with what is already there
                report(
                        first.pos().compareTo(second.pos()) > 0 ? first : second,
                        "\""
                                + pair[0]
                                + "\" and \""
                                + pair[1]
                                + "\" cannot both"
                                + " filter the "
                                + event
                                + " event; use \""
                                + pair[0]
                                + "\" with \"!pattern\" entries instead");
            }
        }
    }

    private void schedules(YSeq schedule) {
        for (YNode item : schedule.items()) {
            if (!(item instanceof YMap m)) {
                continue;
            }
            m.scalar("cron")
                    .filter(YScalar::isString)
                    .filter(c -> !c.hasExpression())
                    .ifPresent(
                            c -> {
                                String err = Cron.problem(c.value()).orElse(null);
                                if (err != null) {
                                    report(c, err);
                                } else {
                                    int gap = Cron.tooFrequent(c.value());
                                    if (gap > 0) {
                                        report(
                                                c.pos(),
                                                Severity.WARNING,
                                                "cron \""
                                                        + c.value()
                                                        + "\" asks for a run every "
                                                        + gap
                                                        + " minute(s); GitHub runs schedules at most every 5 minutes");
                                    }
                                }
                            });
            m.scalar("timezone")
                    .filter(YScalar::isString)
                    .ifPresent(
                            tz -> {
                                try {
                                    ZoneId.of(tz.value());
                                } catch (DateTimeException e) {
                                    report(
                                            tz,
                                            "timezone \""
                                                    + tz.value()
                                                    + "\" is not an IANA time zone name such as"
                                                    + " \"Europe/London\" or \"America/New_York\"");
                                }
                            });
        }
    }

    /**
     * GitHub rejects a workflow whose {@code workflow_dispatch} defines more inputs than its limit
     * (25 since December 2025, 10 before; actionlint 1.7.7 still checks 10).
     */
    static final int MAX_DISPATCH_INPUTS = 25;

    private void dispatchInputs(YMap inputs, boolean called) {
        if (!called && inputs.entries().size() > MAX_DISPATCH_INPUTS) {
            report(
                    inputs.entries().get(MAX_DISPATCH_INPUTS).key(),
                    "workflow_dispatch defines "
                            + inputs.entries().size()
                            + " inputs, but GitHub takes at most "
                            + MAX_DISPATCH_INPUTS
                            + "; GitHub rejects the workflow. Merge inputs (a JSON string, a choice)"
                            + " or split the workflow");
        }
        for (YMap.Entry e : inputs.entries()) {
            if (!(e.value() instanceof YMap input)) {
                continue;
            }
            String type = input.string("type").orElse("string");
            List<String> options = new ArrayList<>();
            input.seq("options")
                    .ifPresent(
                            s ->
                                    s.items()
                                            .forEach(
                                                    o -> {
                                                        if (o instanceof YScalar os) {
                                                            options.add(os.value());
                                                        }
                                                    }));
            if (!type.equals("choice") && input.get("options").isPresent()) {
                // GitHub accepts and ignores them: the form shows a text field, a checkbox or an
                // environment list
                report(
                        e.key().pos(),
                        Severity.WARNING,
                        "\"options\" can not be set to \""
                                + e.key().value()
                                + "\" input because its input type is not \"choice\"; GitHub ignores them");
            }
            List<String> seen = new ArrayList<>();
            input.seq("options")
                    .ifPresent(
                            seq ->
                                    seq.items()
                                            .forEach(
                                                    o -> {
                                                        if (o instanceof YScalar os
                                                                && seen.contains(os.value())) {
                                                            report(
                                                                    os.pos(),
                                                                    Severity.WARNING,
                                                                    "option \""
                                                                            + os.value()
                                                                            + "\" is duplicated in options of \""
                                                                            + e.key().value()
                                                                            + "\" input");
                                                        } else if (o instanceof YScalar os) {
                                                            seen.add(os.value());
                                                        }
                                                    }));
            if (called
                    && input.scalar("required").filter(r -> r.value().equals("true")).isPresent()) {
                input.scalar("default")
                        .filter(d -> !d.isNull())
                        .ifPresent(
                                d ->
                                        report(
                                                d.pos(),
                                                Severity.WARNING,
                                                "input \""
                                                        + e.key().value()
                                                        + "\" of workflow_call event has the default value \""
                                                        + d.value()
                                                        + "\", but it is also required. if an input is marked as required, its default value will never be used"));
            }
            if (type.equals("choice") && (input.get("options").isEmpty() || options.isEmpty())) {
                // GitHub's parser: "Missing 'options' for choice input"
                report(
                        e.key(),
                        "input \""
                                + e.key().value()
                                + "\" has type choice but no options; list them under"
                                + " \"options:\"");
            }
            // a workflow_call default may be an expression over github, inputs and vars: GitHub
            // evaluates it
            // when the workflow is called and checks the type of the result then, so only literals
            // are checked here
            input.scalar("default")
                    .filter(d -> !d.isNull() && !d.hasExpression())
                    .ifPresent(
                            d -> {
                                if (type.equals("choice")
                                        && !options.isEmpty()
                                        && !options.contains(d.value())) {
                                    report(
                                            d,
                                            "default \""
                                                    + d.value()
                                                    + "\" of input \""
                                                    + e.key().value()
                                                    + "\" is not one of its options: "
                                                    + String.join(", ", options));
                                } else if (type.equals("boolean")
                                        && !d.value().equals("true")
                                        && !d.value().equals("false")) {
                                    report(
                                            d,
                                            "default \""
                                                    + d.value()
                                                    + "\" of boolean input \""
                                                    + e.key().value()
                                                    + "\" must be true or false");
                                } else if (type.equals("number")
                                        && !d.value()
                                                .matches(
                                                        "[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
                                    report(
                                            d,
                                            "default \""
                                                    + d.value()
                                                    + "\" of number input \""
                                                    + e.key().value()
                                                    + "\" is not a number");
                                }
                            });
        }
    }
}
