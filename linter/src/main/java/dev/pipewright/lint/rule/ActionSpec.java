package dev.pipewright.lint.rule;

import dev.pipewright.lint.data.PopularActions;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workflow may pass to an action and read from it, from the known-actions table or a local
 * action.yml.
 *
 * @param inputs every input name, as declared
 * @param required inputs marked required that have no default (actionlint's reading: a default
 *     satisfies them)
 * @param deprecated inputs with a {@code deprecationMessage}, to their message
 * @param outputs declared outputs
 * @param using the runtime ({@code node24}, {@code composite}, {@code docker}...), "" when absent
 * @param complete false when the metadata may lack inputs and outputs of the release in use
 * @param removed inputs earlier releases took, to the releases that took them ({@code
 *     v6.1.0..v7.0.0})
 */
record ActionSpec(
        List<String> inputs,
        List<String> required,
        Map<String, String> deprecated,
        List<String> outputs,
        String using,
        boolean complete,
        Map<String, String> removed) {

    static ActionSpec of(PopularActions.Meta m) {
        List<String> inputs = new ArrayList<>(m.required());
        inputs.addAll(m.optional());
        return new ActionSpec(
                List.copyOf(inputs),
                m.required(),
                m.deprecated(),
                m.outputs(),
                m.using(),
                m.complete(),
                m.removed());
    }

    static ActionSpec of(YMap root) {
        List<String> inputs = new ArrayList<>();
        List<String> required = new ArrayList<>();
        Map<String, String> deprecated = new LinkedHashMap<>();
        root.map("inputs")
                .ifPresent(
                        in ->
                                in.entries()
                                        .forEach(
                                                e -> {
                                                    inputs.add(e.key().value());
                                                    if (e.value() instanceof YMap im) {
                                                        boolean req =
                                                                im.scalar("required")
                                                                        .map(YScalar::value)
                                                                        .map(
                                                                                "true"
                                                                                        ::equalsIgnoreCase)
                                                                        .orElse(false);
                                                        if (req && im.get("default").isEmpty()) {
                                                            required.add(e.key().value());
                                                        }
                                                        im.string("deprecationMessage")
                                                                .ifPresent(
                                                                        msg ->
                                                                                deprecated.put(
                                                                                        e.key()
                                                                                                .value(),
                                                                                        msg
                                                                                                .strip()));
                                                    }
                                                }));
        List<String> outputs = root.map("outputs").map(YMap::keys).orElse(List.of());
        String using = root.map("runs").flatMap(r -> r.string("using")).orElse("");
        boolean dynamic = inputs.stream().anyMatch(i -> i.contains("${{"));
        return new ActionSpec(
                List.copyOf(inputs),
                List.copyOf(required),
                Map.copyOf(deprecated),
                List.copyOf(outputs),
                using,
                !dynamic,
                Map.of());
    }
}
