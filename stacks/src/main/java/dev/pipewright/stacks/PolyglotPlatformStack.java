package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsSetupNode;
import dev.pipewright.bindings.AstralSetupUv;
import dev.pipewright.bindings.AzureLogin;
import dev.pipewright.bindings.BufAction;
import dev.pipewright.bindings.CosignInstaller;
import dev.pipewright.bindings.PnpmActionSetup;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
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
import dev.pipewright.model.expr.Function;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightCoverageGate;
import dev.pipewright.stacks.actions.PipewrightPromote;
import dev.pipewright.stacks.actions.PipewrightSbom;
import java.util.List;
import java.util.Optional;

/**
 * A TypeScript + Python + Go monorepo: quality gate with coverage against the base branch, proto
 * checks, signed and attested service images pushed after an Azure OIDC login, SDK publishing, and
 * promotion of a published release to production by pull request.
 */
public final class PolyglotPlatformStack implements Stack {
    public static final Parameter<String> REGISTRY =
            Parameter.requiredString(
                            "registry",
                            "Azure Container Registry host (<name>.azurecr.io).",
                            "${{ vars.ACR_LOGIN_SERVER }}")
                    .matching(ParameterPatterns.HOST);
    public static final Parameter<List<String>> SERVICES =
            Parameter.list(
                            "services",
                            List.of("api", "worker", "web"),
                            "Service images, each built from services/<name>.")
                    .matching(ParameterPatterns.NAME);
    public static final Parameter<String> SDK_PREFIX =
            Parameter.string(
                            "sdk-prefix",
                            "PLATFORM",
                            "Prefix of the exported <PREFIX>_<LANG>_SDK_VERSION variables.")
                    .matching(ParameterPatterns.ENV_PREFIX);
    public static final Parameter<String> HELM_VALUES =
            Parameter.string(
                            "helm-values",
                            "deploy/production/values.yaml",
                            "Production Helm values rewritten by the promotion.")
                    .matching(ParameterPatterns.PATH);
    public static final Parameter<Integer> COVERAGE_TOLERANCE =
            Parameter.integer(
                            "coverage-tolerance",
                            2,
                            "Largest coverage drop against the base branch, in percentage points.")
                    .between(0, 100);

    @Override
    public String id() {
        return "polyglot-platform";
    }

