package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.DockerBuildPushAction;
import dev.pipewright.model.Environment;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import dev.pipewright.stacks.actions.PipewrightSign;
import java.util.ArrayList;
import java.util.List;

/**
 * A Go secrets-engine plugin for HashiCorp Vault: lint → unit → integration (secret-gated) →
 * artifact (binary, checksum, image, SBOM, key-based signature) → deploy dev → staging →
 * production, a release that tags only a commit whose artifacts exist, and a manual rollback.
 */
public final class GoVaultPluginStack implements Stack {
    public static final Parameter<String> PLUGIN =
            Parameter.string(
                            "plugin",
                            "vault-plugin-secrets-example",
                            "Plugin binary and catalog name (make build writes bin/<plugin>).")
                    .matching(ParameterPatterns.FILE_NAME);
    public static final Parameter<String> IMAGE =
            Parameter.requiredString(
                            "image",
                            "Container image repository on GHCR (the artifact job logs in to ghcr.io); tagged with the commit SHA.",
                            "ghcr.io/${{ vars.GHCR_OWNER }}/vault-plugin")
                    .matching(ParameterPatterns.IMAGE);
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 80, "Minimum unit-test coverage in percent.")
                    .between(0, 100);
    public static final Parameter<String> VAULT_VERSION =
            Parameter.string(
                            "vault-version",
                            "1.18.3",
                            "Vault the plugin requires; installed by deploy jobs and named in release notes.")
                    .matching(ParameterPatterns.VERSION);
    public static final Parameter<List<String>> MOUNTS =
            Parameter.list(
                            "mounts",
                            List.of("dev=order", "staging=purchase", "production=payment"),
                            "environment=mount, in deployment order; the last environment needs approval.")
                    .matching(ParameterPatterns.NAME + "=" + ParameterPatterns.NAME);

    @Override
    public String id() {
        return "go-vault-plugin";
    }

    @Override
    public String description() {
        return "Go Vault plugin: lint, unit, secret-gated integration, signed artifacts, staged deploy, release, rollback";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PLUGIN, IMAGE, COVERAGE, VAULT_VERSION, MOUNTS);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), cd(c), release(c), rollback(c));
    }

    static NormalJob lint() {
        return job("lint", 10)
                .name("lint")
                .step(checkout())
                .step(Stages.setupGo(true))
                .step(Stages.gofmt(false))
                .step(Stages.golangciLint("--timeout=3m", true))
                .build();
    }

    static NormalJob unit(StackConfig c, NormalJob lint) {
        return job("unit", 15)
                .name("unit")
                .needs(lint)
                .step(checkout())
                .step(Stages.setupGo(true))
                .step(
                        Step.run("go test ./... -race -coverprofile=coverage.out")
                                .id("test")
                                .name("go test -race")
                                .build())
                // The seed's "coverage report": the profile for tools, and the annotated source a
                // reviewer opens.
                .step(
                        Step.run(
                                        "if [ ! -s coverage.out ]; then\n"
                                                + "  echo \"::warning::no coverage.out: go test stopped before writing it\"; exit 0\n"
                                                + "fi\n"
                                                + "go tool cover -html=coverage.out -o coverage.html\n"
                                                + "go tool cover -func=coverage.out | tail -n 1 >> \"$GITHUB_STEP_SUMMARY\"\n")
                                .id("coverage-report")
                                .name("Coverage report (HTML)")
                                .ifCondition(Expr.always())
                                .build())
                .step(
                        Stages.uploadAlways(
                                "upload-coverage", "coverage", "coverage.out\ncoverage.html\n"))
                .step(Stages.coverageGate("coverage.out", c.get(COVERAGE)).format("go").build())
                .build();
    }

    static NormalJob integration(StackConfig c, NormalJob unit, NormalJob gate) {
        return job("integration", 20)
                .name("integration (Vault dev server)")
                .needs(unit, gate)
                .ifCondition(gate.output("available").eq(Expr.lit("true")))
                .step(checkout())
                .step(Stages.setupGo(true))
                .step(
                        Stages.withRetry(
                                        "retry docker pull \"hashicorp/vault:$VAULT_VERSION\"\n"
                                                + "docker run -d --name vault -p 8200:8200 -e VAULT_DEV_ROOT_TOKEN_ID \"hashicorp/vault:$VAULT_VERSION\"\n"
                                                + "retry curl -fsS http://127.0.0.1:8200/v1/sys/health\n")
                                .id("vault-dev")
                                .name("Start a Vault dev server")
                                .env("VAULT_VERSION", c.get(VAULT_VERSION))
                                .env("VAULT_DEV_ROOT_TOKEN_ID", Expr.secret("VAULT_DEV_TOKEN"))
                                .build())
                .step(
                        Step.run("go test ./test/integration -tags=integration")
                                .id("integration")
                                .name("Integration tests against Vault")
                                .env("VAULT_ADDR", "http://127.0.0.1:8200")
                                .env("VAULT_TOKEN", Expr.secret("VAULT_DEV_TOKEN"))
                                .env(
                                        "SANDBOX_CREDENTIALS_JSON",
                                        Expr.secret("SANDBOX_CREDENTIALS_JSON"))
                                .build())
                .build();
    }

    static NormalJob artifact(StackConfig c, NormalJob after) {
        String plugin = c.get(PLUGIN);
        String image = c.get(IMAGE) + ":" + Expr.github("sha").wrapped();
        return job("artifact", 20)
                .name("artifact")
                .needs(after)
                .ifCondition(Expr.not(Expr.failure()).and(Expr.not(Expr.cancelled())))
                .permissions(
                        Stages.read(
                                PermissionScope.PACKAGES,
                                PermissionLevel.WRITE,
                                "steps login and image push the image to GHCR"))
                .step(checkout())
                // No cache: this job builds what is deployed, released and pushed, which a poisoned
                // cache would reach.
                .step(Stages.setupGo(false))
                .step(
                        Step.run("make build GOOS=linux GOARCH=amd64")
                                .id("build")
                                .name("make build (linux/amd64)")
                                .build())
                // From the workspace root: the file names bin/<plugin>, which is where every
                // verifying job checks it.
                .step(
                        Step.run("sha256sum bin/" + plugin + " > bin/" + plugin + ".sha256")
                                .id("sha256sum")
                                .name("sha256sum")
                                .build())
                .step(
                        PipewrightSbom.builder()
                                .id("sbom")
                                .name("SBOM of the binary")
                                .path("bin/" + plugin)
                                .format("spdx-json")
                                .output("bin/" + plugin + ".spdx.json")
                                .name("SBOM of the binary")
                                .build())
                .step(
                        PipewrightSign.builder(
                                        Expr.secret("PLUGIN_SIGNING_KEY").wrapped(),
                                        "bin/" + plugin)
                                .id("sign")
                                .name("Sign the binary (key-based)")
                                .env("COSIGN_PASSWORD", Expr.secret("PLUGIN_SIGNING_PASSWORD"))
                                .build())
                .step(Stages.loginGhcr())
                .step(Stages.setupBuildx())
                .step(
                        DockerBuildPushAction.builder()
                                .id("image")
                                .name("Image tagged with the commit SHA")
                                .context(".")
                                .push(true)
                                .tags(image)
                                .provenance("mode=max")
                                .build())
                .step(Stages.upload("upload-plugin", "plugin", "bin/", 90))
                .build();
    }

    static Workflow ci(StackConfig c) {
        NormalJob lint = lint();
        NormalJob unit = unit(c, lint);
        NormalJob gate =
                Stages.secretsGate("secrets", "SANDBOX_CREDENTIALS_JSON", "VAULT_DEV_TOKEN");
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.pullRequest(), Trigger.push().branches("main"))
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(lint)
                .job(unit)
                .job(gate)
                .job(integration(c, unit, gate))
                .build();
    }

    /** environment=mount pairs in order. */
    static List<String[]> mounts(StackConfig c) {
        List<String[]> out = new ArrayList<>();
        for (String m : c.get(MOUNTS)) {
            String[] kv = m.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException(
                        "mounts entry '" + m + "' is not environment=mount");
            }
            out.add(kv);
        }
        return out;
    }

    static RunStep installVault(StackConfig c) {
        String v = c.get(VAULT_VERSION);
        return Stages.withRetry(
                        "v="
                                + v
                                + "\n"
                                + "if command -v vault >/dev/null && vault version | grep -q \"^Vault v${v}\\b\"; then\n"
                                + "  echo \"Vault ${v} is already installed\"; exit 0\n"
                                + "fi\n"
                                + "retry curl -fsSLO \"https://releases.hashicorp.com/vault/${v}/vault_${v}_linux_amd64.zip\"\n"
                                + "retry curl -fsSLO \"https://releases.hashicorp.com/vault/${v}/vault_${v}_SHA256SUMS\"\n"
                                + "grep \"vault_${v}_linux_amd64.zip\" \"vault_${v}_SHA256SUMS\" | sha256sum -c -\n"
                                + "unzip -o \"vault_${v}_linux_amd64.zip\" -d \"$RUNNER_TEMP/vault\"\n"
                                + "echo \"$RUNNER_TEMP/vault\" >> \"$GITHUB_PATH\"\n")
                .id("install-vault")
                .name("Install Vault " + v)
                .build();
    }

    /** Health of each mount, retried with backoff: {@code vault read <mount>/health}. */
    static RunStep health(List<String> mounts) {
        StringBuilder s = new StringBuilder();
        for (String m : mounts) {
            s.append("retry vault read ").append(m).append("/health\n");
        }
        return Stages.withRetry(s.toString())
                .id("health")
                .name("Health check: " + String.join(", ", mounts))
                .env("VAULT_ADDR", Expr.var("VAULT_ADDR"))
                .env("VAULT_TOKEN", Expr.secret("VAULT_TOKEN"))
                .build();
    }

    /**
     * Copies the binary into the plugin directory of the environment's Vault server ({@code
     * vars.VAULT_PLUGIN_DIR}, as the runner sees it: a self-hosted runner on the Vault host or a
     * shared volume); {@code vault plugin register} only catalogues a binary that is already there.
     */
    static RunStep deliver(String plugin, String env) {
        return Step.run(
                        ": \"${PLUGIN_DIR:?set variable VAULT_PLUGIN_DIR of environment "
                                + env
                                + " to the plugin_directory of its Vault server, as this runner sees it}\"\n"
                                + "install -D -m 0755 bin/"
                                + plugin
                                + " \"$PLUGIN_DIR/"
                                + plugin
                                + "\"\n")
                .id("deliver")
                .name("Copy the binary into Vault's plugin directory")
                .env("PLUGIN_DIR", Expr.var("VAULT_PLUGIN_DIR"))
                .build();
    }

    static NormalJob deploy(
            StackConfig c, String env, String mount, NormalJob previous, boolean approval) {
        String plugin = c.get(PLUGIN);
        NormalJob.Builder b =
                job("deploy-" + env, 15)
                        .name("deploy " + env + " (" + mount + " mount)")
                        .needs(previous)
                        .environment(approval ? Environment.of(env) : Environment.of(env))
                        .concurrency(Stages.deployConcurrency(env))
                        .step(checkout())
                        .step(Stages.download("plugin", "bin"))
                        .step(
                                PipewrightChecksums.builder()
                                        .id("verify-checksum")
                                        .name("Verify the binary against its checksum")
                                        .check("bin/" + plugin + ".sha256")
                                        .build())
                        .step(installVault(c))
                        .step(deliver(plugin, env))
                        .step(
                                Step.run(
                                                "sha=$(cut -d' ' -f1 bin/"
                                                        + plugin
                                                        + ".sha256)\n"
                                                        + "vault plugin register -sha256=\"$sha\" -command="
                                                        + plugin
                                                        + " secret "
                                                        + plugin
                                                        + "\n"
                                                        + "vault plugin reload -plugin="
                                                        + plugin
                                                        + "\n"
                                                        + "vault secrets list -format=json | jq -e '.\""
                                                        + mount
                                                        + "/\"' >/dev/null \\\n"
                                                        + "  || vault secrets enable -path="
                                                        + mount
                                                        + " "
                                                        + plugin
                                                        + "\n")
                                        .id("register")
                                        .name("Register by SHA-256, reload, enable " + mount)
                                        .env("VAULT_ADDR", Expr.var("VAULT_ADDR"))
                                        .env("VAULT_TOKEN", Expr.secret("VAULT_TOKEN"))
                                        .build())
                        .step(health(List.of(mount)));
        return b.build();
    }

    static Workflow cd(StackConfig c) {
        NormalJob lint = lint();
        NormalJob unit = unit(c, lint);
        NormalJob gate =
                Stages.secretsGate("secrets", "SANDBOX_CREDENTIALS_JSON", "VAULT_DEV_TOKEN");
        NormalJob integration = integration(c, unit, gate);
        NormalJob artifact = artifact(c, integration);
        Workflow.Builder w =
                Workflow.builder("cd.yml")
                        .name("CD")
                        .on(Trigger.push().branches("main"))
                        .permissions(Permissions.none())
                        .concurrency(
                                Stages.releaseConcurrency("cd-" + Expr.github("ref").wrapped()))
                        .job(lint)
                        .job(unit)
                        .job(gate)
                        .job(integration)
                        .job(artifact);
        NormalJob previous = artifact;
        List<String[]> mounts = mounts(c);
        for (int i = 0; i < mounts.size(); i++) {
            NormalJob d =
                    deploy(c, mounts.get(i)[0], mounts.get(i)[1], previous, i == mounts.size() - 1);
            w.job(d);
            previous = d;
        }
        return w.build();
    }

    static Workflow release(StackConfig c) {
        String plugin = c.get(PLUGIN);
        NormalJob release =
                job("release", 15)
                        .name("tag and release")
                        .permissions(
                                Permissions.of(
                                                PermissionScope.CONTENTS,
                                                PermissionLevel.WRITE,
                                                "step tag pushes the tag; step notes creates the GitHub release")
                                        .with(
                                                PermissionScope.ACTIONS,
                                                PermissionLevel.READ,
                                                "step artifacts finds the cd.yml run of this commit and downloads its artifact"))
                        .environment(Environment.of("release"))
                        .step(
                                ActionsCheckout.builder()
                                        .id("checkout")
                                        .name("Check out with history")
                                        .fetchDepth(0L)
                                        .persistCredentials(true)
                                        .build())
                        .step(
                                Step.run(
                                                "case \"$VERSION\" in v[0-9]*.[0-9]*.[0-9]*) ;; *) echo \"::error::$VERSION is not vX.Y.Z\"; exit 1;; esac\n"
                                                        + "run_id=$(gh run list --workflow cd.yml --commit \"$SHA\" --status success --limit 1 --json databaseId --jq '.[0].databaseId')\n"
                                                        + "if [ -z \"$run_id\" ]; then echo \"::error::no successful cd.yml run for $SHA: artifacts must exist before the tag\"; exit 1; fi\n"
                                                        + "gh run download \"$run_id\" --name plugin --dir bin\n"
                                                        + "echo \"run-id=$run_id\" >> \"$GITHUB_OUTPUT\"\n")
                                        .id("artifacts")
                                        .name("Require the artifacts of this commit")
                                        .env("VERSION", Expr.input("version"))
                                        .env("SHA", Expr.github("sha"))
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .build())
                        .step(
                                PipewrightChecksums.builder()
                                        .id("verify-checksum")
                                        .name("Verify the binary")
                                        .check("bin/" + plugin + ".sha256")
                                        .build())
                        .step(
                                Step.run(
                                                "git tag \"$VERSION\" \"$SHA\"\ngit push origin \"refs/tags/$VERSION\"\n")
                                        .id("tag")
                                        .name("Tag the commit")
                                        .env("VERSION", Expr.input("version"))
                                        .env("SHA", Expr.github("sha"))
                                        .build())
                        .step(
                                PipewrightReleaseNotes.builder()
                                        .id("notes")
                                        .name("Release notes with commit range and Vault version")
                                        .to(Expr.input("version"))
                                        .requirements(
                                                "Vault: " + c.get(VAULT_VERSION) + " or later")
                                        .githubRelease(true)
                                        .githubToken(Expr.github("token").wrapped())
                                        .assets(
                                                List.of(
                                                        "bin/" + plugin,
                                                        "bin/" + plugin + ".sha256",
                                                        "bin/" + plugin + ".sig",
                                                        "bin/" + plugin + ".spdx.json"))
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .on(
                        Trigger.workflowDispatch()
                                .input(
                                        "version",
                                        DispatchInput.string("Version to tag, vX.Y.Z")
                                                .asRequired()))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("release"))
                .job(release)
                .build();
    }

    /**
     * One rollback job per environment, each with that environment's Vault (its {@code
     * vars.VAULT_ADDR}, token and plugin directory) and its own mount: a single job could only
     * reach one Vault.
     */
    static Workflow rollback(StackConfig c) {
        String plugin = c.get(PLUGIN);
        Workflow.Builder w =
                Workflow.builder("rollback.yml")
                        .name("Rollback")
                        .on(
                                Trigger.workflowDispatch()
                                        .input(
                                                "releases-back",
                                                DispatchInput.choice(
                                                        "Which release to return to (1: previous, 2: the one before)",
                                                        "1",
                                                        "1",
                                                        "2")))
                        .permissions(Permissions.none())
                        .concurrency(Stages.releaseConcurrency("release"));
        for (String[] m : mounts(c)) {
            String env = m[0];
            w.job(
                    job("rollback-" + env, 20)
                            .name("rollback " + env + " (" + m[1] + " mount) to a previous release")
                            .environment(Environment.of(env))
                            .concurrency(Stages.deployConcurrency(env))
                            .step(checkout())
                            .step(
                                    Stages.withRetry(
                                                    "tag=$(gh release list --exclude-drafts --limit 3 --json tagName --jq \".[$BACK].tagName\")\n"
                                                            + "if [ -z \"$tag\" ]; then echo \"::error::no release $BACK back (the previous two are kept)\"; exit 1; fi\n"
                                                            + "retry gh release download \"$tag\" --dir bin --pattern '"
                                                            + plugin
                                                            + "' --pattern '"
                                                            + plugin
                                                            + ".sha256'\n"
                                                            + "echo \"tag=$tag\" >> \"$GITHUB_OUTPUT\"\n")
                                            .id("previous")
                                            .name("Download the previous binary and checksum")
                                            .env("BACK", Expr.input("releases-back"))
                                            .env("GH_TOKEN", Expr.github("token"))
                                            .build())
                            .step(
                                    PipewrightChecksums.builder()
                                            .id("verify-checksum")
                                            .name("Verify the previous binary")
                                            .check("bin/" + plugin + ".sha256")
                                            .build())
                            .step(installVault(c))
                            .step(deliver(plugin, env))
                            .step(
                                    Step.run(
                                                    "sha=$(cut -d' ' -f1 bin/"
                                                            + plugin
                                                            + ".sha256)\n"
                                                            + "vault plugin register -sha256=\"$sha\" -command="
                                                            + plugin
                                                            + " secret "
                                                            + plugin
                                                            + "\n"
                                                            + "vault plugin reload -plugin="
                                                            + plugin
                                                            + "\n")
                                            .id("register")
                                            .name("Re-register the previous SHA-256 and reload")
                                            .env("VAULT_ADDR", Expr.var("VAULT_ADDR"))
                                            .env("VAULT_TOKEN", Expr.secret("VAULT_TOKEN"))
                                            .build())
                            .step(health(List.of(m[1])))
                            .build());
        }
        return w.build();
    }
}
