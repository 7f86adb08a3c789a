package dev.pipewright.testing;

import dev.pipewright.emit.YamlMap;
import dev.pipewright.emit.YamlNode;
import dev.pipewright.emit.YamlNull;
import dev.pipewright.emit.YamlScalar;
import dev.pipewright.emit.YamlSeq;
import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.model.CallJob;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Preview;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.expr.Function;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.InputType;
import dev.pipewright.model.trigger.Trigger;
import java.util.List;
import java.util.Map;

/**
 * One value of every permitted subtype of the generator's sealed types, each with something to
 * write (filters, inputs, a grant), and a valid workflow that uses every kind of trigger, job,
 * step, runs-on and permissions. Tests compare these lists with {@code getPermittedSubclasses()},
 * so a new kind fails them until it has a sample.
 */
public final class KindSamples {
    private KindSamples() {}

    public static List<Trigger> triggers() {
        return List.of(
                Trigger.push().branches("main").build(),
                Trigger.pullRequest().types("opened").build(),
                Trigger.schedule("0 3 * * 1"),
                Trigger.workflowDispatch()
                        .input("dry-run", DispatchInput.bool("Only print", false))
                        .build(),
                Trigger.workflowCall()
                        .input("version", InputType.STRING, true, "The version")
                        .output("digest", "The image digest", "${{ jobs.labels.outputs.digest }}")
                        .build(),
                Trigger.workflowRun("CI").types("completed").build(),
                Trigger.release().types("published").build(),
                // an event newer than the schema this version knows
                new CustomTrigger("code_review", Map.of("types", List.of("submitted"))));
    }

    /** In an order the validator accepts: wait and cancel name the background step before them. */
    public static List<Step> steps() {
        return List.of(
                Step.run("./server").id("server").background(true).build(),
                Step.uses("actions/checkout@v4").with("persist-credentials", false).build(),
                Step.parallel(Step.run("make unit").build(), Step.run("make fuzz").build()),
                Step.waitFor("server"),
                Step.cancel("server"),
                Step.waitAll());
    }

    public static List<RunsOn> runsOn() {
        return List.of(
                RunsOn.ubuntuLatest(),
                RunsOn.group("large-runners", "linux"),
                new RunsOn.Custom(Map.of("labels", "self-hosted")));
    }

    public static List<Permissions> permissions() {
        return List.of(Permissions.readAll(), Permissions.writeAll(), Permissions.contentsRead());
    }

    /**
     * One normal job per runs-on and permissions sample, the first with every step, and one call
     * job.
     */
    public static List<Job> jobs() {
        List<RunsOn> runsOn = runsOn();
        List<Permissions> permissions = permissions();
        NormalJob.Builder labels =
                Job.builder("labels")
                        .runsOn(runsOn.get(0))
                        .permissions(permissions.get(0))
                        .output("digest", "${{ steps.server.outputs.digest }}");
        steps().forEach(labels::step);
        return List.of(
                labels.build(),
                Job.builder("group")
                        .runsOn(runsOn.get(1))
                        .permissions(permissions.get(1))
                        .step(Step.run("make").build())
                        .build(),
                Job.builder("custom")
                        .runsOn(runsOn.get(2))
                        .permissions(permissions.get(2))
                        .step(Step.run("make").build())
                        .build(),
                CallJob.builder("call", "./.github/workflows/build.yml")
                        .with("version", "1.0")
                        .build());
    }

    /** Every sample above in one workflow that passes validation. */
    public static Workflow workflow() {
        Workflow.Builder b = Workflow.builder("kinds.yml").allowPreview(Preview.BACKGROUND_STEPS);
        triggers().forEach(b::on);
        return b.jobs(jobs()).build();
    }

    public static List<Expr> exprs() {
        return List.of(
                Expr.lit("text"),
                Expr.lit(2),
                Expr.lit(true),
                Expr.nullLiteral(),
                Expr.github(),
                Expr.github("ref"),
                Expr.github().index(0),
                Expr.github().star(),
                Expr.not(Expr.github("ref")),
                Expr.github("ref").eq("refs/heads/main"),
                Expr.call(Function.SUCCESS),
                Expr.raw("github.ref"));
    }

    /**
     * GitHub's syntax tree (the linter's), which the model's expression parser maps node by node.
     */
    public static List<dev.pipewright.github.expr.Expr> coreExprs() {
        dev.pipewright.github.expr.Expr.Binary binary =
                (dev.pipewright.github.expr.Expr.Binary)
                        parse("!github.event.* && github['ref'] == 'x'");
        dev.pipewright.github.expr.Expr.Not not =
                (dev.pipewright.github.expr.Expr.Not) binary.left();
        dev.pipewright.github.expr.Expr.Binary eq =
                (dev.pipewright.github.expr.Expr.Binary) binary.right();
        dev.pipewright.github.expr.Expr.Index index =
                (dev.pipewright.github.expr.Expr.Index) eq.left();
        dev.pipewright.github.expr.Expr.Star star =
                (dev.pipewright.github.expr.Expr.Star) not.operand();
        dev.pipewright.github.expr.Expr.Property property =
                (dev.pipewright.github.expr.Expr.Property) star.receiver();
        return List.of(
                binary,
                not,
                eq.right(),
                index,
                star,
                property,
                property.receiver(),
                parse("success()"));
    }

    private static dev.pipewright.github.expr.Expr parse(String text) {
        try {
            return Parser.parse(text);
        } catch (ExprException e) {
            throw new IllegalStateException(text + ": " + e.getMessage(), e);
        }
    }

    public static List<YamlNode> yamlNodes() {
        return List.of(
                new YamlMap().put("a", "b"),
                YamlSeq.ofStrings(List.of("a")),
                YamlScalar.of("a"),
                YamlNull.INSTANCE);
    }
}
