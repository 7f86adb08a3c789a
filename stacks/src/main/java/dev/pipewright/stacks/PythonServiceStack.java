package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsSetupPython;
import dev.pipewright.bindings.CosignInstaller;
import dev.pipewright.model.Environment;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightSbom;
import java.util.List;

/**
 * A Python service: lint/format/type checks, pytest with a coverage gate, an image with scan,
 * signature and SBOM, GitOps staging with smoke tests and Alembic migrations (dry-run first), and a
 * 10 → 25 → 50 % canary halted on SLO breach before full production.
 */
public final class PythonServiceStack implements Stack {
    public static final Parameter<String> PYTHON =
            Parameter.string("python", "3.11", "Python version.")
                    .matching(ParameterPatterns.VERSION);
    public static final Parameter<String> PACKAGES =
            Parameter.string(
                            "packages",
                            "app",
                            "Packages checked by mypy and measured by pytest-cov (space-separated).")
                    .matching(ParameterPatterns.PACKAGES);
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 85, "Minimum coverage in percent.").between(0, 100);
    public static final Parameter<String> IMAGE =
            Parameter.requiredString(
                            "image",
                            "Image repository on GHCR (the image job logs in to ghcr.io).",
                            "ghcr.io/${{ vars.GHCR_OWNER }}/drive-simulator")
                    .matching(ParameterPatterns.IMAGE);
    public static final Parameter<List<String>> CANARY_STEPS =
            Parameter.list(
                            "canary-steps",
                            List.of("10", "25", "50"),
                            "Canary traffic percentages, in order.")
                    .matching(ParameterPatterns.PERCENT);
    public static final Parameter<Integer> STABLE_MINUTES =
            Parameter.integer(
                            "stable-minutes",
                            30,
                            "Minutes the last canary step must stay within SLO before full production.")
                    .between(1, null);
    public static final Parameter<Integer> STEP_MINUTES =
            Parameter.integer(
                            "step-minutes",
                            5,
                            "Minutes each canary step is analysed before the next one.")
                    .between(1, null);
    public static final Parameter<String> SLO_QUERY =
            Parameter.string(
                    "slo-query",
                    "sum(rate(http_requests_total{release=\"app-canary\",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{release=\"app-canary\"}[1m]))",
                    "PromQL giving the canary's error ratio; asked of vars.PROMETHEUS_URL again and again over each window.");
    public static final Parameter<String> SLO_MAX_ERROR_RATIO =
            Parameter.string(
                            "slo-max-error-ratio",
                            "0.01",
                            "Largest error ratio the canary may show at any check; more halts and rolls back.")
                    .matching("0?\\.[0-9]+|0|1");

    @Override
    public String id() {
        return "python-service";
    }

    @Override
    public String description() {
        return "Python service: checks, coverage gate, signed image, GitOps staging, migrations, canary to production";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(
                PYTHON,
                PACKAGES,
                COVERAGE,
                IMAGE,
                CANARY_STEPS,
                STEP_MINUTES,
                STABLE_MINUTES,
                SLO_QUERY,
                SLO_MAX_ERROR_RATIO);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), cd(c));
    }

    /**
     * setup-python without pip's cache: both workflows run on pushes to release/* (cd.yml deploys
     * from there), which makes every job of theirs a release job, and a release must not restore a
     * cache that another run wrote (cache-poisoning).
     */
    static Step setupPython(StackConfig c) {
        return ActionsSetupPython.builder()
                .id("setup-python")
                .name("Set up Python")
                .pythonVersion(c.get(PYTHON))
                .build();
    }

    static Step install() {
        return Stages.withRetry("retry python -m pip install -r requirements-dev.txt\n")
                .id("install")
                .name("Install requirements-dev.txt")
                .build();
    }

    /**
     * A kubeconfig from the environment's KUBECONFIG secret, for helm and kubectl in the later
     * steps.
     */
    static Step clusterLogin(String env) {
        return Step.run(
                        ": \"${KUBECONFIG_DATA:?set secret KUBECONFIG of environment "
                                + env
                                + " to a kubeconfig for its cluster}\"\n"
                                + "umask 077\n"
                                + "printf '%s' \"$KUBECONFIG_DATA\" > \"$RUNNER_TEMP/kubeconfig\"\n"
                                + "echo \"KUBECONFIG=$RUNNER_TEMP/kubeconfig\" >> \"$GITHUB_ENV\"\n")
                .id("cluster-login")
                .name("Cluster credentials (" + env + ")")
                .env("KUBECONFIG_DATA", Expr.secret("KUBECONFIG"))
                .build();
    }

    /**
     * Canary analysis: asks Prometheus for the error ratio once per interval, window / interval
     * times (at least twice), and fails at the first breach (or when the query has no data). The
     * number of checks is fixed, as in Argo Rollouts' analysis ({@code count} and {@code
     * interval}), rather than "until the window ends": on a slow runner a deadline would silently
     * mean fewer checks. Window and interval can be shortened per environment with variables.
     */
    static Step sloAnalysis(
            StackConfig c, String id, String label, String windowVar, int windowSeconds) {
        return Step.run(
                        ": \"${PROMETHEUS_URL:?set variable PROMETHEUS_URL of environment production to the Prometheus that scrapes the canary}\"\n"
                                + "total=$(( WINDOW_SECONDS / INTERVAL ))\n"
                                + "[ \"$total\" -ge 2 ] || total=2\n"
                                + "for checks in $(seq 1 \"$total\"); do\n"
                                + "  ratio=$(curl -fsS --get \"$PROMETHEUS_URL/api/v1/query\" --data-urlencode \"query=$QUERY\" | jq -r '.data.result[0].value[1] // empty')\n"
                                + "  if [ -z \"$ratio\" ]; then echo \"::error::"
                                + label
                                + ": the SLO query returned no data (check $checks)\"; exit 1; fi\n"
                                + "  if ! awk -v r=\"$ratio\" -v max=\"$MAX\" 'BEGIN { exit !(r + 0 <= max + 0) }'; then\n"
                                + "    echo \"::error::"
                                + label
                                + ": SLO breached, error ratio $ratio > $MAX (check $checks)\"; exit 1\n"
                                + "  fi\n"
                                + "  [ \"$checks\" -eq \"$total\" ] || sleep \"$INTERVAL\"\n"
                                + "done\n"
                                + "echo \""
                                + label
                                + ": SLO held for ${WINDOW_SECONDS}s ($total checks, last error ratio $ratio)\"\n")
                .id(id)
                .name(label + ": SLO analysis (halts on breach)")
                .env("PROMETHEUS_URL", Expr.var("PROMETHEUS_URL"))
                .env("QUERY", c.get(SLO_QUERY))
                .env("MAX", c.get(SLO_MAX_ERROR_RATIO))
                .env(
                        "WINDOW_SECONDS",
                        Expr.var(windowVar).or(Expr.lit(String.valueOf(windowSeconds))))
                .env("INTERVAL", Expr.var("CANARY_CHECK_INTERVAL_SECONDS").or(Expr.lit("30")))
                .build();
    }

    static NormalJob lint(StackConfig c) {
        return job("lint", 10)
                .name("lint, format, types")
                .step(checkout())
                .step(setupPython(c))
                .step(install())
                .step(Step.run("ruff check .").id("ruff").name("ruff check").build())
                .step(Step.run("black --check .").id("black").name("black --check").build())
                .step(Step.run("mypy " + c.get(PACKAGES)).id("mypy").name("mypy").build())
                .step(
                        Stages.withRetry(
                                        "retry npm install -g markdownlint-cli@0.45.0\nmarkdownlint '**/*.md'\n")
                                .id("markdownlint")
                                .name("markdownlint")
                                .build())
                .build();
    }

    static NormalJob test(StackConfig c) {
        StringBuilder cov = new StringBuilder();
        for (String p : c.get(PACKAGES).split("\\s+")) {
            cov.append(" --cov=").append(p);
        }
        return job("test", 15)
                .name("pytest")
                .step(checkout())
                .step(setupPython(c))
                .step(install())
                .step(
                        Step.run("pytest" + cov + " --cov-report=xml:coverage.xml")
                                .id("pytest")
                                .name("pytest --cov")
                                .build())
                .step(Stages.uploadAlways("upload-coverage", "coverage-xml", "coverage.xml"))
                .step(
                        Stages.coverageGate("coverage.xml", c.get(COVERAGE))
                                .format("cobertura")
                                .build())
                .build();
    }

    /**
     * The seed's "dependency scan (Trivy)": the requirements files scanned on every pull request,
     * where no image is built; it fails on HIGH/CRITICAL, and in CD the image (so every promotion)
     * waits for it.
     */
    static NormalJob dependencies() {
        return job("dependencies", 10)
                .name("dependency scan (Trivy)")
                .step(checkout())
                .step(
                        Step.uses(Stages.TRIVY)
                                .id("trivy-fs")
                                .name("Trivy dependency scan (requirements files)")
                                .with("scan-type", "fs")
                                .with("scan-ref", ".")
                                .with("scanners", "vuln")
                                .with("severity", "HIGH,CRITICAL")
                                .with("exit-code", "1")
                                .build())
                .build();
    }

    static Workflow ci(StackConfig c) {
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.push().branches("main", "release/*"), Trigger.pullRequest())
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(lint(c))
                .job(test(c))
                .job(dependencies())
                .build();
    }

    static Workflow cd(StackConfig c) {
        NormalJob lint = lint(c);
        NormalJob test = test(c);
        NormalJob dependencies = dependencies();
        var build =
                Stages.buildPush(
                                c.get(IMAGE) + ":" + Expr.github("sha").wrapped(),
                                "linux/amd64",
                                // cd.yml also runs on release/*: those runs build without the cache
                                Stages.ImageCache.MAIN_ONLY,
                                Expr.lit("service"))
                        .build();
        String ref = c.get(IMAGE) + "@" + build.output("digest").wrapped();
        NormalJob image =
                job("image", 30)
                        .name("image, scan, SBOM, signature")
                        .needs(lint, test, dependencies)
                        .permissions(
                                Stages.imagePublishing()
                                        .with(
                                                PermissionScope.SECURITY_EVENTS,
                                                PermissionLevel.WRITE,
                                                "step upload-sarif sends trivy's SARIF to code scanning"))
                        .output("digest", build.output("digest"))
                        .step(checkout())
                        .step(Stages.loginGhcr())
                        .step(Stages.setupBuildx())
                        .step(build)
                        .step(Stages.trivyImage("trivy", ref, "sarif", "trivy.sarif", false, true))
                        .step(Stages.uploadSarif("trivy.sarif", "trivy"))
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SBOM")
                                        .path(".")
                                        .format("spdx-json")
                                        .output("sbom.spdx.json")
                                        .build())
                        .step(
                                CosignInstaller.builder()
                                        .id("cosign-install")
                                        .name("Install cosign")
                                        .build())
                        .step(
                                Step.run(
                                                "cosign sign --yes \"$REF\"\ncosign attest --yes --type spdxjson --predicate sbom.spdx.json \"$REF\"\n")
                                        .id("cosign")
                                        .name("Sign the image and attest its SBOM (keyless)")
                                        .env("REF", ref)
                                        .build())
                        .build();
        String digest = image.output("digest").wrapped();
        NormalJob staging =
                job("staging", 30)
                        .name("staging (GitOps) and smoke tests")
                        .needs(image)
                        .environment(Environment.of("staging"))
                        .concurrency(Stages.deployConcurrency("staging"))
                        .step(checkout())
                        .step(setupPython(c))
                        .step(install())
                        .step(clusterLogin("staging"))
                        .step(
                                Step.run(
                                                "alembic upgrade head --sql > migration.sql\ncat migration.sql >> \"$GITHUB_STEP_SUMMARY\"\n")
                                        .id("migration-dry-run")
                                        .name("Alembic --sql dry-run")
                                        .env("DATABASE_URL", Expr.secret("DATABASE_URL"))
                                        .build())
                        .step(
                                Step.run("alembic upgrade head")
                                        .id("migrate")
                                        .name("Alembic upgrade (staging)")
                                        .env("DATABASE_URL", Expr.secret("DATABASE_URL"))
                                        .build())
                        .step(
                                Step.run(
                                                "helm upgrade --install app deploy/chart -f deploy/values-staging.yaml "
                                                        + "--set image.repository=\"$IMAGE\" --set image.digest=\"$DIGEST\" --wait --timeout 10m")
                                        .id("deploy")
                                        .name("Helm upgrade (chart and values from deploy/)")
                                        .env("IMAGE", c.get(IMAGE))
                                        .env("DIGEST", digest)
                                        .build())
                        .step(
                                Step.run(
                                                ": \"${STAGING_URL:?set variable STAGING_URL of environment staging to the base URL of the service}\"\n"
                                                        + "pytest tests/smoke --base-url \"$STAGING_URL\"\n")
                                        .id("smoke")
                                        .name("Smoke tests")
                                        .env("STAGING_URL", Expr.var("STAGING_URL"))
                                        .build())
                        .build();
        NormalJob.Builder canary =
                job("canary", 30 + 15 * c.get(CANARY_STEPS).size() + c.get(STABLE_MINUTES))
                        .name(
                                "canary "
                                        + String.join(
                                                " → ",
                                                c.get(CANARY_STEPS).stream()
                                                        .map(p -> p + " %")
                                                        .toList())
                                        + " then production")
                        .needs(image, staging)
                        .environment(Environment.of("production"))
                        .concurrency(Stages.deployConcurrency("production"))
                        .step(checkout())
                        .step(setupPython(c))
                        .step(install())
                        .step(clusterLogin("production"))
                        .step(
                                Step.run("alembic upgrade head --sql > migration.sql")
                                        .id("migration-dry-run")
                                        .name("Alembic --sql dry-run (production)")
                                        .env("DATABASE_URL", Expr.secret("DATABASE_URL"))
                                        .build())
                        .step(
                                Step.run("alembic upgrade head")
                                        .id("migrate")
                                        .name("Alembic upgrade (production)")
                                        .env("DATABASE_URL", Expr.secret("DATABASE_URL"))
                                        .build());
        for (String pct : c.get(CANARY_STEPS)) {
            canary.step(
                            Step.run(
                                            "helm upgrade --install app-canary deploy/chart -f deploy/values-production.yaml "
                                                    + "--set canary.weight="
                                                    + pct
                                                    + " --set image.digest=\"$DIGEST\" --wait")
                                    .id("canary-" + pct)
                                    .name("Canary " + pct + " %")
                                    .env("DIGEST", digest)
                                    .build())
                    .step(
                            sloAnalysis(
                                    c,
                                    "slo-" + pct,
                                    "Canary " + pct + " %",
                                    "CANARY_STEP_SECONDS",
                                    c.get(STEP_MINUTES) * 60));
        }
        canary.step(
                        sloAnalysis(
                                c,
                                "slo-stable",
                                "Stable at "
                                        + c.get(CANARY_STEPS).get(c.get(CANARY_STEPS).size() - 1)
                                        + " %",
                                "CANARY_STABLE_SECONDS",
                                c.get(STABLE_MINUTES) * 60))
                .step(
                        Step.run(
                                        "helm upgrade --install app deploy/chart -f deploy/values-production.yaml "
                                                + "--set image.digest=\"$DIGEST\" --wait\nhelm uninstall app-canary\n")
                                .id("promote")
                                .name("Full production")
                                .env("DIGEST", digest)
                                .build())
                // Production itself is rolled back only when its own upgrade was attempted and
                // failed.
                .step(
                        Step.run(
                                        "helm uninstall app-canary || true\n"
                                                + "if [ \"$PROMOTE\" = failure ]; then helm rollback app --wait; fi\n")
                                .id("halt")
                                .name("Halt the canary and roll back on failure")
                                .env("PROMOTE", Expr.raw("steps.promote.outcome"))
                                .ifCondition(Expr.failure())
                                .build());
        return Workflow.builder("cd.yml")
                .name("CD")
                .on(Trigger.push().branches("main", "release/*"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("cd-" + Expr.github("ref").wrapped()))
                .job(lint)
                .job(test)
                .job(dependencies)
                .job(image)
                .job(staging)
                .job(canary.build())
                .build();
    }
}
