package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.HelmKindAction;
import dev.pipewright.model.Matrix;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Strategy;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Kubernetes controller: five parallel checks then a kind smoke test and a report on PRs and
 * main; on {@code v*.*.*} tags the same checks, a multi-arch image with SBOM, a scan, full e2e,
 * publish and Conventional-Commit release notes. Every job has the controller's time budget.
 */
public final class K8sControllerStack implements Stack {
    public static final Parameter<String> IMAGE =
            Parameter.requiredString(
                            "image",
                            "Controller image repository on GHCR (the image job logs in to ghcr.io).",
                            "ghcr.io/${{ vars.GHCR_OWNER }}/timewindow-controller")
                    .matching(ParameterPatterns.IMAGE);
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 80, "Minimum overall coverage.").between(0, 100);
    public static final Parameter<Integer> CRITICAL_COVERAGE =
            Parameter.integer("critical-coverage", 95, "Minimum coverage of the critical packages.")
                    .between(0, 100);
    public static final Parameter<List<String>> CRITICAL_PACKAGES =
            Parameter.list(
                            "critical-packages",
                            List.of("internal/timecalc/**", "internal/statemachine/**"),
                            "Globs of the time-calculation and state-machine packages.")
                    .matching(ParameterPatterns.GLOB);
    public static final Parameter<String> NAMESPACE =
            Parameter.string(
                            "namespace",
                            "",
                            "Namespace of the controller's deployment; empty: the namespace of config/default/kustomization.yaml"
                                    + " (kubebuilder: <project>-system).")
                    .matching("(" + ParameterPatterns.NAME + ")?");
    public static final Parameter<String> DEPLOYMENT =
            Parameter.string(
                            "deployment",
                            "",
                            "Name of the controller's deployment; empty: the namePrefix of config/default/kustomization.yaml followed by"
                                    + " controller-manager (kubebuilder: <project>-controller-manager).")
                    .matching("(" + ParameterPatterns.NAME + ")?");
    public static final Parameter<String> WARMUP_CRON =
            Parameter.string("warmup-cron", "17 4 * * *", "Daily cache warm-up schedule (UTC).")
                    .matching(ParameterPatterns.CRON);

    @Override
    public String id() {
        return "k8s-controller";
    }

    @Override
    public String description() {
        return "Kubernetes controller: parallel checks, kind smoke, multi-arch release with SBOM, scan, e2e, notes";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(
                IMAGE,
                COVERAGE,
                CRITICAL_COVERAGE,
                CRITICAL_PACKAGES,
                NAMESPACE,
                DEPLOYMENT,
                WARMUP_CRON);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), release(c));
    }

    static Step goCache(boolean cache) {
        return Stages.setupGo(cache);
    }

    /** The five parallel checks; {@code cache} false in the release workflow. */
    static List<NormalJob> checks(StackConfig c, boolean cache) {
        List<NormalJob> jobs = new ArrayList<>();
        NormalJob.Builder lint = job("lint", 5).name("lint").step(checkout()).step(goCache(cache));
        if (cache) {
            lint.step(
                    Stages.cache(
                            "golangci-cache",
                            "~/.cache/golangci-lint",
                            "golangci",
                            ".golangci.yml",
                            "**/go.sum"));
        }
        jobs.add(
                lint.step(Stages.gofmt(true))
                        .step(Stages.golangciLint("--timeout=4m", false))
                        .step(
                                Stages.withRetry(
                                                "retry pip install --user yamllint==1.35.1\n"
                                                        + "yamllint -s config/crd examples\n")
                                        .id("yaml")
                                        .name("Validate CRD and example YAML")
                                        .build())
                        .step(
                                Stages.withRetry(
                                                "retry npm install -g markdownlint-cli@0.45.0\nmarkdownlint '**/*.md'\n")
                                        .id("markdown")
                                        .name("Markdown lint")
                                        .build())
                        .step(
                                Step.run(
                                                "missing=$(git ls-files '*.go' | xargs grep -L 'Licensed under the Apache License' || true)\n"
                                                        + "if [ -n \"$missing\" ]; then echo \"::error::missing license header:\"; echo \"$missing\"; exit 1; fi\n")
                                        .id("license")
                                        .name("License headers")
                                        .build())
                        .build());
        StringBuilder rules = new StringBuilder();
        for (String p : c.get(CRITICAL_PACKAGES)) {
            rules.append(p).append(": ").append(c.get(CRITICAL_COVERAGE)).append('\n');
        }
        jobs.add(
                job("unit", 10)
                        .name("unit")
                        .step(checkout())
                        .step(goCache(cache))
                        .step(
                                Step.run(
                                                "go test -race -coverprofile=coverage.out ./internal/... ./api/...")
                                        .id("test")
                                        .name("go test -race")
                                        .build())
                        .step(
                                Stages.coverageGate("coverage.out", c.get(COVERAGE))
                                        .format("go")
                                        .rules(rules.toString())
                                        .build())
                        .step(
                                Stages.uploadAlways(
                                        "upload-coverage", "unit-coverage", "coverage.out"))
                        .build());
        NormalJob.Builder envtest =
                job("envtest", 15).name("envtest").step(checkout()).step(goCache(cache));
        if (cache) {
            envtest.step(Stages.cache("envtest-cache", "bin/k8s", "envtest", "Makefile", "go.sum"));
        }
        jobs.add(
                envtest.step(
                                Stages.withRetry("retry make envtest\n")
                                        .id("envtest-binaries")
                                        .name("Install envtest binaries")
                                        .build())
                        .step(
                                Step.run(
                                                "KUBEBUILDER_ASSETS=\"$(bin/setup-envtest use -p path --bin-dir bin/k8s)\" go test ./internal/controller/... -tags=envtest")
                                        .id("test")
                                        .name("Controller tests against a real API server")
                                        .build())
                        .build());
        jobs.add(
                job("build", 10)
                        .name("build (" + Expr.matrix("arch").wrapped() + ")")
                        .strategy(
                                Strategy.of(Matrix.builder().axis("arch", "amd64", "arm64").build())
                                        .failFast(false))
                        .step(checkout())
                        .step(goCache(cache))
                        .step(
                                Step.run(
                                                "version=\"${GITHUB_REF_NAME}\"\n"
                                                        + "case \"$GITHUB_REF\" in refs/tags/*) ;; *) version=\"$GITHUB_SHA\";; esac\n"
                                                        + "GOOS=linux GOARCH=\"$ARCH\" CGO_ENABLED=0 go build -trimpath \\\n"
                                                        + "  -ldflags \"-s -w -X main.version=$version\" -o \"dist/manager-linux-$ARCH\" ./cmd\n"
                                                        + "size=$(stat -c %s \"dist/manager-linux-$ARCH\")\n"
                                                        + "[ \"$size\" -lt 104857600 ] || { echo \"::error::binary is $size bytes (limit 100 MB)\"; exit 1; }\n")
                                        .id("build")
                                        .name("Build, version from SHA or tag, size < 100 MB")
                                        .env("ARCH", Expr.matrix("arch"))
                                        .build())
                        .step(
                                Step.run(
                                                "if [ \"$ARCH\" = amd64 ]; then \"dist/manager-linux-$ARCH\" --version; fi")
                                        .id("smoke")
                                        .name("--version smoke")
                                        .env("ARCH", Expr.matrix("arch"))
                                        .build())
                        .step(
                                Stages.uploadAlways(
                                        "upload-binary",
                                        "manager-" + Expr.matrix("arch").wrapped(),
                                        "dist/"))
                        .build());
        jobs.add(
                job("verify", 5)
                        .name("verify")
                        .step(checkout())
                        .step(
                                Step.run(
                                                "bad=$(git grep -nE 'TODO(\\(|:| )' -- '*.go' | grep -vE 'TODO\\(#[0-9]+\\)|TODO\\(https://github.com/[^)]+/issues/[0-9]+\\)' || true)\n"
                                                        + "if [ -n \"$bad\" ]; then echo \"::error::TODOs need an issue link, e.g. TODO(#123):\"; echo \"$bad\"; exit 1; fi\n")
                                        .id("todos")
                                        .name("TODOs link an issue")
                                        .build())
                        .step(
                                Step.run(
                                                "if git grep -nE '(AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|ghp_[0-9A-Za-z]{36})' -- . ':!*.md'; then\n"
                                                        + "  echo \"::error::hard-coded secret\"; exit 1\nfi\n")
                                        .id("secrets")
                                        .name("No hard-coded secrets")
                                        .build())
                        .build());
        return jobs;
    }

    static NormalJob kindSmoke(StackConfig c, List<NormalJob> checks, boolean cache) {
        NormalJob.Builder b =
                job("kind-smoke", 15)
                        .name("kind smoke test")
                        .needs(checks.toArray(NormalJob[]::new))
                        .step(checkout())
                        .step(goCache(cache));
        // kind keeps its node image in the Docker daemon: the cache holds a docker save of it and
        // of the Dockerfile's
        // base images, loaded before the cluster is created and saved after the first build on a
        // cache miss.
        if (cache) {
            b.step(
                    Stages.cache(
                            "kind-cache",
                            "~/.cache/kind-images",
                            "kind",
                            "hack/kind-config.yaml",
                            "**/Dockerfile*"));
            b.step(
                    Step.run(
                                    "if [ -f ~/.cache/kind-images/images.tar ]; then docker load -i ~/.cache/kind-images/images.tar; fi\n")
                            .id("load-kind-cache")
                            .name("Load the cached node and base images")
                            .build());
        }
        b.step(
                        HelmKindAction.builder()
                                .id("kind")
                                .name("Create a kind cluster")
                                .config("hack/kind-config.yaml")
                                .clusterName("smoke")
                                .build())
                .step(
                        Stages.withRetry(
                                        "docker build -t controller:smoke .\n"
                                                + "retry kind load docker-image controller:smoke --name smoke\n"
                                                + "make install\n"
                                                + "make deploy IMG=controller:smoke\n"
                                                + "ns=${NAMESPACE:-$(sed -n 's/^namespace: *//p' config/default/kustomization.yaml)}\n"
                                                + "deployment=${DEPLOYMENT:-$(sed -n 's/^namePrefix: *//p' config/default/kustomization.yaml)controller-manager}\n"
                                                + "kubectl -n \"$ns\" rollout status \"deployment/$deployment\" --timeout=3m\n")
                                .id("deploy")
                                .name("Load the image, install CRDs, deploy")
                                .env("NAMESPACE", c.get(NAMESPACE))
                                .env("DEPLOYMENT", c.get(DEPLOYMENT))
                                .build());
        if (cache) {
            b.step(
                    Step.run(
                                    "if [ ! -f ~/.cache/kind-images/images.tar ]; then\n"
                                            + "  mkdir -p ~/.cache/kind-images\n"
                                            + "  images=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep -v -e '<none>' -e '^controller:' || true)\n"
                                            + "  # shellcheck disable=SC2086 # one image per word\n"
                                            + "  [ -z \"$images\" ] || docker save -o ~/.cache/kind-images/images.tar $images\n"
                                            + "fi\n")
                            .id("save-kind-cache")
                            .name("Save the node and base images for the cache")
                            .build());
        }
        return b.step(
                        Step.run(
                                        "for scenario in scale-up scale-down pause resume; do\n"
                                                + "  ./test/smoke/run.sh \"$scenario\"\n"
                                                + "done\n"
                                                + "./test/smoke/metrics.sh\n"
                                                + "./test/smoke/events.sh\n")
                                .id("scenarios")
                                .name("Scale up/down/pause/resume, metrics endpoint, events")
                                .build())
                .step(
                        Step.run(
                                        "kubectl get events -A > kind-events.txt\nkind export logs kind-logs --name smoke\n")
                                .id("collect")
                                .name("Collect logs")
                                .ifCondition(Expr.always())
                                .build())
                .step(
                        Stages.uploadAlways(
                                "upload-kind-logs", "kind-logs", "kind-logs/\nkind-events.txt"))
                .build();
    }

    static NormalJob report(List<NormalJob> all) {
        StringBuilder s = new StringBuilder("{\n  echo '| job | result |'\n  echo '|---|---|'\n");
        NormalJob.Builder b =
                job("report", 5)
                        .name("report")
                        .needs(all.toArray(NormalJob[]::new))
                        .ifCondition(Expr.always())
                        .permissions(Permissions.none());
        for (NormalJob j : all) {
            String var = j.id().toUpperCase(Locale.ROOT).replace('-', '_');
            s.append("  echo \"| ").append(j.id()).append(" | $").append(var).append(" |\"\n");
            b.env(var, j.result());
        }
        s.append("} >> \"$GITHUB_STEP_SUMMARY\"\n");
        s.append("for r in");
        for (NormalJob j : all) {
            s.append(" \"$").append(j.id().toUpperCase(Locale.ROOT).replace('-', '_')).append('"');
        }
        s.append("; do [ \"$r\" = success ] || exit 1; done\n");
        return b.step(Step.run(s.toString()).id("summary").name("Summarise").build()).build();
    }

    static Workflow ci(StackConfig c) {
        List<NormalJob> checks = checks(c, true);
        NormalJob smoke = kindSmoke(c, checks, true);
        List<NormalJob> all = new ArrayList<>(checks);
        all.add(smoke);
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(
                        Trigger.pullRequest(),
                        Trigger.push().branches("main"),
                        Trigger.schedule(c.get(WARMUP_CRON)),
                        Trigger.workflowDispatch())
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .jobs(checks)
                .job(smoke)
                .job(report(all))
                .build();
    }

    static Workflow release(StackConfig c) {
        List<NormalJob> checks = checks(c, false);
        NormalJob smoke = kindSmoke(c, checks, false);
        // Restores the cache of this tag's earlier attempts and of main (GitHub's cache scopes): no
        // other branch's. Any workflow run on main can write that scope, so a release would rather
        // build without it, but the reference requirement R4.2b asks for the BuildKit cache in this
        // tag flow's image (ReleaseImageCacheTest names this one exception).
        var build =
                Stages.buildPush(
                                c.get(IMAGE) + ":" + Expr.github("ref_name").wrapped(),
                                "linux/amd64,linux/arm64",
                                Stages.ImageCache.READ_WRITE,
                                Expr.lit("controller"))
                        .sbom("true")
                        .build();
        NormalJob image =
                job("image", 15)
                        .name("multi-arch image")
                        .needs(smoke)
                        .permissions(
                                Stages.read(
                                        PermissionScope.PACKAGES,
                                        PermissionLevel.WRITE,
                                        "steps login and build push the image to GHCR"))
                        .output("digest", build.output("digest"))
                        .step(
                                Step.run(
                                                "if [ \"$GITHUB_REF_TYPE\" != tag ]; then\n"
                                                        + "  echo \"::error::release.yml ran on branch $GITHUB_REF_NAME: dispatch it on a vX.Y.Z tag (Use workflow from → Tags)\"; exit 1\n"
                                                        + "fi\n"
                                                        + "case \"$GITHUB_REF_NAME\" in v[0-9]*.[0-9]*.[0-9]*) ;; *) echo \"::error::$GITHUB_REF_NAME is not vX.Y.Z\"; exit 1 ;; esac\n")
                                        .id("require-tag")
                                        .name("Require a vX.Y.Z tag")
                                        .build())
                        .step(checkout())
                        .step(Stages.setupQemu())
                        .step(Stages.setupBuildx())
                        .step(Stages.loginGhcr())
                        .step(build)
                        .build();
        NormalJob scan =
                job("scan", 10)
                        .name("security scan")
                        .needs(image)
                        .permissions(
                                Stages.read(
                                                PermissionScope.PACKAGES,
                                                PermissionLevel.READ,
                                                "step trivy pulls the pushed image from GHCR")
                                        .with(
                                                PermissionScope.SECURITY_EVENTS,
                                                PermissionLevel.WRITE,
                                                "step upload-sarif sends trivy's SARIF to code scanning"))
                        .step(checkout())
                        .step(
                                Stages.trivyImage(
                                        "trivy",
                                        c.get(IMAGE) + "@" + image.output("digest").wrapped(),
                                        "sarif",
                                        "trivy.sarif",
                                        false,
                                        true))
                        .step(Stages.uploadSarif("trivy.sarif", "trivy"))
                        .build();
        NormalJob e2e =
                job("e2e", 30)
                        .name("full e2e")
                        .needs(image)
                        .step(checkout())
                        .step(goCache(false))
                        .step(
                                HelmKindAction.builder()
                                        .id("kind")
                                        .name("Create a kind cluster")
                                        .config("hack/kind-config.yaml")
                                        .clusterName("e2e")
                                        .build())
                        // Full e2e: every test, DST transitions, cross-midnight windows and grace
                        // periods among them.
                        .step(
                                Step.run("go test ./test/e2e/... -tags=e2e -timeout 25m -v")
                                        .id("e2e")
                                        .name(
                                                "DST transitions, cross-midnight windows, grace periods")
                                        .env(
                                                "IMG",
                                                c.get(IMAGE)
                                                        + "@"
                                                        + image.output("digest").wrapped())
                                        .build())
                        .build();
        NormalJob publish =
                job("publish", 10)
                        .name("publish")
                        .needs(image, scan, e2e)
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        PermissionLevel.WRITE,
                                        "step release creates the GitHub release with the assets"))
                        .output("tag", Expr.github("ref_name"))
                        .step(checkout())
                        .step(
                                Step.run(
                                                "mkdir -p dist\n"
                                                        + "make build-installer IMG=\"$IMG\"\n"
                                                        + "cp dist/install.yaml dist/install.yaml.tmp && mv dist/install.yaml.tmp dist/install.yaml\n"
                                                        + "git archive --format=tar.gz --prefix=\"controller-$GITHUB_REF_NAME/\" -o \"dist/controller-$GITHUB_REF_NAME.tar.gz\" HEAD\n")
                                        .id("assets")
                                        .name("install.yaml and source archive")
                                        .env(
                                                "IMG",
                                                c.get(IMAGE)
                                                        + "@"
                                                        + image.output("digest").wrapped())
                                        .build())
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SBOM")
                                        .path(".")
                                        .format("spdx-json")
                                        .output("dist/controller.spdx.json")
                                        .build())
                        .step(
                                PipewrightChecksums.builder()
                                        .id("checksums")
                                        .name("checksums.txt")
                                        .files("dist/*")
                                        .output("dist/checksums.txt")
                                        .build())
                        .step(Stages.assetNames("dist/checksums.txt"))
                        .step(
                                Step.run(
                                                "gh release create \"$GITHUB_REF_NAME\" --verify-tag --title \"$GITHUB_REF_NAME\" dist/*")
                                        .id("release")
                                        .name("GitHub release")
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .build())
                        .build();
        NormalJob notes =
                job("notes", 5)
                        .name("release notes")
                        .needs(publish)
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        PermissionLevel.WRITE,
                                        "step notes writes the notes into the GitHub release"))
                        .step(Stages.checkoutHistory())
                        .step(
                                PipewrightReleaseNotes.builder()
                                        .id("notes")
                                        .name("Release notes from Conventional Commits")
                                        .githubRelease(true)
                                        .githubToken(Expr.github("token").wrapped())
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .on(Trigger.push().tags("v*.*.*"), Trigger.workflowDispatch())
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("release"))
                .jobs(checks)
                .job(smoke)
                .job(image)
                .job(scan)
                .job(e2e)
                .job(publish)
                .job(notes)
                .build();
    }
}
