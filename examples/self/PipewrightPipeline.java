package dev.pipewright.examples.self;

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.ActionsSetupJava;
import dev.pipewright.bindings.ActionsSetupNode;
import dev.pipewright.bindings.ActionsUploadArtifact;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Job;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.dependabot.Cooldown;
import dev.pipewright.model.dependabot.DependabotConfig;
import dev.pipewright.model.dependabot.Ecosystem;
import dev.pipewright.model.dependabot.Group;
import dev.pipewright.model.dependabot.Schedule;
import dev.pipewright.model.dependabot.Update;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.Pipeline;
import java.util.List;
import java.util.Optional;

/**
 * This repository's own CI and release workflows, written to {@code .github/workflows/} (with the
 * local actions the release calls, {@code .github/actions/pipewright-*}, which the renderer adds),
 * and its Dependabot config, written to {@code .github/dependabot.yml}; all kept in sync by {@code
 * pipewright check}.
 */
public final class PipewrightPipeline implements Pipeline {
    @Override
    public String id() {
        return "pipewright";
    }

    @Override
    public String source() {
        return "examples/self/PipewrightPipeline.java";
    }

    @Override
    public String outputDirectory() {
        return ".github/workflows";
    }

    @Override
    public List<Workflow> workflows() {
        return List.of(ci(), SelfRelease.workflow());
    }

    @Override
    public Optional<DependabotConfig> dependabot() {
        return Optional.of(dependabotConfig());
    }

    /**
     * Maven dependencies and the pinned actions, weekly, one pull request per ecosystem; a release
     * must be a week old before it is proposed, so a compromised version is likely pulled first.
     */
    static DependabotConfig dependabotConfig() {
        Cooldown week = Cooldown.days(7);
        return DependabotConfig.builder()
                .update(
                        Update.builder(Ecosystem.MAVEN, Schedule.weekly())
                                .directory("/")
                                .cooldown(week)
                                .group(Group.all("maven")))
                .update(
                        Update.builder(Ecosystem.GITHUB_ACTIONS, Schedule.weekly())
                                .directory("/")
                                .cooldown(week)
                                .group(Group.all("github-actions")))
                .build();
    }

    static Workflow ci() {
        Job verify =
                Job.builder("verify")
                        .name("verify (JDK " + Expr.matrix("java").wrapped() + ")")
                        .runsOn("ubuntu-24.04")
                        .permissions(Permissions.contentsRead())
                        .timeoutMinutes(30)
                        .strategy(
                                Strategy.of(Matrix.builder().axis("java", 17, 25).build())
                                        .failFast(false))
                        .step(
                                ActionsCheckout.builder()
                                        .name("Check out")
                                        .persistCredentials(false)
                                        .build())
                        .step(
                                ActionsSetupJava.builder()
                                        .name("Set up JDK")
                                        .distribution("temurin")
                                        .javaVersion(Expr.matrix("java"))
                                        .cache("maven")
                                        .build())
                        .step(
                                ActionsSetupNode.builder()
                                        .name("Set up Node.js for the conformance oracles")
                                        .nodeVersion("20")
                                        .build())
                        .step(
                                Step.run("bash .ci/run")
                                        .name("Build, test and check generated files")
                                        .id("verify")
                                        .build())
                        .step(
                                ActionsUploadArtifact.builder("**/target/surefire-reports/")
                                        .name("Upload test reports")
                                        .ifCondition(Expr.always())
                                        .nameInput(
                                                "surefire-reports-jdk"
                                                        + Expr.matrix("java").wrapped())
                                        .retentionDays(7)
                                        .build())
                        .build();
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(
                        Trigger.push().branches("main"),
                        Trigger.pullRequest(),
                        Trigger.workflowDispatch())
                .permissions(Permissions.none())
                .concurrency(
                        Concurrency.of(
                                Expr.github("workflow").wrapped()
                                        + "-"
                                        + Expr.github("ref").wrapped(),
                                Expr.github("event_name").eq(Expr.lit("pull_request")).wrapped()))
                .job(verify)
                .build();
    }
}
