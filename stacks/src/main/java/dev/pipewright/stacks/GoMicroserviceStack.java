package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.CosignInstaller;
import dev.pipewright.bindings.DockerBuildPushAction;
import dev.pipewright.model.Environment;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightHealthGate;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import java.util.List;

/**
 * A Go HTTP service on Kubernetes: CI (race tests with coverage gate and property tests, lint,
 * govulncheck, gitleaks, SARIF), CD (image on GHCR, Trivy, cosign, staging with a health gate,
 * production behind approval, rollback and notification), and a tag release with SBOM and
 * SHA-256/SHA-512 checksums.
 */
public final class GoMicroserviceStack implements Stack {
    public static final Parameter<String> IMAGE =
            Parameter.requiredString(
                            "image",
                            "Image repository on GHCR (the jobs log in to ghcr.io).",
                            "ghcr.io/${{ vars.GHCR_OWNER }}/service")
                    .matching(ParameterPatterns.IMAGE);
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 80, "Minimum coverage in percent.").between(0, 100);
    public static final Parameter<Integer> PROPERTY_ITERATIONS =
            Parameter.integer(
                            "property-iterations",
                            100,
                            "Iterations of each property test (at least 100).")
                    .between(1, null);
    public static final Parameter<String> STAGING_URL =
            Parameter.requiredString(
                            "staging-url",
                            "Health endpoint checked after the staging deploy; without /healthz, the staging environment's URL.",
                            "${{ vars.STAGING_URL }}/healthz")
                    .matching(ParameterPatterns.URL);
    public static final Parameter<String> PRODUCTION_URL =
            Parameter.requiredString(
                            "production-url",
                            "Health endpoint checked after the production deploy; without /healthz, the production environment's URL.",
                            "${{ vars.PRODUCTION_URL }}/healthz")
                    .matching(ParameterPatterns.URL);
    public static final Parameter<String> HEALTH_TIMEOUT =
            Parameter.string(
                            "health-timeout",
                            "120s",
                            "How long the health gate retries before it rolls back.")
                    .matching(ParameterPatterns.DURATION);

    @Override
    public String id() {
        return "go-microservice";
    }

    @Override
    public String description() {
        return "Go HTTP service on Kubernetes: CI, image CD with staging/production and rollback, tag release";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(
                IMAGE, COVERAGE, PROPERTY_ITERATIONS, STAGING_URL, PRODUCTION_URL, HEALTH_TIMEOUT);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), cd(c), release(c));
    }

    static Workflow ci(StackConfig c) {
        NormalJob test =
                job("test", 15)
                        .name("test")
                        .step(checkout())
                        .step(Stages.setupGo(true))
                        .step(
                                Step.run(
                                                "go test -race -v -timeout 10m -coverprofile=coverage.out ./...")
                                        .id("test")
                                        .name("go test -race")
                                        .build())
                        // -rapid.checks is a flag of rapid's: a test binary that does not import
                        // rapid rejects it, so only the
                        // packages whose tests import pgregory.net/rapid get it.
                        .step(
                                Step.run(
                                                "pkgs=$(go list -f '{{.ImportPath}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}' ./... \\\n"
                                                        + "  | awk '{ for (i = 2; i <= NF; i++) if ($i == \"pgregory.net/rapid\") { print $1; next } }')\n"
                                                        + "if [ -z \"$pkgs\" ]; then\n"
                                                        + "  echo \"::notice::no package's tests import pgregory.net/rapid: no property tests to run\"; exit 0\n"
                                                        + "fi\n"
                                                        + "# shellcheck disable=SC2086 # one package per word\n"
                                                        + "go test -race -timeout 10m -run 'Property' $pkgs -args -rapid.checks=\"$ITERATIONS\"\n")
                                        .id("property-tests")
                                        .name("Property tests")
                                        .env(
                                                "ITERATIONS",
                                                String.valueOf(
                                                        Math.max(100, c.get(PROPERTY_ITERATIONS))))
                                        .build())
                        .step(
                                Stages.coverageGate("coverage.out", c.get(COVERAGE))
                                        .format("go")
                                        .build())
                        .step(Stages.uploadAlways("upload-coverage", "coverage", "coverage.out"))
                        .build();
        NormalJob lint =
                job("lint", 10)
                        .name("lint")
                        .step(checkout())
                        .step(Stages.setupGo(true))
                        .step(Stages.golangciLint("--config=.golangci.yml", true))
                        .build();
        NormalJob security =
                job("security", 10)
                        .name("security")
                        .permissions(
                                Permissions.contentsRead()
                                        .with(
                                                PermissionScope.SECURITY_EVENTS,
                                                PermissionLevel.WRITE,
                                                "step upload-sarif sends govulncheck's SARIF to code scanning")
                                        .with(
                                                PermissionScope.PULL_REQUESTS,
                                                PermissionLevel.READ,
                                                "step gitleaks lists the pull request's commits"))
                        .step(
                                ActionsCheckout.builder()
                                        .id("checkout")
                                        .name("Check out with history")
                                        .fetchDepth(0L)
                                        .persistCredentials(false)
                                        .build())
                        .step(Stages.setupGo(true))
                        .step(
                                Stages.withRetry(
                                                "retry go install golang.org/x/vuln/cmd/govulncheck@v1.1.4\n"
                                                        + "govulncheck -format sarif ./... > govulncheck.sarif || true\n"
                                                        + "govulncheck ./...\n")
                                        .id("govulncheck")
                                        .name("govulncheck (fails on known vulnerabilities)")
                                        .build())
                        .step(
                                Step.uses(Stages.GITLEAKS)
                                        .id("gitleaks")
                                        .name("gitleaks over the pull request's commits")
                                        .env("GITHUB_TOKEN", Expr.github("token"))
                                        // gitleaks-action refuses to scan an organisation's
                                        // repository without a (free) licence key.
                                        .env("GITLEAKS_LICENSE", Expr.secret("GITLEAKS_LICENSE"))
                                        .build())
                        .step(Stages.uploadSarif("govulncheck.sarif", "govulncheck"))
                        .build();
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.pullRequest(), Trigger.push().branches("main"))
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(test)
                .job(lint)
                .job(security)
                .build();
    }

    static NormalJob deploy(
            String env, String url, StackConfig c, NormalJob image, NormalJob previous) {
        NormalJob.Builder b =
                job("deploy-" + env, 20)
                        .name("deploy " + env)
                        .needs(
                                previous == null
                                        ? new NormalJob[] {image}
                                        : new NormalJob[] {image, previous})
                        .environment(Environment.of(env, url.replaceFirst("/healthz$", "")))
                        .concurrency(Stages.deployConcurrency(env))
                        .step(checkout())
                        .step(
                                Step.run(
                                                "printf '%s' \"$KUBECONFIG_DATA\" > \"$RUNNER_TEMP/kubeconfig\"\n"
                                                        + "export KUBECONFIG=\"$RUNNER_TEMP/kubeconfig\"\n"
                                                        + "echo \"KUBECONFIG=$KUBECONFIG\" >> \"$GITHUB_ENV\"\n"
                                                        // the running revision, from its
                                                        // annotation: not parsed out of rollout
                                                        // history's table
                                                        + "kubectl get deployment/app -n app -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}' > previous-revision\n"
                                                        + "cd deploy/overlays/"
                                                        + env
                                                        + "\n"
                                                        + "kustomize edit set image \"app=$IMAGE@$DIGEST\"\n"
                                                        + "kustomize build . | kubectl apply -f -\n"
                                                        + "kubectl rollout status deployment/app -n app --timeout=5m\n")
                                        .id("deploy")
                                        .name(
                                                env.equals("production")
                                                        ? "Rolling update (kustomize overlay)"
                                                        : "Deploy the kustomize overlay")
                                        .env("IMAGE", c.get(IMAGE))
                                        .env("DIGEST", image.output("digest"))
                                        .env("KUBECONFIG_DATA", Expr.secret("KUBECONFIG"))
                                        .build())
                        .step(
                                PipewrightHealthGate.builder()
                                        .id("health")
                                        .name("Health gate")
                                        .url(url)
                                        .timeout(c.get(HEALTH_TIMEOUT))
                                        .expectStatus(200L)
                                        .build())
                        .step(
                                Step.run(
                                                """
                                revision="$(cat previous-revision 2>/dev/null || true)"
                                if [ -z "$revision" ]; then
                                  echo "::error::no earlier revision of deployment/app was recorded; nothing to roll back to"
                                  exit 1
                                fi
                                # --to-revision names the target, so a second run keeps it instead of undoing the undo
                                kubectl rollout undo deployment/app -n app --to-revision="$revision"
                                kubectl rollout status deployment/app -n app --timeout=5m
                                """)
                                        .id("rollback")
                                        .name("Roll back automatically")
                                        .ifCondition(Expr.failure())
                                        .build())
                        // Says what the rollback step really did, and creates the label it files
                        // under (--force: no error
                        // when it exists), so a repository without it still gets the issue.
                        .step(
                                Step.run(
                                                "case \"$ROLLBACK\" in\n"
                                                        + "  success) what=\"failed and was rolled back\" ;;\n"
                                                        + "  skipped) what=\"failed; no rollback ran\" ;;\n"
                                                        + "  *) what=\"failed and the automatic rollback failed too: act now\" ;;\n"
                                                        + "esac\n"
                                                        + "gh label create deploy-failure --color B60205 --description \"A deployment failed\" --force\n"
                                                        + "gh issue create --title \"Deploy to $ENVIRONMENT $what\" "
                                                        + "--body \"Run: $RUN_URL (rollback: $ROLLBACK)\" --label deploy-failure\n")
                                        .id("notify")
                                        .name("Notify")
                                        .ifCondition(Expr.failure())
                                        .env("ENVIRONMENT", env)
                                        .env("ROLLBACK", Expr.raw("steps.rollback.outcome"))
                                        .env(
                                                "RUN_URL",
                                                Expr.github("server_url").wrapped()
                                                        + "/"
                                                        + Expr.github("repository").wrapped()
                                                        + "/actions/runs/"
                                                        + Expr.github("run_id").wrapped())
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .build());
        b.permissions(
                Permissions.contentsRead()
                        .with(
                                PermissionScope.ISSUES,
                                PermissionLevel.WRITE,
                                "step notify files an issue when the deploy fails"));
        return b.build();
    }

    static Workflow cd(StackConfig c) {
        var build =
                Stages.buildPush(
                                c.get(IMAGE) + ":" + Expr.github("sha").wrapped(),
                                "linux/amd64",
                                // cd.yml runs only on main: CD keeps the image cache
                                Stages.ImageCache.READ_WRITE,
                                Expr.lit("service"))
                        .build();
        NormalJob image =
                job("image", 30)
                        .name("image")
                        .permissions(Stages.imagePublishing())
                        .output("digest", build.output("digest"))
                        .step(checkout())
                        .step(Stages.loginGhcr())
                        .step(Stages.setupBuildx())
                        .step(build)
                        .step(
                                Stages.trivyImage(
                                        "trivy",
                                        c.get(IMAGE) + "@" + build.output("digest").wrapped(),
                                        "table",
                                        "trivy-report.txt",
                                        false,
                                        true))
                        .step(
                                Stages.uploadAlways(
                                        "upload-trivy", "trivy-report", "trivy-report.txt"))
                        .step(
                                CosignInstaller.builder()
                                        .id("cosign-install")
                                        .name("Install cosign")
                                        .build())
                        .step(
                                Step.run("cosign sign --yes \"$IMAGE@$DIGEST\"")
                                        .id("cosign")
                                        .name("cosign sign (keyless)")
                                        .env("IMAGE", c.get(IMAGE))
                                        .env("DIGEST", build.output("digest"))
                                        .build())
                        .build();
        NormalJob staging = deploy("staging", c.get(STAGING_URL), c, image, null);
        NormalJob production = deploy("production", c.get(PRODUCTION_URL), c, image, staging);
        return Workflow.builder("cd.yml")
                .name("CD")
                // Not on release: published: release.yml publishes with GITHUB_TOKEN, whose events
                // start no workflow, so
                // release.yml scans and signs the version and latest images itself.
                .on(Trigger.push().branches("main"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("cd-" + Expr.github("ref").wrapped()))
                .job(image)
                .job(staging)
                .job(production)
                .build();
    }

    static Workflow release(StackConfig c) {
        NormalJob build =
                job("build", 20)
                        .name("build")
                        .output("version", Expr.raw("steps.version.outputs.version"))
                        .step(checkout())
                        .step(Stages.setupGo(false))
                        .step(
                                Step.run(
                                                "version=\"${GITHUB_REF_NAME#v}\"\n"
                                                        + "echo \"$version\" | grep -Eq '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$' \\\n"
                                                        + "  || { echo \"::error::$GITHUB_REF_NAME is not a semantic version\"; exit 1; }\n"
                                                        + "echo \"version=$version\" >> \"$GITHUB_OUTPUT\"\n")
                                        .id("version")
                                        .name("Semantic version from the tag")
                                        .build())
                        .step(
                                Step.run(
                                                "mkdir -p dist\n"
                                                        + "for arch in amd64 arm64; do\n"
                                                        + "  GOOS=linux GOARCH=$arch CGO_ENABLED=0 go build -trimpath \\\n"
                                                        + "    -ldflags \"-s -w -X main.version=$VERSION -X main.commit=$GITHUB_SHA\" -o \"dist/service-linux-$arch\" .\n"
                                                        + "done\n")
                                        .id("build")
                                        .name("Build with version metadata")
                                        .env("VERSION", Expr.raw("steps.version.outputs.version"))
                                        .build())
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SPDX SBOM")
                                        .path(".")
                                        .format("spdx-json")
                                        .output("dist/service.spdx.json")
                                        .name("service")
                                        .version(Expr.raw("steps.version.outputs.version"))
                                        .build())
                        .step(
                                PipewrightChecksums.builder()
                                        .id("checksums")
                                        .name("SHA-256 and SHA-512 checksums")
                                        .files("dist/*")
                                        .algorithms("sha256,sha512")
                                        .output("dist/checksums.txt")
                                        .build())
                        .step(
                                Stages.assetNames(
                                        "dist/checksums.sha256.txt dist/checksums.sha512.txt"))
                        .step(Stages.upload("upload-dist", "dist", "dist/", 90))
                        .build();
        var push =
                DockerBuildPushAction.builder()
                        .id("build")
                        .name("Build and push")
                        .context(".")
                        .push(true)
                        .provenance("mode=max")
                        .buildArgs("VERSION=" + build.output("version").wrapped())
                        .tags(
                                c.get(IMAGE)
                                        + ":"
                                        + build.output("version").wrapped()
                                        + "\n"
                                        + c.get(IMAGE)
                                        + ":latest\n")
                        .build();
        NormalJob images =
                job("images", 30)
                        .name("images (version and latest): build, scan, sign")
                        .needs(build)
                        .permissions(Stages.imagePublishing())
                        .step(checkout())
                        .step(Stages.loginGhcr())
                        .step(Stages.setupBuildx())
                        .step(push)
                        .step(
                                Stages.trivyImage(
                                        "trivy",
                                        c.get(IMAGE) + "@" + push.output("digest").wrapped(),
                                        "table",
                                        "trivy-report.txt",
                                        false,
                                        true))
                        .step(
                                Stages.uploadAlways(
                                        "upload-trivy", "trivy-report-release", "trivy-report.txt"))
                        .step(
                                CosignInstaller.builder()
                                        .id("cosign-install")
                                        .name("Install cosign")
                                        .build())
                        .step(
                                Step.run("cosign sign --yes \"$IMAGE@$DIGEST\"")
                                        .id("cosign")
                                        .name("cosign sign (keyless)")
                                        .env("IMAGE", c.get(IMAGE))
                                        .env("DIGEST", push.output("digest"))
                                        .build())
                        .build();
        NormalJob publish =
                job("publish", 10)
                        .name("GitHub release")
                        .needs(build, images)
                        .permissions(Stages.releaseNotesPublishing())
                        .step(Stages.checkoutHistory())
                        .step(Stages.download("dist", "dist"))
                        .step(
                                PipewrightReleaseNotes.builder()
                                        .id("release")
                                        .name(
                                                "Release with notes from Conventional Commits, artifacts, SBOM and checksums")
                                        .githubRelease(true)
                                        .githubToken(Expr.github("token").wrapped())
                                        .assets("dist/*")
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .on(Trigger.push().tags("v*"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("release"))
                .job(build)
                .job(images)
                .job(publish)
                .build();
    }
}
