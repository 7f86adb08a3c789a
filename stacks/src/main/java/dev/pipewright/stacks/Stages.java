package dev.pipewright.stacks;

import dev.pipewright.bindings.ActionsCache;
import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.ActionsDownloadArtifact;
import dev.pipewright.bindings.ActionsSetupGo;
import dev.pipewright.bindings.ActionsUploadArtifact;
import dev.pipewright.bindings.CodeqlUploadSarif;
import dev.pipewright.bindings.DockerBuildPushAction;
import dev.pipewright.bindings.DockerLoginAction;
import dev.pipewright.bindings.GolangciLintAction;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.expr.Function;
import dev.pipewright.model.expr.StringLiteral;
import dev.pipewright.stacks.actions.PipewrightCoverageGate;
import java.util.Arrays;

/**
 * The reusable building blocks of every stack: jobs with safe defaults (least-privilege
 * permissions, a timeout, a pinned runner) and the steps that recur across systems. Every step a
 * stack may want to change has an id, so overrides go by id.
 */
public final class Stages {
    /** The runner every stack uses unless overridden. */
    public static final String RUNNER = "ubuntu-24.04";

    /** The image every Trivy step runs: {@code aquasecurity/trivy-action}. */
    public static final String TRIVY = "aquasecurity/trivy-action@v0.24.0";

    public static final String SETUP_BUILDX = "docker/setup-buildx-action@v4.1.0";
    public static final String SETUP_QEMU = "docker/setup-qemu-action@v4.2.0";
    public static final String GITLEAKS = "gitleaks/gitleaks-action@v3.0.0";

    /**
     * A shell function retrying infrastructure commands (downloads, registry pulls) after 2 s, 4 s
     * and 8 s, each with up to 20 % jitter; tests are never wrapped in it.
     */
    public static final String RETRY_FUNCTION =
            """
            retry() {
              for delay in 2 4 8; do
                "$@" && return 0
                ms=$(( delay * 1000 + RANDOM % (delay * 200 + 1) ))
                echo "retrying in ${ms}ms (${delay}s + jitter): $*" >&2
                sleep "$(( ms / 1000 )).$(printf '%03d' $(( ms % 1000 )))"
              done
              "$@"
            }
            """;

    private Stages() {}

    /** A job on {@link #RUNNER} that can read the repository, with its timeout. */
    public static NormalJob.Builder job(String id, int timeoutMinutes) {
        return Job.builder(id)
                .runsOn(RUNNER)
                .permissions(Permissions.contentsRead())
                .timeoutMinutes(timeoutMinutes);
    }

    /**
     * {@code permissions} with contents: read plus this grant and what in the job needs it (written
     * as its comment).
     */
    public static Permissions.Scoped read(
            PermissionScope scope, PermissionLevel level, String reason) {
        return Permissions.contentsRead().with(scope, level, reason);
    }

    /**
     * A job that pushes an image to GHCR with {@link #loginGhcr()} and {@link #buildPush} and signs
     * it keyless with cosign (a step {@code cosign}): the grants, each with what needs it.
     */
    public static Permissions.Scoped imagePublishing() {
        return Permissions.contentsRead()
                .with(
                        PermissionScope.PACKAGES,
                        PermissionLevel.WRITE,
                        "steps login and build push the image to GHCR")
                .with(
                        PermissionScope.ID_TOKEN,
                        PermissionLevel.WRITE,
                        "step cosign signs keyless with the run's OIDC token");
    }

    /**
     * A job whose {@code pipewright-release-notes} step (id {@code release}) creates the GitHub
     * release.
     */
    public static Permissions.Scoped releaseNotesPublishing() {
        return Permissions.of(
                PermissionScope.CONTENTS,
                PermissionLevel.WRITE,
                "step release creates the GitHub release and uploads its assets");
    }

