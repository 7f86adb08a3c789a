package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** reference-pipelines.md §2, item by item, on generated-workflows/python-service/. */
@SuppressWarnings("unchecked")
@DisplayName("§2 python-service")
class PythonServiceRequirementsTest {
    static final String ID = "python-service";
    static final Map<String, Object> CI = wf(ID, "ci.yml");
    static final Map<String, Object> CD = wf(ID, "cd.yml");
    static final String IMAGE = "ghcr.io/${{ vars.GHCR_OWNER }}/drive-simulator";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ci.yml", "cd.yml"})
    @DisplayName(
            "R2.1a lint/format/type: ruff check ., black --check ., mypy <packages>, markdownlint")
    void lintFormatType(String file) {
        Map<String, Object> lint = job(wf(ID, file), "lint");
        assertThat(stepIds(lint))
                .containsSubsequence("install", "ruff", "black", "mypy", "markdownlint");
        assertThat(run(step(lint, "ruff"))).isEqualTo("ruff check .");
        assertThat(run(step(lint, "black"))).isEqualTo("black --check .");
        assertThat(run(step(lint, "mypy"))).matches("mypy [a-z_][a-z0-9_]*( [a-z_][a-z0-9_]*)*");
        assertThat(run(step(lint, "markdownlint")))
                .contains("markdownlint-cli@")
                .contains("markdownlint '**/*.md'");
    }

    @Test
    @DisplayName("R2.1b dependencies come from requirements-dev.txt")
    void requirementsDev() {
        for (String j : List.of("lint", "test")) {
            assertThat(run(step(job(CI, j), "install")))
                    .contains("pip install -r requirements-dev.txt");
        }
    }

    @Test
    @DisplayName(
            "R2.1d both workflows run on pushes to release/*, so no job restores pip's cache (cache-poisoning)")
    void noCacheOnReleaseBranches() {
        for (Map<String, Object> w : List.of(CI, CD)) {
            assertThat(using(w, "actions/setup-python@"))
                    .isNotEmpty()
                    .allSatisfy(
                            s ->
                                    assertThat(with(s))
                                            .doesNotContainKeys("cache", "cache-dependency-path"));
        }
    }

    @Test
    @DisplayName(
            "R2.3b cd.yml runs on release/* too: its image build reads and writes BuildKit's gha cache on main only")
    void imageCacheOnMainOnly() {
        assertThat((List<String>) ((Map<String, Object>) on(CD).get("push")).get("branches"))
                .contains("main", "release/*");
        assertThat(with(step(job(CD, "image"), "build")))
                .containsEntry(
                        "cache-from",
                        "${{ github.ref == 'refs/heads/main' && 'type=gha,scope=service' || '' }}")
                .containsEntry(
                        "cache-to",
                        "${{ github.ref == 'refs/heads/main'"
                                + " && 'type=gha,mode=max,scope=service' || '' }}");
    }