    @Override
    public String description() {
        return "TS + Python + Go monorepo: quality gate, proto checks, signed images, SDKs, Helm promotion by PR";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(REGISTRY, SERVICES, SDK_PREFIX, HELM_VALUES, COVERAGE_TOLERANCE);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), cd(c), promote(c));
    }

    @Override
    public Optional<DependabotConfig> dependabot(StackConfig c) {
        Cooldown week = Cooldown.days(7);
        DependabotConfig.Builder b = DependabotConfig.builder();
        for (Ecosystem e :
                List.of(Ecosystem.NPM, Ecosystem.PIP, Ecosystem.DOCKER, Ecosystem.GITHUB_ACTIONS)) {
            Update.Builder u =
                    Update.builder(e, Schedule.weekly()).cooldown(week).group(Group.all(e.value()));
            // the Dockerfiles are the services' (services/<name>, the images' build contexts): none
            // at the root
            if (e.equals(Ecosystem.DOCKER)) {
                u.directories(
                        c.get(SERVICES).stream().map(s -> "/services/" + s).toArray(String[]::new));
            } else {
                u.directory("/");
            }
            b.update(u);
        }
        return Optional.of(b.build());
    }

    static Workflow ci(StackConfig c) {
        NormalJob ts =
                job("typescript", 15)
                        .name("TypeScript: lint and Jest")
                        .step(checkout())
                        .step(PnpmActionSetup.builder().id("pnpm").name("Set up pnpm").build())
                        .step(
                                ActionsSetupNode.builder()
                                        .id("setup-node")
                                        .name("Set up Node.js")
                                        .nodeVersion("20")
                                        .cache("pnpm")
                                        .cacheDependencyPath("pnpm-lock.yaml")
                                        .build())
                        .step(
                                Stages.withRetry("retry pnpm install --frozen-lockfile\n")
                                        .id("install")
                                        .name("pnpm install")
                                        .build())
                        .step(Step.run("pnpm lint").id("lint").name("lint").build())
                        .step(
                                Step.run("pnpm jest --coverage --coverageReporters=cobertura")
                                        .id("jest")
                                        .name("Jest")
                                        .build())
                        .step(
                                Stages.uploadAlways(
                                        "upload-ts-coverage",
                                        "ts-coverage",
                                        "coverage/cobertura-coverage.xml"))
                        .build();
        NormalJob py =
                job("python", 15)
                        .name("Python: Ruff, MyPy, pytest")
                        .step(checkout())
                        .step(
                                AstralSetupUv.builder()
                                        .id("setup-uv")
                                        .name("Set up uv")
                                        .enableCache("true")
                                        .cacheDependencyGlob("uv.lock")
                                        .build())
                        .step(
                                Stages.withRetry("retry uv sync --frozen\n")
                                        .id("sync")
                                        .name("uv sync")
                                        .build())
                        .step(Step.run("uv run ruff check .").id("ruff").name("Ruff").build())
                        .step(Step.run("uv run mypy .").id("mypy").name("MyPy").build())
                        .step(
                                Step.run("uv run pytest --cov --cov-report=xml:py-coverage.xml")
                                        .id("pytest")
                                        .name("pytest")
                                        .build())
                        .step(
                                Stages.uploadAlways(
                                        "upload-py-coverage", "py-coverage", "py-coverage.xml"))
                        .build();
        NormalJob gate =
                job("coverage", 10)
                        .name("coverage vs base (±" + c.get(COVERAGE_TOLERANCE) + " %)")
                        .needs(ts, py)
                        .permissions(
                                Stages.read(
                                        PermissionScope.ACTIONS,
                                        PermissionLevel.READ,
                                        "step base finds the base branch's ci.yml run and downloads its coverage report"))
                        .step(checkout())
                        .step(Stages.download("ts-coverage", "coverage"))
                        .step(Stages.download("py-coverage", "coverage"))
                        .step(
                                Stages.withRetry(
                                                "run_id=$(gh run list --workflow ci.yml --branch \"$BASE\" --status success --limit 1 --json databaseId --jq '.[0].databaseId')\n"
                                                        + "mkdir -p base\n"
                                                        + "[ -z \"$run_id\" ] || retry gh run download \"$run_id\" --name coverage-report --dir base || true\n")
                                        .id("base")
                                        .name("Coverage of the base branch")
                                        .env(
                                                "BASE",
                                                Expr.github("base_ref")
                                                        .or(
                                                                Expr.github(
                                                                        "event.repository.default_branch")))
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .build())
                        .step(
                                PipewrightCoverageGate.builder("coverage/*.xml")
                                        .id("coverage-gate")
                                        .name("Coverage gate")
                                        .format("cobertura")
                                        .baseFile("base/coverage-gate.json")
                                        .maxDrop(String.valueOf(c.get(COVERAGE_TOLERANCE)))
                                        .reportFile("coverage-gate.json")
                                        .build())
                        .step(
                                Stages.upload(
                                        "upload-report",
                                        "coverage-report",
                                        "coverage-gate.json",
                                        30))
                        .build();
        NormalJob proto =
                job("proto", 10)
                        .name("proto: buf lint, breaking, generate")
                        .permissions(
                                Stages.read(
                                        PermissionScope.PULL_REQUESTS,
                                        PermissionLevel.WRITE,
                                        "step buf comments breaking changes on the pull request"))
                        .step(checkout())
                        .step(
                                BufAction.builder()
                                        .id("buf")
                                        .name("buf lint and breaking")
                                        .lint("true")
                                        .breaking(
                                                Expr.github("event_name")
                                                        .eq(Expr.lit("pull_request"))
                                                        .wrapped())
                                        .push("false")
                                        .githubToken(Expr.github("token").wrapped())
                                        .build())
                        // git status, not git diff: a binding that generation adds (a new proto
                        // file's) is untracked, which git
                        // diff does not see
                        .step(
                                Step.run(
                                                "buf generate\n"
                                                        + "stale=$(git status --porcelain --untracked-files=all)\n"
                                                        + "if [ -n \"$stale\" ]; then\n"
                                                        + "  echo \"::error::generated bindings are stale; run buf generate and commit:\"; echo \"$stale\"; exit 1\n"
                                                        + "fi\n")
                                        .id("generate")
                                        .name("Regenerate bindings")
                                        .build())
                        .build();
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.push().branches("main"), Trigger.pullRequest())
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(ts)
                .job(py)
                .job(gate)
                .job(proto)
                .build();
    }

    static Workflow cd(StackConfig c) {
        String registry = c.get(REGISTRY);
        // cd.yml also runs on release tags: no dependency cache is restored, so a poisoned cache
        // cannot reach images
        NormalJob verify =
                job("verify", 15)
                        .name("verify")
                        .step(checkout())
                        .step(
                                AstralSetupUv.builder()
                                        .id("setup-uv")
                                        .name("Set up uv")
                                        .enableCache("false")
                                        .build())
                        .step(
                                Stages.withRetry("retry uv sync --frozen\n")
                                        .id("sync")
                                        .name("uv sync")
                                        .build())
                        .step(
                                Step.run("uv run pytest -q")
                                        .id("tests")
                                        .name("Tests before images")
                                        .build())
                        .build();
        NormalJob bufPush =
                job("buf-push", 10)
                        .name("buf push")
                        .needs(verify)
                        .ifCondition(Expr.github("ref").eq(Expr.lit("refs/heads/main")))
                        .step(checkout())
                        .step(
                                BufAction.builder()
                                        .id("buf")
                                        .name("buf push")
                                        .push("true")
                                        .lint("false")
                                        .breaking("false")
                                        .token(Expr.secret("BUF_TOKEN").wrapped())
                                        .build())
                        .build();
        String tag =
                Expr.call(Function.STARTS_WITH, Expr.github("ref"), Expr.lit("refs/tags/v"))
                        .and(Expr.lit("production"))
                        .or(Expr.lit("staging"))
                        .wrapped();
        String image = registry + "/" + Expr.matrix("service").wrapped();
        // pushed under its commit only: the environment tag moves onto this digest once it is
        // scanned and signed
        var build =
                Stages.buildPush(
                                image + ":" + Expr.github("sha").wrapped() + "\n",
                                "linux/amd64",
                                // cd.yml also runs on v*.*.* tags (production images): those runs
                                // build without the cache; R5.3a's BuildKit cache stays on main
                                Stages.ImageCache.MAIN_ONLY,
                                Expr.matrix("service"))
                        .context("services/" + Expr.matrix("service").wrapped())
                        .build();
        String ref = image + "@" + build.output("digest").wrapped();
        NormalJob images =
                job("images", 30)
                        .name("image " + Expr.matrix("service").wrapped())
                        .needs(verify)
                        .environment(
                                Environment.of(
                                        Expr.call(
                                                        Function.STARTS_WITH,
                                                        Expr.github("ref"),
                                                        Expr.lit("refs/tags/v"))
                                                .and(Expr.lit("production"))
                                                .or(Expr.lit("staging"))
                                                .wrapped()))
                        .strategy(
                                Strategy.of(
                                                Matrix.builder()
                                                        .axis("service", c.get(SERVICES).toArray())
                                                        .build())
                                        .failFast(false))
                        .permissions(
                                Stages.read(
                                                PermissionScope.ID_TOKEN,
                                                PermissionLevel.WRITE,
                                                "step azure logs in with OIDC; step cosign signs keyless")
                                        .with(
                                                PermissionScope.SECURITY_EVENTS,
                                                PermissionLevel.WRITE,
                                                "step upload-sarif sends trivy's SARIF to code scanning"))
                        .step(checkout())
                        .step(
                                AzureLogin.builder()
                                        .id("azure")
                                        .name("Azure login (OIDC)")
                                        .clientId(Expr.secret("AZURE_CLIENT_ID").wrapped())
                                        .tenantId(Expr.secret("AZURE_TENANT_ID").wrapped())
                                        .subscriptionId(
                                                Expr.secret("AZURE_SUBSCRIPTION_ID").wrapped())
                                        .build())
                        .step(
                                Stages.withRetry("retry az acr login --name \"${REGISTRY%%.*}\"\n")
                                        .id("acr-login")
                                        .name("Log in to ACR")
                                        .env("REGISTRY", registry)
                                        .build())
                        .step(Stages.setupBuildx())
                        .step(build)
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SPDX SBOM")
                                        .path("services/" + Expr.matrix("service").wrapped())
                                        .format("spdx-json")
                                        .output("sbom.spdx.json")
                                        .build())
                        // a HIGH/CRITICAL finding stops the job here: the image is neither signed
                        // nor given its environment tag
                        .step(Stages.trivyImage("trivy", ref, "sarif", "trivy.sarif", true, true))
                        .step(
                                Stages.uploadSarif(
                                        "trivy.sarif", "trivy-" + Expr.matrix("service").wrapped()))
                        .step(
                                CosignInstaller.builder()
                                        .id("cosign-install")
                                        .name("Install cosign")
                                        .build())
                        .step(
                                Step.run(
                                                "cosign sign --yes \"$REF\"\ncosign attest --yes --type spdxjson --predicate sbom.spdx.json \"$REF\"\n")
                                        .id("cosign")
                                        .name("Keyless signature and SBOM attestation")
                                        .env("REF", ref)
                                        .build())
                        .step(
                                Stages.withRetry(
                                                "retry docker buildx imagetools create --tag \"$IMAGE:$ENV_TAG\" \"$REF\"\n")
                                        .id("env-tag")
                                        .name(
                                                "Move the environment tag onto the scanned, signed image")
                                        .env("IMAGE", image)
                                        .env("ENV_TAG", tag)
                                        .env("REF", ref)
                                        .build())
                        .build();
        NormalJob sdk =
                job("sdk", 15)
                        .name("SDK " + Expr.matrix("lang").wrapped())
                        .needs(verify)
                        .ifCondition(
                                Expr.call(
                                        Function.STARTS_WITH,
                                        Expr.github("ref"),
                                        Expr.lit("refs/tags/v")))
                        .strategy(
                                Strategy.of(
                                                Matrix.builder()
                                                        .axis("lang", "TS", "GO", "PYTHON")
                                                        .build())
                                        .failFast(false))
                        .environment(Environment.of("production"))
                        .output("version", Expr.raw("steps.publish.outputs.version"))
                        .step(checkout())
                        .step(
                                Step.run(
                                                "version=\"${GITHUB_REF_NAME#v}\"\n"
                                                        // exported before the script runs: publish
                                                        // scripts read it to stamp the package
                                                        + "export \""
                                                        + c.get(SDK_PREFIX)
                                                        + "_${LANG_ID}_SDK_VERSION=$version\"\n"
                                                        + "echo \""
                                                        + c.get(SDK_PREFIX)
                                                        + "_${LANG_ID}_SDK_VERSION=$version\" >> \"$GITHUB_ENV\"\n"
                                                        + "./sdk/publish.sh \"$LANG_ID\" \"$version\"\n"
                                                        + "echo \"version=$version\" >> \"$GITHUB_OUTPUT\"\n"
                                                        + "echo \""
                                                        + c.get(SDK_PREFIX)
                                                        + "_${LANG_ID}_SDK_VERSION=$version\" > sdk-version.env\n")
                                        .id("publish")
                                        .name(
                                                "Publish and export "
                                                        + c.get(SDK_PREFIX)
                                                        + "_<LANG>_SDK_VERSION")
                                        .env("LANG_ID", Expr.matrix("lang"))
                                        .env("NPM_TOKEN", Expr.secret("NPM_TOKEN"))
                                        .env("PYPI_TOKEN", Expr.secret("PYPI_TOKEN"))
                                        .build())
                        .step(
                                Stages.upload(
                                        "upload-sdk-version",
                                        "sdk-version-" + Expr.matrix("lang").wrapped(),
                                        "sdk-version.env",
                                        90))
                        .build();
        return Workflow.builder("cd.yml")
                .name("CD")
                .on(Trigger.push().branches("main").tags("v*.*.*"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("cd-" + Expr.github("ref").wrapped()))
                .job(verify)
                .job(bufPush)
                .job(images)
                .job(sdk)
                .build();
    }

    /**
     * Script of the step that waits, with exponential backoff (5 s doubling to 60 s, up to 20 %
     * jitter) for up to WAIT_SECONDS, for each service's image built from the release's commit
     * (tagged with RELEASE_SHA by cd.yml) and for cd.yml to have scanned and signed it (it then
     * moves {@code :production} onto that digest), then pins that digest. A release is published
     * before its images exist: reading {@code :production} at once would pin the previous release's
     * image. Every later step verifies, scans and promotes exactly the pinned digests.
     */
    static final String WAIT_FOR_DIGESTS =
            """
            digest() { docker buildx imagetools inspect "$1" --format '{{.Manifest.Digest}}' 2>/dev/null; }
            pin() { # <name> <image>: wait for <image>:RELEASE_SHA, scanned and signed (:production on it), record its digest
              delay=5 waited=0
              until digest="$(digest "$2:$RELEASE_SHA")" && [ -n "$digest" ] \\
                  && [ "$(digest "$2:production" || true)" = "$digest" ]; do
                if [ "$waited" -ge "$WAIT_SECONDS" ]; then
                  echo "::error::$2:$RELEASE_SHA is not in the registry, or not yet scanned and signed (:production elsewhere), after ${waited}s"
                  return 1
                fi
                ms=$(( delay * 1000 + RANDOM % (delay * 200 + 1) ))
                echo "waiting for $2:$RELEASE_SHA ${digest:-(absent)} to become :production (${waited}s so far, next look in ${ms}ms)" >&2
                sleep "$(( ms / 1000 )).$(printf '%03d' $(( ms % 1000 )))"
                waited=$(( waited + delay ))
                delay=$(( delay * 2 > 60 ? 60 : delay * 2 ))
              done
              echo "$1-digest=$digest" >> "$GITHUB_OUTPUT"
              echo "$1: $2@$digest"
            }
            """;

    static Workflow promote(StackConfig c) {
        String registry = c.get(REGISTRY);
        List<String> services = c.get(SERVICES);
        StringBuilder pins = new StringBuilder(WAIT_FOR_DIGESTS);
        for (String svc : services) {
            pins.append("pin ").append(svc).append(" \"$REGISTRY/").append(svc).append("\"\n");
        }
        RunStep wait =
                Step.run(pins.toString())
                        .id("images")
                        .name("Wait for the images and pin their digests")
                        .env("REGISTRY", registry)
                        .env("RELEASE_SHA", Expr.github("sha").wrapped())
                        .env("WAIT_SECONDS", "900")
                        .build();
        NormalJob.Builder b =
                job("promote", 30)
                        .name("verify, enforce policy, open the promotion PR")
                        // release events cannot filter by tag; only v* releases promote
                        .ifCondition(
                                Expr.startsWith(
                                        Expr.github("event.release.tag_name"), Expr.lit("v")))
                        .environment(Environment.of("production"))
                        .permissions(
                                Permissions.of(
                                                PermissionScope.CONTENTS,
                                                PermissionLevel.WRITE,
                                                "step promote pushes the promotion branch")
                                        .with(
                                                PermissionScope.PULL_REQUESTS,
                                                PermissionLevel.WRITE,
                                                "step promote opens the promotion pull request")
                                        .with(
                                                PermissionScope.ID_TOKEN,
                                                PermissionLevel.WRITE,
                                                "step azure logs in with OIDC"))
                        .step(checkout())
                        .step(
                                AzureLogin.builder()
                                        .id("azure")
                                        .name("Azure login (OIDC)")
                                        .clientId(Expr.secret("AZURE_CLIENT_ID").wrapped())
                                        .tenantId(Expr.secret("AZURE_TENANT_ID").wrapped())
                                        .subscriptionId(
                                                Expr.secret("AZURE_SUBSCRIPTION_ID").wrapped())
                                        .build())
                        .step(
                                Stages.withRetry("retry az acr login --name \"${REGISTRY%%.*}\"\n")
                                        .id("acr-login")
                                        .name("Log in to ACR")
                                        .env("REGISTRY", registry)
                                        .build())
                        .step(wait);
        // The images are signed keyless by cd.yml: cosign checks each digest's signature and SPDX
        // attestation against
        // that workflow's identity; the promote action then lists these checks among its gates in
        // the PR body.
        b.step(CosignInstaller.builder().id("cosign-install").name("Install cosign").build());
        StringBuilder imgs = new StringBuilder();
        StringBuilder checks = new StringBuilder();
        // Fulcio's certificate for a run of cd.yml on a tag push names the workflow at the full ref
        // (refs/tags/<tag>)
        String identity =
                Expr.github("server_url").wrapped()
                        + "/"
                        + Expr.github("repository").wrapped()
                        + "/.github/workflows/cd.yml@refs/tags/"
                        + Expr.github("event.release.tag_name").wrapped();
        for (String svc : services) {
            String digest = wait.output(svc + "-digest").wrapped();
            String pinned = registry + "/" + svc + "@" + digest;
            imgs.append(svc)
                    .append('=')
                    .append(registry)
                    .append('/')
                    .append(svc)
                    .append(":production@")
                    .append(digest)
                    .append('\n');
            checks.append("signatures: ")
                    .append(svc)
                    .append(' ')
                    .append(digest)
                    .append(" signed keyless by ")
                    .append(identity)
                    .append('\n');
            checks.append("SBOM attestations: ")
                    .append(svc)
                    .append(' ')
                    .append(digest)
                    .append(" has a verified SPDX attestation\n");
            b.step(
                    Stages.withRetry(
                                    """
                    retry cosign verify --certificate-identity "$IDENTITY" --certificate-oidc-issuer "$ISSUER" "$IMAGE" >/dev/null
                    retry cosign verify-attestation --type spdxjson --certificate-identity "$IDENTITY" \\
                      --certificate-oidc-issuer "$ISSUER" "$IMAGE" >/dev/null
                    """)
                            .id("verify-" + svc)
                            .name("Verify the signature and SBOM attestation of " + svc)
                            .env("IMAGE", pinned)
                            .env("IDENTITY", identity)
                            .env("ISSUER", "https://token.actions.githubusercontent.com")
                            .build());
        }
        for (String svc : services) {
            b.step(
                    Stages.trivyImage(
                            "trivy-" + svc,
                            registry + "/" + svc + "@" + wait.output(svc + "-digest").wrapped(),
                            "json",
                            "trivy-" + svc + ".json",
                            true,
                            false));
        }
        b.step(
                PipewrightPromote.builder("production", imgs.toString())
                        .id("promote")
                        .name(
                                "Trivy policy with waivers, then the pull request with tags and digests")
                        .helmValues(c.get(HELM_VALUES))
                        .trivyReport("trivy-*.json")
                        .allowlist(".trivyignore.yaml")
                        .failOn("HIGH,CRITICAL")
                        .ignoreUnfixed(true)
                        .checks(checks.toString())
                        .githubToken(Expr.github("token").wrapped())
                        .build());
        NormalJob promote = b.build();
        return Workflow.builder("promote.yml")
                .name("Promote")
                .on(Trigger.release().types("published"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("promote-production"))
                .job(promote)
                .build();
    }
}