    /** Checkout without leaving the token in .git/config (nothing in the job pushes). */
    public static UsesStep checkout() {
        return ActionsCheckout.builder()
                .id("checkout")
                .name("Check out")
                .persistCredentials(false)
                .build();
    }

    /** Checkout of the whole history and tags, for release notes and commit ranges. */
    public static UsesStep checkoutHistory() {
        return ActionsCheckout.builder()
                .id("checkout")
                .name("Check out with history")
                .fetchDepth(0L)
                .persistCredentials(false)
                .build();
    }

    /**
     * setup-go from go.mod; with {@code cache} the module and build caches are keyed on go.sum,
     * else none (releases).
     */
    public static UsesStep setupGo(boolean cache) {
        ActionsSetupGo b =
                ActionsSetupGo.builder()
                        .id("setup-go")
                        .name("Set up Go")
                        .goVersionFile("go.mod")
                        .cache(cache);
        if (cache) {
            b.cacheDependencyPath("go.sum");
        }
        return b.build();
    }

    /** Cache of a tool's files keyed on the files that decide them, with a prefix restore key. */
    public static UsesStep cache(String id, String path, String prefix, String... keyFiles) {
        String key =
                prefix
                        + "-"
                        + Expr.github("job").wrapped()
                        + "-"
                        + Expr.runner().prop("os").wrapped()
                        + "-"
                        + Expr.hashFiles(keyFiles).wrapped();
        return ActionsCache.builder(path, key)
                .id(id)
                .name("Cache " + prefix)
                .restoreKeys(
                        prefix
                                + "-"
                                + Expr.github("job").wrapped()
                                + "-"
                                + Expr.runner().prop("os").wrapped()
                                + "-")
                .build();
    }

    /**
     * golangci-lint with the repository's .golangci.yml; warnings fail (the action exits non-zero
     * on any issue).
     */
    public static UsesStep golangciLint(String args, boolean cache) {
        GolangciLintAction b =
                GolangciLintAction.builder()
                        .id("golangci-lint")
                        .name("golangci-lint")
                        .version("v2.5.0")
                        .args(args);
        if (!cache) {
            b.skipCache(true);
        }
        return b.build();
    }

    /** gofmt: fails listing the files that are not formatted. */
    public static RunStep gofmt(boolean simplify) {
        String flags = simplify ? "-s -l" : "-l";
        return Step.run(
                        "unformatted=$(gofmt "
                                + flags
                                + " .)\n"
                                + "if [ -n \"$unformatted\" ]; then\n"
                                + "  echo \"::error::not gofmt "
                                + flags.replace(" -l", "").replace("-l", "").strip()
                                + "-formatted:\"; echo \"$unformatted\"; exit 1\nfi\n")
                .id("gofmt")
                .name(simplify ? "gofmt -s" : "gofmt")
                .build();
    }

    /** Our coverage gate on these reports. */
    public static PipewrightCoverageGate coverageGate(String files, int min) {
        return PipewrightCoverageGate.builder(files)
                .id("coverage-gate")
                .name("Coverage gate (" + min + " %)")
                .min(String.valueOf(min));
    }

    /** Upload an artifact, kept {@code days} days. */
    public static UsesStep upload(String id, String name, String path, int days) {
        return ActionsUploadArtifact.builder(path)
                .id(id)
                .name("Upload " + name)
                .nameInput(name)
                .retentionDays(days)
                .build();
    }

    /** Upload reports even when the job failed: kept 7 days after a success, 90 after a failure. */
    public static UsesStep uploadAlways(String id, String name, String path) {
        return ActionsUploadArtifact.builder(path)
                .id(id)
                .name("Upload " + name)
                .nameInput(name)
                .ifCondition(Expr.always())
                .retentionDays(Expr.raw("job.status == 'success' && 7 || 90"))
                .ifNoFilesFound("warn")
                .build();
    }

    public static UsesStep download(String name, String path) {
        return ActionsDownloadArtifact.builder()
                .id("download-" + name)
                .name("Download " + name)
                .nameInput(name)
                .path(path)
                .build();
    }

