package dev.pipewright.examples.self;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.emit.WorkflowTree;
import dev.pipewright.emit.YamlWriter;
import dev.pipewright.model.ActionRef;
import dev.pipewright.model.Job;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.ActionLock;
import dev.pipewright.pipeline.ActionPinning;
import dev.pipewright.pipeline.PipelineRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code actions/<id>/README.md} from the same descriptor as the action's action.yml,
 * through {@code templates/action/README.md.ftl}; the example workflow is built with the typed
 * model and pinned from the action lock, so it is what a pipeline would generate.
 */
public final class ActionDocs {
    /** The template, relative to {@code templates/}. */
    public static final String TEMPLATE = "action/README.md.ftl";

    /** The line before the example's fenced block, so tests can find it. */
    public static final String EXAMPLE_HEADING = "## Example";

    private ActionDocs() {}

    /** The README's text. */
    public static String readme(Action action, ActionLock lock) {
        ActionDescriptor d = action.descriptor();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("source", "the descriptor of " + action.getClass().getName());
        model.put("regenerate", PipelineRenderer.REGENERATE);
        model.put("id", d.id());
        model.put("name", d.name());
        model.put("description", d.description());
        model.put("uses", localUses(d));
        model.put("binding", bindingClass(d));
        List<Map<String, String>> inputs = new ArrayList<>();
        for (InputSpec in : d.inputs()) {
            inputs.add(
                    Map.of(
                            "name",
                            in.name(),
                            "required",
                            in.required() ? "yes" : "no",
                            "default",
                            in.defaultValue() == null ? "" : "`" + cell(in.defaultValue()) + "`",
                            "description",
                            cell(
                                    in.description()
                                            + (in.secret() ? " Masked in logs." : "")
                                            + (in.multiple()
                                                    ? " Several values: one per line."
                                                    : ""))));
        }
        model.put("inputs", inputs);
        List<Map<String, String>> outputs = new ArrayList<>();
        for (OutputSpec out : d.outputs()) {
            outputs.add(Map.of("name", out.name(), "description", cell(out.description())));
        }
        model.put("outputs", outputs);
        model.put("example", exampleYaml(d, lock));
        model.put("cli", cliExample(d));
        return Templates.render(TEMPLATE, model);
    }

    /**
     * The typed binding the stacks module generates from the descriptor, {@code
     * PipewrightCoverageGate}.
     */
    static String bindingClass(ActionDescriptor d) {
        StringBuilder sb = new StringBuilder("Pipewright");
        for (String part : d.id().split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** {@code ./.github/actions/pipewright-<id>}, the path workflows call the action by. */
    public static String localUses(ActionDescriptor d) {
        return "./.github/actions/pipewright-" + d.id();
    }

    /**
     * A complete workflow calling the action with every input that has an example value: checkout
     * without persisted credentials, least-privilege permissions and a timeout.
     */
    public static Workflow example(ActionDescriptor d) {
        UsesStep.Builder step =
                Step.uses(ActionRef.parse(localUses(d))).name(d.name()).id(stepId(d));
        for (InputSpec in : d.inputs()) {
            var value = in.exampleValue();
            if (in.required() && value.isEmpty()) {
                throw new IllegalStateException(
                        "input '"
                                + in.name()
                                + "' of action '"
                                + d.id()
                                + "' is required but has no example; add .withExample(…) to its InputSpec");
            }
            value.ifPresent(v -> step.with(in.name(), v));
        }
        Job job =
                Job.builder(stepId(d))
                        .runsOn("ubuntu-24.04")
                        .permissions(Permissions.contentsRead())
                        .timeoutMinutes(10)
                        .step(
                                ActionsCheckout.builder()
                                        .name("Check out")
                                        .persistCredentials(false)
                                        .build())
                        .step(step.build())
                        .build();
        return Workflow.builder(d.id() + ".yml")
                .name(d.name())
                .on(Trigger.push().branches("main"))
                .permissions(Permissions.none())
                .job(job)
                .build();
    }

    static String exampleYaml(ActionDescriptor d, ActionLock lock) {
        return YamlWriter.write(WorkflowTree.of(ActionPinning.pin(example(d), lock)), List.of());
    }

    private static String stepId(ActionDescriptor d) {
        return d.id();
    }

    /** The same call on the command line, {@code pipewright <id> --<input> VALUE…}. */
    static String cliExample(ActionDescriptor d) {
        StringBuilder sb = new StringBuilder("pipewright ").append(d.id());
        for (InputSpec in : d.inputs()) {
            if (in.example() != null) {
                sb.append(" --").append(in.name()).append(' ').append(shellQuote(in.example()));
            } else if (in.required() && in.secret()) {
                sb.append(" --")
                        .append(in.name())
                        .append(" \"$")
                        .append(in.name().replace('-', '_').toUpperCase(Locale.ROOT))
                        .append('"');
            }
        }
        return sb.toString();
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A Markdown table cell: one line, pipes escaped, {@code <file>} shown rather than read as
     * HTML.
     */
    static String cell(String s) {
        return s.replace("\r", "")
                .replace("\n", " ")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("|", "\\|");
    }
}
