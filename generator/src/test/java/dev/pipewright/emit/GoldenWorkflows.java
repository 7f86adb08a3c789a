package dev.pipewright.emit;

import static dev.pipewright.model.PermissionLevel.NONE;
import static dev.pipewright.model.PermissionLevel.READ;
import static dev.pipewright.model.PermissionLevel.WRITE;

import dev.pipewright.model.ActionRef;
import dev.pipewright.model.CallJob;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Container;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunDefaults;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.InputType;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.WorkflowCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Representative workflows covering most of the model; their YAML is kept under
 * src/test/resources/golden.
 */
final class GoldenWorkflows {
    static final ActionRef CHECKOUT =
            ActionRef.pinned(
                    "actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");
    static final ActionRef SETUP_JAVA =
            ActionRef.pinned(
                    "actions/setup-java", "c5195efecf7bdfc987ee8bae7a71cb8b11521c00", "v4.7.1");
    static final ActionRef UPLOAD = ActionRef.parse("actions/upload-artifact@v4");

    private GoldenWorkflows() {}

    /** Map.of iterates in a per-JVM random order; emitted files must not depend on it. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static List<Workflow> all() {
        return List.of(reusableBuild(), release(), dispatch(), services(), triggers());
    }

    /**
     * A reusable workflow: workflow_call inputs of each type, outputs, secrets; concurrency as a
     * mapping.
     */
    static Workflow reusableBuild() {
        RunStep version =
                Step.run(
                                "echo \"version=$(./mvnw -q help:evaluate -Dexpression=project.version"
                                        + " -DforceStdout)\" >> \"$GITHUB_OUTPUT\"\n")
                        .id("version")
                        .name("Read the version")
                        .build();
        NormalJob build =
                NormalJob.builder("build")
                        .name("Build (Java ${{ inputs.java-version }})")
                        .runsOn(RunsOn.ubuntuLatest())
                        .permissions(Permissions.contentsRead())
                        .output("version", version.output("version"))
                        .env("MAVEN_OPTS", "-Xmx2g")
                        .defaults(new RunDefaults("bash", "service"))
                        .timeoutMinutes(30)
                        .step(Step.uses(CHECKOUT).with("fetch-depth", 0L).build())
                        .step(
                                Step.uses(SETUP_JAVA)
                                        .with("distribution", "temurin")
                                        .with("java-version", Expr.input("java-version"))
                                        .with("cache", "maven")
                                        .build())
                        .step(version)
                        .step(
                                Step.run("./mvnw -B verify")
                                        .name("Verify")
                                        .env("SIGNING_KEY", Expr.secret("signing-key"))
                                        .env("SKIP_IT", Expr.raw("inputs.skip-integration-tests"))
                                        .build())
                        .step(
                                Step.uses(UPLOAD)
                                        .ifCondition(Expr.always())
                                        .with("name", "reports-${{ inputs.java-version }}")
                                        .with(
                                                "path",
                                                "service/target/surefire-reports/\nservice/target/failsafe-reports/\n")
                                        .with("retention-days", 7L)
                                        .build())
                        .build();
        return Workflow.builder("reusable-build.yml")
                .name("Reusable build")
                .on(
                        Trigger.workflowCall()
                                .input(
                                        "java-version",
                                        new WorkflowCall.Input(
                                                "JDK to build with", InputType.STRING, false, "17"))
                                .input(
                                        "skip-integration-tests",
                                        new WorkflowCall.Input(
                                                null, InputType.BOOLEAN, false, false))
                                .input(
                                        "forks",
                                        new WorkflowCall.Input(
                                                "Surefire forks", InputType.NUMBER, false, 2))
                                .output(
                                        "version",
                                        "The project version",
                                        "${{ jobs.build.outputs.version }}")
                                .secret("signing-key", true, "GPG key that signs the artifacts"))
                .permissions(Permissions.none())
                .concurrency(
                        Concurrency.of(
                                "build-${{ github.ref }}-${{ inputs.java-version }}",
                                "${{ github.event_name == 'pull_request' }}"))
                .job(build)
                .build();
    }