    /** Log in to GHCR with the job token (the job needs packages: write to push). */
    public static UsesStep loginGhcr() {
        return DockerLoginAction.builder()
                .id("login")
                .name("Log in to GHCR")
                .registry("ghcr.io")
                .username(Expr.github("actor").wrapped())
                .password(Expr.secret("GITHUB_TOKEN").wrapped())
                .build();
    }

    public static UsesStep setupBuildx() {
        return Step.uses(SETUP_BUILDX).id("buildx").name("Set up Docker Buildx").build();
    }

    public static UsesStep setupQemu() {
        return Step.uses(SETUP_QEMU).id("qemu").name("Set up QEMU").build();
    }

    /**
     * Who reads and writes BuildKit's GitHub Actions cache ({@code type=gha}) in {@link
     * #buildPush}. Any workflow run on the default branch can write a scope of that cache, so a
     * release that restores it builds what such a run left there (cache-poisoning); zizmor's audit
     * does not list docker/build-push-action, hence the choice is made here, per workflow trigger.
     */
    public enum ImageCache {
        /** The workflow runs only on the default branch (CI/CD): read and write the cache. */
        READ_WRITE,
        /**
         * The workflow runs on the default branch and on tags or release branches: the inputs are
         * expressions that are empty unless the run is on {@code refs/heads/main}, so a release run
         * neither restores nor writes the cache while main keeps it.
         */
        MAIN_ONLY,
        /** A release workflow: no cache-from, no cache-to. */
        NONE
    }

    /**
     * Build and push an image with BuildKit, its GitHub Actions cache in scope {@code scope} (text,
     * or a {@code ${{ }}} expression such as {@code ${{ matrix.service }}}) as {@code cache} says.
     */
    public static DockerBuildPushAction buildPush(
            String tags, String platforms, ImageCache cache, Expr scope) {
        DockerBuildPushAction b =
                DockerBuildPushAction.builder()
                        .id("build")
                        .name("Build and push the image")
                        .context(".")
                        .platforms(platforms)
                        .push(true)
                        .tags(tags)
                        .provenance("mode=max");
        switch (cache) {
            case READ_WRITE ->
                    b.cacheTo("type=gha,mode=max,scope=" + text(scope))
                            .cacheFrom("type=gha,scope=" + text(scope));
            case MAIN_ONLY ->
                    b.cacheTo(onMain(gha("type=gha,mode=max,scope=", scope)))
                            .cacheFrom(onMain(gha("type=gha,scope=", scope)));
            case NONE -> {}
        }
        return b;
    }

    /** A literal's text as it stands, any other expression wrapped in {@code ${{ }}}. */
    private static String text(Expr e) {
        return e instanceof StringLiteral l ? l.value() : e.wrapped();
    }

    private static Expr gha(String prefix, Expr scope) {
        return scope instanceof StringLiteral l
                ? Expr.lit(prefix + l.value())
                : Expr.call(Function.FORMAT, Expr.lit(prefix + "{0}"), scope);
    }

    /**
     * {@code value} on the default branch, empty elsewhere (build-push-action then uses no cache).
     */
    private static String onMain(Expr value) {
        return Expr.github("ref").eq("refs/heads/main").and(value).or(Expr.lit("")).wrapped();
    }

    /** Trivy on an image: fails on HIGH/CRITICAL, writes {@code output} in {@code format}. */
    public static UsesStep trivyImage(
            String id,
            String imageRef,
            String format,
            String output,
            boolean ignoreUnfixed,
            boolean fail) {
        UsesStep.Builder b =
                Step.uses(TRIVY)
                        .id(id)
                        .name("Trivy image scan (" + format + ")")
                        .with("scan-type", "image")
                        .with("image-ref", imageRef)
                        .with("format", format)
                        .with("output", output)
                        .with("severity", "HIGH,CRITICAL")
                        .with("ignore-unfixed", ignoreUnfixed)
                        .with("exit-code", fail ? "1" : "0");
        return b.build();
    }

