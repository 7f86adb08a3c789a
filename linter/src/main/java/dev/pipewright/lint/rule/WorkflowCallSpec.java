package dev.pipewright.lint.rule;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interface of a reusable workflow, from its {@code on.workflow_call}: inputs, secrets and
 * outputs.
 *
 * @param callable false when the workflow has no {@code workflow_call} trigger, so GitHub refuses
 *     the call
 * @param dynamic true when a name is an expression, so names cannot be checked
 */
record WorkflowCallSpec(
        boolean callable,
        List<Input> inputs,
        List<Secret> secrets,
        List<String> outputs,
        boolean dynamic) {
    /** An input; {@code required} means required without a default, as for actions. */
    record Input(String name, String type, boolean required) {}

    record Secret(String name, boolean required) {}

    static WorkflowCallSpec of(YMap root) {
        YNode on = root.get("on").orElse(null);
        boolean callable =
                Nodes.scalars(on).stream().anyMatch(s -> s.value().equals("workflow_call"))
                        || on instanceof YMap m && m.get("workflow_call").isPresent();
        Optional<YMap> call = on instanceof YMap m ? m.map("workflow_call") : Optional.empty();
        List<Input> inputs = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        boolean[] dynamic = {false};
        call.flatMap(c -> c.map("inputs"))
                .ifPresent(
                        in ->
                                in.entries()
                                        .forEach(
                                                e -> {
                                                    YMap im =
                                                            e.value() instanceof YMap x
                                                                    ? x
                                                                    : new YMap(
                                                                            List.of(),
                                                                            e.key().pos());
                                                    inputs.add(
                                                            new Input(
                                                                    e.key().value(),
                                                                    im.string("type")
                                                                            .orElse("string"),
                                                                    required(im)
                                                                            && im.get("default")
                                                                                    .isEmpty()));
                                                    dynamic[0] |= e.key().hasExpression();
                                                }));
        call.flatMap(c -> c.map("secrets"))
                .ifPresent(
                        in ->
                                in.entries()
                                        .forEach(
                                                e -> {
                                                    secrets.add(
                                                            new Secret(
                                                                    e.key().value(),
                                                                    e.value() instanceof YMap sm
                                                                            && required(sm)));
                                                    dynamic[0] |= e.key().hasExpression();
                                                }));
        call.flatMap(c -> c.map("outputs"))
                .ifPresent(
                        o ->
                                o.entries()
                                        .forEach(
                                                e -> {
                                                    outputs.add(e.key().value());
                                                    dynamic[0] |= e.key().hasExpression();
                                                }));
        return new WorkflowCallSpec(
                callable,
                List.copyOf(inputs),
                List.copyOf(secrets),
                List.copyOf(outputs),
                dynamic[0]);
    }

    private static boolean required(YMap m) {
        return m.scalar("required").map(YScalar::value).map("true"::equalsIgnoreCase).orElse(false);
    }
}
