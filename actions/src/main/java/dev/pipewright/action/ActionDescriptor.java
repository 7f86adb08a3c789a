package dev.pipewright.action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The single description of an action from which its action.yml, its CLI subcommand and its docs
 * are derived, so the three cannot drift.
 */
public record ActionDescriptor(
        String id,
        String name,
        String description,
        String author,
        List<InputSpec> inputs,
        List<OutputSpec> outputs,
        Branding branding) {
    /** The image every action runs in; the tag is the release version. */
    public static final String IMAGE = "ghcr.io/pipewright/pipewright-actions";

    public ActionDescriptor {
        InputSpec.checkName(id);
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(description, "description == null");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(branding, "branding == null");
        Set<String> seen = new HashSet<>();
        for (InputSpec in : inputs) {
            if (!seen.add(in.envName())) {
                throw new IllegalArgumentException(
                        "two inputs of '" + id + "' map to " + in.envName());
            }
        }
        seen.clear();
        for (OutputSpec out : outputs) {
            if (!seen.add(out.name())) {
                throw new IllegalArgumentException(
                        "output '" + out.name() + "' of '" + id + "' is declared twice");
            }
        }
    }

    public Optional<InputSpec> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    public boolean hasOutput(String outputName) {
        return outputs.stream().anyMatch(o -> o.name().equals(outputName));
    }

    /**
     * The content of {@code actions/<id>/action.yml} as an ordered tree (maps, lists, strings, and
     * booleans for {@code required}), ready for the project's YAML writer.
     */
    public Map<String, Object> actionYamlTree(String version) {
        Objects.requireNonNull(version, "version == null");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("description", description);
        if (author != null) {
            root.put("author", author);
        }
        Map<String, Object> ins = new LinkedHashMap<>();
        for (InputSpec in : inputs) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("description", in.description());
            node.put("required", in.required());
            if (in.defaultValue() != null) {
                node.put("default", in.defaultValue());
            }
            ins.put(in.name(), node);
        }
        if (!ins.isEmpty()) {
            root.put("inputs", ins);
        }
        Map<String, Object> outs = new LinkedHashMap<>();
        for (OutputSpec out : outputs) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("description", out.description());
            outs.put(out.name(), node);
        }
        if (!outs.isEmpty()) {
            root.put("outputs", outs);
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        runs.put("using", "docker");
        runs.put("image", "docker://" + IMAGE + ":" + version);
        runs.put("args", new ArrayList<>(List.of(id)));
        root.put("runs", runs);
        Map<String, Object> brand = new LinkedHashMap<>();
        brand.put("icon", branding.icon());
        brand.put("color", branding.color());
        root.put("branding", brand);
        return root;
    }
}