    /**
     * Upload SARIF to code scanning even when the scan failed (the job needs security-events:
     * write).
     */
    public static UsesStep uploadSarif(String file, String category) {
        return CodeqlUploadSarif.builder()
                .id("upload-sarif")
                .name("Upload " + category + " SARIF")
                .ifCondition(Expr.always())
                .sarifFile(file)
                .category(category)
                .build();
    }

    /**
     * Rewrites the names in checksum files written by our checksums action (relative to the
     * workspace, {@code dist/x}) to the bare names a release's assets have once downloaded side by
     * side, so that {@code sha256sum -c} run where they were downloaded finds them. {@code files}:
     * the checksum files, space-separated, in {@code dist/}.
     */
    public static RunStep assetNames(String files) {
        return Step.run(
                        "# released assets are downloaded side by side: sha256sum -c there looks for bare names\n"
                                + "sed -i 's#^\\([0-9a-f]*[ *][ *]\\)dist/#\\1#' "
                                + files
                                + "\n")
                .id("asset-names")
                .name("Name the files as a release download does")
                .build();
    }

    /** A run step that defines {@link #RETRY_FUNCTION} first. */
    public static RunStep.Builder withRetry(String script) {
        return Step.run(RETRY_FUNCTION + script);
    }

    /**
     * CI: one run per ref; a newer push to a pull request cancels the superseded run, main never.
     */
    public static Concurrency ciConcurrency() {
        return Concurrency.of(
                Expr.github("workflow").wrapped() + "-" + Expr.github("ref").wrapped(),
                Expr.github("event_name").eq(Expr.lit("pull_request")).wrapped());
    }

    /** Releases: one at a time, never cancelled. */
    public static Concurrency releaseConcurrency(String group) {
        return Concurrency.of(group, false);
    }

    /** Deployments: one per environment, never cancelled half-way. */
    public static Concurrency deployConcurrency(String environment) {
        return Concurrency.of("deploy-" + environment, false);
    }

    /**
     * A job that says whether every named secret is set, as output {@code available}: forks (no
     * secrets) skip the jobs gated on it; on a protected branch missing secrets fail the run.
     * Secrets cannot appear in {@code if:}, so they reach the script through env.
     */
    public static NormalJob secretsGate(String id, String... secrets) {
        RunStep.Builder check =
                Step.run(
                                "missing=\"\"\n"
                                        + String.join(
                                                "",
                                                Arrays.stream(secrets)
                                                        .map(
                                                                s ->
                                                                        "[ -n \"$"
                                                                                + s
                                                                                + "\" ] || missing=\"$missing "
                                                                                + s
                                                                                + "\"\n")
                                                        .toList())
                                        + "if [ -z \"$missing\" ]; then\n"
                                        + "  echo \"available=true\" >> \"$GITHUB_OUTPUT\"\n"
                                        + "elif [ \"$REF_PROTECTED\" = \"true\" ]; then\n"
                                        + "  echo \"::error::protected branch without secrets:$missing\"; exit 1\n"
                                        + "else\n"
                                        + "  echo \"::notice::secrets missing ($missing); integration tests skipped\"\n"
                                        + "  echo \"available=false\" >> \"$GITHUB_OUTPUT\"\n"
                                        + "fi\n")
                        .id("check")
                        .name("Are the integration secrets available?")
                        .env("REF_PROTECTED", Expr.github("ref_protected"));
        for (String s : secrets) {
            check.env(s, Expr.secret(s));
        }
        RunStep step = check.build();
        return Job.builder(id)
                .name("integration secrets available?")
                .runsOn(RUNNER)
                .permissions(Permissions.none())
                .timeoutMinutes(5)
                .output("available", step.output("available"))
                .step(step)
                .build();
    }
}
