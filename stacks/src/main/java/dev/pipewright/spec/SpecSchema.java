package dev.pipewright.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.stacks.Parameter;
import dev.pipewright.stacks.ParameterPatterns;
import dev.pipewright.stacks.Stack;
import dev.pipewright.stacks.Stacks;
import dev.pipewright.stacks.Stages;
import java.util.List;

/**
 * The JSON schema of {@code pipewright.yml}, derived from the stacks' parameters so it cannot drift
 * from them; committed as {@code schemas/pipeline.schema.json} (a test compares).
 */
public final class SpecSchema {
    public static final String PATH = "schemas/pipeline.schema.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecSchema() {}

    public static ObjectNode tree() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://pipewright.dev/schemas/pipeline.schema.json");
        root.put("title", "pipewright.yml");
        root.put(
                "description",
                "A pipeline from a Pipewright stack: stack, parameters and overrides by job and step id.");
        root.put("type", "object");
        root.putArray("required").add("stack");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        ObjectNode stack = props.putObject("stack");
        stack.put("description", "The stack (preset) to use.");
        ArrayNode ids = stack.putArray("enum");
        Stacks.all().forEach(s -> ids.add(s.id()));
        props.putObject("id")
                .put("type", "string")
                .put("pattern", "^[a-z][a-z0-9-]*$")
                .put("description", "Pipeline id (default: the stack id).");
        // A directory named workflows is read by GitHub only as .github/workflows, where
        // ./.github/actions (written
        // beside it) resolves; any other name is a self-contained folder that keeps its actions
        // inside.
        props.putObject("output")
                .put("type", "string")
                .put(
                        "pattern",
                        "^(?:\\.github/workflows|(?!(?:.*/)?workflows/?$)"
                                + ParameterPatterns.PATH
                                + ")$")
                .put(
                        "description",
                        "Workflows directory relative to the project root (default: .github/workflows); a"
                                + " folder named workflows must be .github/workflows.");
        props.putObject("parameters")
                .put("type", "object")
                .put("description", "Values of the stack's parameters.");
        ObjectNode overrides = props.putObject("overrides");
        overrides.put("type", "array");
        overrides.put(
                "description",
                "Changes to jobs and steps, by id: change, remove, add a step or add a job.");
        ObjectNode o = overrides.putObject("items");
        o.put("type", "object");
        o.put("additionalProperties", false);
        o.putArray("required").add("workflow").add("job");
        ObjectNode op = o.putObject("properties");
        op.putObject("add-step")
                .put("$ref", "#/$defs/step")
                .put(
                        "description",
                        "A step to add to the job: at its end, or before/after the step named there.");
        op.putObject("before")
                .put("type", "string")
                .put("description", "Id of the step add-step goes before.");
        op.putObject("after")
                .put("type", "string")
                .put("description", "Id of the step add-step goes after.");
        ObjectNode addJob = op.putObject("add-job");
        addJob.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "A job to add to the workflow, with id 'job' (contents: read, on "
                                + Stages.RUNNER
                                + " and 15 minutes unless given).");
        addJob.putArray("required").add("steps");
        ObjectNode jp = addJob.putObject("properties");
        jp.putObject("name").put("type", "string");
        jp.putObject("runs-on").put("type", "string");
        jp.putObject("needs").put("type", "array").putObject("items").put("type", "string");
        jp.putObject("timeout-minutes").put("type", "integer").put("minimum", 1);
        jp.putObject("if").put("type", "string");
        ObjectNode steps = jp.putObject("steps").put("type", "array").put("minItems", 1);
        steps.putObject("items").put("$ref", "#/$defs/step");
        op.putObject("workflow").put("type", "string").put("pattern", "^[A-Za-z0-9._-]+\\.ya?ml$");
        op.putObject("job").put("type", "string");
        op.putObject("step").put("type", "string");
        op.putObject("timeout-minutes").put("type", "integer").put("minimum", 1);
        op.putObject("runs-on").put("type", "string");
        op.putObject("run").put("type", "string");
        op.putObject("remove").put("type", "boolean");
        ObjectNode step = root.putObject("$defs").putObject("step");
        step.put("type", "object")
                .put("additionalProperties", false)
                .put(
                        "description",
                        "A step: run a script or use an action (owner/repo@vX.Y.Z, pinned by the action lock).");
        step.putArray("required").add("id");
        ObjectNode sp = step.putObject("properties");
        sp.putObject("id").put("type", "string").put("pattern", "^[A-Za-z_][A-Za-z0-9_-]*$");
        sp.putObject("name").put("type", "string");
        sp.putObject("if").put("type", "string");
        sp.putObject("run").put("type", "string");
        sp.putObject("shell").put("type", "string");
        sp.putObject("working-directory").put("type", "string");
        sp.putObject("uses").put("type", "string");
        sp.putObject("with")
                .put("type", "object")
                .putObject("additionalProperties")
                .putArray("type")
                .add("string")
                .add("number")
                .add("boolean");
        sp.putObject("env")
                .put("type", "object")
                .putObject("additionalProperties")
                .putArray("type")
                .add("string")
                .add("number")
                .add("boolean");
        sp.putObject("timeout-minutes").put("type", "integer").put("minimum", 1);
        ArrayNode oneOf = step.putArray("oneOf");
        oneOf.addObject().putArray("required").add("run");
        oneOf.addObject().putArray("required").add("uses");
        ArrayNode allOf = root.putArray("allOf");
        for (Stack s : Stacks.all()) {
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("stack").put("const", s.id());
            ObjectNode then = rule.putObject("then");
            ObjectNode params = then.putObject("properties").putObject("parameters");
            params.put("additionalProperties", false);
            List<String> required =
                    s.parameters().stream()
                            .filter(Parameter::required)
                            .map(Parameter::name)
                            .toList();
            if (!required.isEmpty()) {
                then.putArray("required").add("parameters");
                required.forEach(params.putArray("required")::add);
            }
            ObjectNode pp = params.putObject("properties");
            for (Parameter<?> p : s.parameters()) {
                ObjectNode node = pp.putObject(p.name());
                node.put("type", p.schemaType());
                node.put("description", p.description() + (p.required() ? " Required." : ""));
                if (p.required() && p.example() instanceof String example) {
                    node.putArray("examples").add(example);
                }
                if (p.type() == List.class) {
                    ObjectNode items = node.putObject("items").put("type", "string");
                    if (p.pattern() != null) {
                        items.put("pattern", "^(?:" + p.pattern() + ")$");
                    }
                } else if (p.pattern() != null) {
                    node.put("pattern", "^(?:" + p.pattern() + ")$");
                }
                if (p.minimum() != null) {
                    node.put("minimum", p.minimum());
                }
                if (p.maximum() != null) {
                    node.put("maximum", p.maximum());
                }
            }
        }
        return root;
    }

    public static String json() {
        try {
            return JSON.writeValueAsString(tree()).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
