package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Environment;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.expr.Expr;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextRulesTest {
    private static final String SECRETS_IN_CONDITION =
            "GitHub rejects secrets in conditions; map the secret to an "
                    + "env variable (env: HAS_TOKEN: ${{ secrets.TOKEN != '' }}) and test env.HAS_TOKEN in a step's if";
    private static final String MATRIX_CONTEXTS = "[github, inputs, matrix, needs, strategy, vars]";

    @Test
    void positiveSecretsWhereGitHubAllowsThem() {
        assertAccepted(
                workflow(
                                bareJob("build")
                                        .env("TOKEN", "${{ secrets.TOKEN }}")
                                        .step(
                                                Step.run("make")
                                                        .env("TOKEN", Expr.secret("TOKEN"))
                                                        .build())
                                        .step(
                                                Step.uses("actions/checkout@v4")
                                                        .with("token", Expr.secret("TOKEN"))
                                                        .build())
                                        .build())
                        .env("GLOBAL", "${{ secrets.GLOBAL }}"));
    }

    @Test
    void negativeSecretsInJobIf() {
        assertRejected(
                workflow(job("build").ifCondition("secrets.TOKEN != ''").build()),
                W + " › job build › if",
                "the secrets context is not available in a job's if; " + SECRETS_IN_CONDITION);
    }

    @Test
    void negativeSecretsInStepIf() {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(
                                        Step.run("make")
                                                .ifCondition("${{ secrets.TOKEN != '' }}")
                                                .build())
                                .build()),
                W + " › job build › step 1 › if",
                "the secrets context is not available in a step's if; " + SECRETS_IN_CONDITION);
    }

    @Test
    void positiveMatrixInRunsOn() {
        assertAccepted(workflow(job("build").runsOn("${{ matrix.os }}").build()));
    }

    @Test
    void negativeSecretsInRunsOn() {
        assertRejected(
                workflow(job("build").runsOn("${{ secrets.RUNNER }}").build()),
                W + " › job build › runs-on",
                "the secrets context is not available in runs-on; use one of " + MATRIX_CONTEXTS);
    }

    @Test
    void negativeSecretsInRunnerGroup() {
        assertRejected(
                workflow(job("build").runsOn(RunsOn.group("${{ secrets.GROUP }}")).build()),
                W + " › job build › runs-on",
                "the secrets context is not available in runs-on; use one of " + MATRIX_CONTEXTS);
    }

    @Test
    void positiveGithubInConcurrency() {
        assertAccepted(
                workflow(
                                job("build")
                                        .concurrency(
                                                Concurrency.of("${{ github.ref }}-build", true))
                                        .build())
                        .concurrency(Concurrency.of("${{ github.workflow }}-${{ github.ref }}")));
    }

    @Test
    void negativeSecretsInWorkflowConcurrency() {
        assertRejected(
                workflow(job("build").build()).concurrency(Concurrency.of("${{ secrets.GROUP }}")),
                W + " › concurrency",
                "the secrets context is not available in concurrency; use one of [github, inputs, vars]");
    }

    @Test
    void negativeSecretsInJobConcurrency() {
        assertRejected(
                workflow(
                        job("build")
                                .concurrency(Concurrency.of("g", "${{ secrets.CANCEL == 'y' }}"))
                                .build()),
                W + " › job build › concurrency",
                "the secrets context is not available in concurrency; use one of "
                        + MATRIX_CONTEXTS);
    }

    @Test
    void positiveStepsInEnvironmentUrl() {
        assertAccepted(
                workflow(
                        bareJob("deploy")
                                .environment(
                                        Environment.of(
                                                "production", "${{ steps.deploy.outputs.url }}"))
                                .step(Step.run("./deploy").id("deploy").build())
                                .build()));
    }

    @Test
    void negativeSecretsInEnvironmentName() {
        assertRejected(
                workflow(job("deploy").environment("${{ secrets.ENV }}").build()),
                W + " › job deploy › environment",
                "the secrets context is not available in environment; use one of "
                        + MATRIX_CONTEXTS);
    }

    @Test
    void negativeSecretsInEnvironmentUrl() {
        assertRejected(
                workflow(
                        job("deploy")
                                .environment(Environment.of("prod", "${{ secrets.URL }}"))
                                .build()),
                W + " › job deploy › environment.url",
                "the secrets context is not available in environment.url; use one of "
                        + "[env, github, inputs, job, matrix, needs, runner, steps, strategy, vars]");
    }

    @Test
    void positiveNeedsOfListedJob() {
        NormalJob build =
                job("build")
                        .output("digest", "${{ steps.x.outputs.d }}")
                        .step(Step.run("echo").id("x").build())
                        .build();
        assertAccepted(
                workflow(
                        build,
                        job("deploy")
                                .needs(build)
                                .ifCondition(build.result().eq("success"))
                                .env("DIGEST", build.output("digest"))
                                .build()));
    }

    @Test
    void negativeNeedsOfUnlistedJob() {
        NormalJob build = job("build").build();
        NormalJob test = job("test").needs(build).build();
        assertRejected(
                workflow(
                        build,
                        test,
                        job("deploy").needs(test).env("R", "${{ needs.build.result }}").build()),
                W + " › job deploy › env.R",
                "needs.build is used but job deploy does not list 'build' in needs; add it to "
                        + "needs (the needs context holds only direct dependencies)");
    }

    @Test
    void positiveOutputOfEarlierStep() {
        RunStep version = Step.run("echo v=1 >> $GITHUB_OUTPUT").id("version").build();
        assertAccepted(
                workflow(
                        bareJob("build")
                                .step(version)
                                .step(
                                        Step.run("echo $V")
                                                .env("V", version.output("v"))
                                                .ifCondition(version.outcome().eq("success"))
                                                .build())
                                .build()));
    }

    @Test
    void negativeOutputOfLaterStep() {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(
                                        Step.run("echo $V")
                                                .env("V", "${{ steps.later.outputs.v }}")
                                                .build())
                                .step(Step.run("echo").id("later").build())
                                .build()),
                W + " › job build › step 1 › env.V",
                "steps.later refers to no earlier step of job build; give that step "
                        + "the id 'later' and place it before this use");
    }

    @Test
    void negativeOutputOfOwnStep() {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(
                                        Step.run("echo")
                                                .id("self")
                                                .ifCondition("steps.self.outcome == 'success'")
                                                .build())
                                .build()),
                W + " › job build › step 1 (id: self) › if",
                "steps.self refers to no earlier step of job build; give that "
                        + "step the id 'self' and place it before this use");
    }

    @Test
    void negativeJobOutputFromUnknownStep() {
        assertRejected(
                workflow(job("build").output("v", "${{ steps.nope.outputs.v }}").build()),
                W + " › job build › outputs.v",
                "steps.nope refers to no step of job build; give that step the id 'nope' "
                        + "and place it before this use");
    }

    @Test
    void negativeMalformedExpression() {
        assertThatThrownBy(
                        workflow(job("build").env("X", "${{ github.ref == 'main }}").build())
                                ::build)
                .isInstanceOfSatisfying(
                        WorkflowValidationException.class,
                        e -> {
                            assertThat(e.problems()).hasSize(1);
                            assertThat(e.problems().get(0).where())
                                    .isEqualTo(new Where(W + " › job build › env.X"));
                            assertThat(e.problems().get(0).message())
                                    .startsWith("malformed expression: ")
                                    .contains("unterminated string literal");
                        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "${{ github.ref == }}                     | expected a value but found the end of the expression",
                "${{ contains(github.ref) }}              | contains() takes 2 argument(s) but is given 1",
                "${{ nosuch(github.ref) }}                | unknown function \"nosuch\"",
                "${{ (github.ref ]] }}                    | expected \")\" but found \"]\"",
                "${{ github.ref github.sha }}             | unexpected \"github\" after a complete expression",
                "${{ }}                                   | the expression is empty"
            })
    void negativeExpressionGrammar(String value, String problem) {
        assertThatThrownBy(workflow(job("build").env("X", value.strip()).build())::build)
                .isInstanceOfSatisfying(
                        WorkflowValidationException.class,
                        e -> {
                            assertThat(e.problems()).hasSize(1);
                            assertThat(e.problems().get(0).where())
                                    .isEqualTo(new Where(W + " › job build › env.X"));
                            assertThat(e.problems().get(0).message())
                                    .startsWith("malformed expression: ")
                                    .contains(problem);
                        });
    }

    @Test
    void negativeBareConditionGrammar() {
        assertThatThrownBy(
                        workflow(
                                        bareJob("build")
                                                .ifCondition("github.ref ==")
                                                .step(Step.run("make").build())
                                                .build())
                                ::build)
                .isInstanceOfSatisfying(
                        WorkflowValidationException.class,
                        e ->
                                assertThat(e.problems().get(0).message())
                                        .contains(
                                                "expected a value but found the end of the expression"));
    }

    @Test
    void positiveExpressionGrammar() {
        assertAccepted(
                workflow(
                        job("build")
                                .env("A", "${{ format('{0}-{1}', github.ref, github.sha) }}")
                                .env(
                                        "B",
                                        "${{ !(github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')) || false }}")
                                .env("C", "${{ github.event.commits.*.message[0] }}")
                                .env("D", "${{ fromJSON('[1,2]')[1] >= 0x1F }}")
                                .build()));
    }

    @Test
    void positiveSecretsInContainerAndServiceEnv() {
        // GitHub types container env values as string-runner-context, which includes secrets
        assertAccepted(
                workflow(
                        job("build")
                                .container(
                                        Container.of("node:20")
                                                .withEnv(Map.of("TOKEN", "${{ secrets.T }}")))
                                .service(
                                        "vault",
                                        Container.of("hashicorp/vault:1.15")
                                                .withEnv(
                                                        Map.of(
                                                                "VAULT_DEV_ROOT_TOKEN_ID",
                                                                "${{ secrets.VAULT_DEV_TOKEN }}")))
                                .build()));
    }
}