    /** A caller: call jobs with secrets, needs and a matrix strategy; environments; write-all. */
    static Workflow release() {
        CallJob build =
                CallJob.builder("build", "./.github/workflows/reusable-build.yml")
                        .strategy(
                                Strategy.of(Matrix.builder().axis("java", "17", "21").build())
                                        .failFast(false))
                        .with("java-version", "${{ matrix.java }}")
                        .with("forks", 4)
                        .secret("signing-key", "${{ secrets.GPG_PRIVATE_KEY }}")
                        .expectOutputs("version")
                        .build();
        CallJob scan =
                CallJob.builder("scan", "octo-org/security/.github/workflows/scan.yml@v3")
                        .needs(build)
                        .permissions(
                                Permissions.contentsRead()
                                        .with(
                                                PermissionScope.SECURITY_EVENTS,
                                                WRITE,
                                                "the scan uploads its SARIF to code scanning"))
                        .inheritSecrets()
                        .build();
        NormalJob publish =
                NormalJob.builder("publish")
                        .needs(build, scan)
                        .ifCondition(Expr.github("ref_type").eq("tag"))
                        .runsOn("ubuntu-latest")
                        .environment(
                                Environment.of(
                                        "maven-central",
                                        "https://central.sonatype.com/artifact/dev.pipewright/"
                                                + "pipewright-generator/${{ needs.build.outputs.version }}"))
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        WRITE,
                                        PermissionScope.ID_TOKEN,
                                        WRITE,
                                        PermissionScope.PACKAGES,
                                        WRITE))
                        .concurrency(Concurrency.of("publish"))
                        .step(Step.uses(CHECKOUT).build())
                        .step(
                                Step.run(
                                                "./mvnw -B deploy -Drevision=${{ needs.build.outputs.version }}")
                                        .env("CENTRAL_TOKEN", Expr.secret("CENTRAL_TOKEN"))
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .runName("Release ${{ github.ref_name }} by @${{ github.actor }}")
                .on(Trigger.push().tags("v*", "!v*-rc*"), Trigger.release().types("published"))
                .permissions(Permissions.writeAll())
                .concurrency(Concurrency.of("release-${{ github.ref }}"))
                .job(build)
                .job(scan)
                .job(publish)
                .build();
    }

    /** Dispatch inputs of every type; runs-on group + labels; read-all. */
    static Workflow dispatch() {
        return Workflow.builder("dispatch.yml")
                .name("Manual deploy")
                .on(
                        Trigger.workflowDispatch()
                                .input(
                                        "ref",
                                        DispatchInput.string("Git ref to deploy")
                                                .asRequired()
                                                .withDefault("main"))
                                .input(
                                        "dry-run",
                                        DispatchInput.bool("Only print what would change", true))
                                .input(
                                        "replicas",
                                        DispatchInput.number("How many replicas").withDefault(3))
                                .input(
                                        "log-level",
                                        DispatchInput.choice(
                                                "Log level",
                                                "info",
                                                "debug",
                                                "info",
                                                "warning",
                                                "error"))
                                .input(
                                        "target",
                                        DispatchInput.environment("Where to deploy").asRequired()))
                .permissions(Permissions.readAll())
                .env("DEPLOY_REF", "${{ inputs.ref }}")
                .env("VERSION_PATTERN", "3.10")
                .job(
                        NormalJob.builder("deploy")
                                .name("Deploy ${{ inputs.ref }} to ${{ inputs.target }}")
                                .runsOn(RunsOn.group("deployers", "linux", "x64"))
                                .environment(Environment.of("${{ inputs.target }}"))
                                .timeoutMinutes(15)
                                .step(Step.uses(CHECKOUT).with("ref", Expr.input("ref")).build())
                                .step(
                                        Step.run(
                                                        "./deploy.sh --replicas \"$REPLICAS\" --log-level \"$LOG_LEVEL\"")
                                                .name("Deploy")
                                                .ifCondition(Expr.not(Expr.input("dry-run")))
                                                .env("REPLICAS", Expr.input("replicas"))
                                                .env("LOG_LEVEL", Expr.input("log-level"))
                                                .build())
                                .step(
                                        Step.run("./deploy.sh --dry-run")
                                                .ifCondition("inputs.dry-run")
                                                .build())
                                .build())
                .build();
    }

    /**
     * A container job with services, a matrix with include/exclude, scripts with and without final
     * newline.
     */
    static Workflow services() {
        NormalJob integration =
                NormalJob.builder("integration")
                        .runsOn("ubuntu-latest")
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        READ,
                                        PermissionScope.PACKAGES,
                                        READ,
                                        PermissionScope.ID_TOKEN,
                                        NONE))
                        .continueOnError(Expr.matrix("experimental"))
                        .strategy(
                                Strategy.of(
                                                Matrix.builder()
                                                        .axis("node", "20", "22")
                                                        .axis("db", "postgres:16", "postgres:17")
                                                        .include(
                                                                ordered(
                                                                        "node",
                                                                        "24",
                                                                        "db",
                                                                        "postgres:17",
                                                                        "experimental",
                                                                        true))
                                                        .exclude(
                                                                ordered(
                                                                        "node",
                                                                        "20",
                                                                        "db",
                                                                        "postgres:17"))
                                                        .build())
                                        .maxParallel(3))
                        .container(
                                Container.of("ghcr.io/octo-org/ci-node:${{ matrix.node }}")
                                        .withCredentials(
                                                new Credentials(
                                                        "${{ github.actor }}",
                                                        "${{ secrets.GITHUB_TOKEN }}"))
                                        .withEnv(Map.of("NODE_ENV", "test"))
                                        .withVolumes("/tmp/cache:/cache")
                                        .withOptions("--cpus 2"))
                        .service(
                                "postgres",
                                Container.of("${{ matrix.db }}")
                                        .withEnv(Map.of("POSTGRES_PASSWORD", "postgres"))
                                        .withPorts("5432")
                                        .withOptions(
                                                "--health-cmd pg_isready --health-interval 10s --health-timeout 5s --health-retries 5"))
                        .service(
                                "redis",
                                Container.of("ghcr.io/octo-org/redis:7")
                                        .withCredentials(
                                                new Credentials(
                                                        "${{ vars.REGISTRY_USER }}",
                                                        "${{ secrets.REGISTRY_TOKEN }}"))
                                        .withPorts("6379:6379"))
                        .env("DATABASE_URL", "postgres://postgres:postgres@postgres:5432/test")
                        .env("CI_FLAGS", "--no-color # not a comment")
                        .step(Step.uses(CHECKOUT).build())
                        .step(Step.run("npm ci\nnpm run build\n").name("Build").build())
                        .step(
                                Step.run("npm test -- --reporter=dot\nnpm run lint")
                                        .name("Test")
                                        .continueOnError(Expr.matrix("experimental"))
                                        .timeoutMinutes(20)
                                        .build())
                        .step(
                                Step.run("Get-ChildItem -Recurse coverage")
                                        .shell("pwsh")
                                        .workingDirectory("packages/app")
                                        .ifCondition(Expr.failure())
                                        .build())
                        .cancelTimeoutMinutes(5)
                        .build();
        return Workflow.builder("services.yml")
                .name("Integration")
                .on(
                        Trigger.pullRequest()
                                .types("opened", "synchronize", "reopened")
                                .paths("src/**", "package*.json"),
                        Trigger.mergeGroup().types("checks_requested"))
                .permissions(Permissions.none())
                .defaults(RunDefaults.shell("bash"))
                .job(integration)
                .build();
    }

    /** Every kind of trigger, each with its filters. */
    static Workflow triggers() {
        return Workflow.builder("triggers.yml")
                .name("Housekeeping")
                .on(
                        Trigger.push()
                                .branchesIgnore("gh-pages", "dependabot/**")
                                .pathsIgnore("docs/**", "**.md"),
                        Trigger.pullRequestTarget().types("labeled").branches("main"),
                        Schedule.of(
                                Schedule.Cron.of("30 5 * * 1-5").inTimezone("Europe/Berlin"),
                                Schedule.Cron.of("0 0 1 * *")),
                        Trigger.workflowRun("CI", "Release").types("completed").branches("main"),
                        Trigger.release().types("published", "prereleased"),
                        Trigger.mergeGroup().types("checks_requested").branches("main"),
                        Trigger.repositoryDispatch().types("rebuild-docs"),
                        Trigger.event("issues").types("opened", "labeled"),
                        Trigger.event("create"),
                        new CustomTrigger("watch", Map.of("types", List.of("started"))),
                        Trigger.workflowDispatch())
                .permissions(
                        Permissions.of(
                                PermissionScope.ISSUES,
                                WRITE,
                                PermissionScope.PULL_REQUESTS,
                                WRITE))
                .concurrency(Concurrency.of("housekeeping-${{ github.event_name }}", true))
                .job(
                        NormalJob.builder("triage")
                                .runsOn(RunsOn.labels("self-hosted", "linux"))
                                .ifCondition(
                                        "github.event_name != 'workflow_run' || github.event.workflow_run.conclusion == 'failure'")
                                .step(
                                        Step.run("echo \"event: $EVENT\"")
                                                .env("EVENT", Expr.github("event_name"))
                                                .build())
                                .build())
                .build();
    }
}