    @Test
    @DisplayName("R2.1c Python 3.11")
    void python311() {
        for (Map<String, Object> w : List.of(CI, CD)) {
            assertThat(using(w, "actions/setup-python@"))
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(with(s)).containsEntry("python-version", "3.11"));
        }
    }

    @Test
    @DisplayName("R2.2a tests run pytest --cov=<pkgs>")
    void pytestCov() {
        assertThat(run(step(job(CI, "test"), "pytest"))).startsWith("pytest --cov=app ");
    }

    @Test
    @DisplayName("R2.2b coverage is gated at ≥ 85 % by our coverage-gate action")
    void coverageGate85() {
        assertThat(ours(ID, step(job(CI, "test"), "coverage-gate"), "coverage-gate"))
                .containsEntry("files", "coverage.xml")
                .containsEntry("min", "85")
                .containsEntry("format", "cobertura");
    }

    @Test
    @DisplayName("R2.2c the Cobertura coverage XML is uploaded")
    void coverageXmlUploaded() {
        Map<String, Object> test = job(CI, "test");
        assertThat(run(step(test, "pytest"))).contains("--cov-report=xml:coverage.xml");
        assertThat(with(step(test, "upload-coverage"))).containsEntry("path", "coverage.xml");
    }

    @Test
    @DisplayName("R2.3 build: a container image tagged with the commit SHA")
    void imageBySha() {
        Map<String, Object> b = step(job(CD, "image"), "build");
        assertThat(with(b))
                .containsEntry("push", true)
                .containsEntry("tags", IMAGE + ":${{ github.sha }}");
    }

    @Test
    @DisplayName("R2.4 staging deploys via GitOps/Helm, then runs smoke tests")
    void stagingHelmThenSmoke() {
        Map<String, Object> s = job(CD, "staging");
        assertThat(environment(s)).isEqualTo("staging");
        assertThat(stepIds(s)).containsSubsequence("deploy", "smoke");
        assertThat(run(step(s, "deploy")))
                .startsWith("helm upgrade --install")
                .contains("-f deploy/values-staging.yaml")
                .contains("--wait");
        assertThat(run(step(s, "smoke")))
                .contains("pytest tests/smoke --base-url \"$STAGING_URL\"");
        assertThat(env(step(s, "smoke"))).containsEntry("STAGING_URL", "${{ vars.STAGING_URL }}");
    }

    @Test
    @DisplayName(
            "R2.4c smoke tests without the staging URL stop with an error naming the variable, not a vague pytest failure")
    void smokeNamesTheMissingVariable() throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder("bash", "-e", "-c", run(step(job(CD, "staging"), "smoke")))
                        .redirectErrorStream(true);
        pb.environment().remove("STAGING_URL");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out)
                .contains("set variable STAGING_URL of environment staging")
                .doesNotContain("pytest:");
    }

    @Test
    @DisplayName("R2.5a canary steps 10 % → 25 % → 50 %")
    void canarySteps() {
        Map<String, Object> c = job(CD, "canary");
        assertThat(stepIds(c))
                .containsSubsequence(
                        "canary-10", "slo-10", "canary-25", "slo-25", "canary-50", "slo-50");
        for (int w : new int[] {10, 25, 50}) {
            assertThat(run(step(c, "canary-" + w))).contains("--set canary.weight=" + w + " ");
        }
    }

    @Test
    @DisplayName(
            "R2.5b the canary halts automatically on SLO breach (Prometheus asked over each window, then uninstall)")
    void haltOnSloBreach() {
        Map<String, Object> c = job(CD, "canary");
        for (String id : List.of("slo-10", "slo-25", "slo-50", "slo-stable")) {
            // PythonServiceJobsTest runs these against a scripted Prometheus: several checks per
            // window, halt at a breach.
            assertThat(run(step(c, id)))
                    .contains("for checks in $(seq 1 \"$total\"); do")
                    .contains("$PROMETHEUS_URL/api/v1/query")
                    .contains("exit 1");
            assertThat(env(step(c, id)))
                    .containsEntry("PROMETHEUS_URL", "${{ vars.PROMETHEUS_URL }}")
                    .containsEntry("MAX", "0.01");
            assertThat(step(c, id)).doesNotContainKey("continue-on-error");
        }
        Map<String, Object> halt = step(c, "halt");
        assertThat(halt.get("if")).isEqualTo("failure()");
        assertThat(run(halt)).contains("helm uninstall app-canary").contains("helm rollback app");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "canary"})
    @DisplayName(
            "R2.4b helm reaches the environment's cluster: a kubeconfig from its KUBECONFIG secret")
    void clusterLogin(String id) {
        Map<String, Object> j = job(CD, id);
        assertThat(stepIds(j)).containsSubsequence("cluster-login", "migrate");
        assertThat(env(step(j, "cluster-login")))
                .containsEntry("KUBECONFIG_DATA", "${{ secrets.KUBECONFIG }}");
    }

    @Test
    @DisplayName("R2.5c full production only after ≥ 30 minutes stable")
    void fullAfterSoak() {
        Map<String, Object> c = job(CD, "canary");
        assertThat(stepIds(c)).containsSubsequence("slo-50", "slo-stable", "promote");
        assertThat(str(env(step(c, "slo-stable")).get("WINDOW_SECONDS")))
                .isEqualTo("${{ vars.CANARY_STABLE_SECONDS || '1800' }}");
        assertThat((Integer) c.get("timeout-minutes")).isGreaterThan(30);
        assertThat(environment(c)).isEqualTo("production");
    }

    @Test
    @DisplayName(
            "R2.6a gates: Trivy image scan (image layers and the installed Python dependencies)")
    void trivyScan() {
        Map<String, Object> t = step(job(CD, "image"), "trivy");
        assertThat(str(t.get("uses"))).startsWith("aquasecurity/trivy-action@");
        assertThat(with(t))
                .containsEntry("scan-type", "image")
                .containsEntry("image-ref", IMAGE + "@${{ steps.build.outputs.digest }}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ci.yml", "cd.yml"})
    @DisplayName(
            "R2.6e gates: Trivy dependency scan of the requirements, on pull requests too, failing on HIGH/CRITICAL")
    void trivyDependencyScan(String file) {
        Map<String, Object> t = step(job(wf(ID, file), "dependencies"), "trivy-fs");
        assertThat(str(t.get("uses"))).startsWith("aquasecurity/trivy-action@");
        assertThat(with(t))
                .containsEntry("scan-type", "fs")
                .containsEntry("scan-ref", ".")
                .containsEntry("severity", "HIGH,CRITICAL")
                .containsEntry("exit-code", "1");
        assertThat(t).doesNotContainKey("continue-on-error");
    }

    @Test
    @DisplayName("R2.6b gates: the image is signed (cosign, keyless, by digest)")
    void imageSigned() {
        Map<String, Object> img = job(CD, "image");
        // Our sign action signs files (cosign sign-blob); an image signature is cosign's own job.
        assertThat(run(step(img, "cosign"))).contains("cosign sign --yes \"$REF\"");
        assertThat(env(step(img, "cosign")))
                .containsEntry("REF", IMAGE + "@${{ steps.build.outputs.digest }}");
        assertThat((Map<String, Object>) img.get("permissions")).containsEntry("id-token", "write");
    }

    @Test
    @DisplayName("R2.6c gates: an SBOM from our sbom action")
    void sbom() {
        assertThat(ours(ID, step(job(CD, "image"), "sbom"), "sbom"))
                .containsEntry("format", "spdx-json");
    }

    @Test
    @DisplayName(
            "R2.6d failing scans block promotion (Trivy exits 1; staging and canary need the image job)")
    void failingScanBlocks() {
        assertThat(with(step(job(CD, "image"), "trivy")))
                .containsEntry("exit-code", "1")
                .containsEntry("severity", "HIGH,CRITICAL");
        assertThat(step(job(CD, "image"), "trivy")).doesNotContainKey("continue-on-error");
        assertThat(needs(job(CD, "image"))).contains("dependencies");
        assertThat(needs(job(CD, "staging"))).contains("image");
        assertThat(needs(job(CD, "canary"))).contains("image", "staging");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "canary"})
    @DisplayName("R2.7a Alembic --sql dry-run runs first, before the migration")
    void dryRunFirst(String j) {
        Map<String, Object> job = job(CD, j);
        assertThat(stepIds(job)).containsSubsequence("migration-dry-run", "migrate");
        assertThat(run(step(job, "migration-dry-run"))).contains("alembic upgrade head --sql");
        assertThat(run(step(job, "migrate"))).isEqualTo("alembic upgrade head");
    }

    @Test
    @DisplayName("R2.7b migrations run in staging before production")
    void stagingBeforeProduction() {
        assertThat(environment(job(CD, "staging"))).isEqualTo("staging");
        assertThat(needs(job(CD, "canary"))).contains("staging");
        assertThat(stepIds(job(CD, "canary"))).containsSubsequence("migrate", "canary-10");
    }

    @Test
    @DisplayName("R2.8 triggers: push to main and release/*, pull requests")
    void triggers() {
        Map<String, Object> on = on(CI);
        assertThat(on.keySet()).containsExactlyInAnyOrder("push", "pull_request");
        assertThat((List<String>) ((Map<String, Object>) on.get("push")).get("branches"))
                .containsExactly("main", "release/*");
        assertThat((List<String>) ((Map<String, Object>) on(CD).get("push")).get("branches"))
                .containsExactly("main", "release/*");
    }
}
