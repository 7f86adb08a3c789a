package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** reference-pipelines.md §3, item by item, on generated-workflows/go-microservice/. */
@SuppressWarnings("unchecked")
@DisplayName("§3 go-microservice")
class GoMicroserviceRequirementsTest {
    static final String ID = "go-microservice";
    static final String IMAGE = "ghcr.io/${{ vars.GHCR_OWNER }}/service";
    static final Map<String, Object> CI = wf(ID, "ci.yml");
    static final Map<String, Object> CD = wf(ID, "cd.yml");
    static final Map<String, Object> REL = wf(ID, "release.yml");

    @Test
    @DisplayName("R3.1a ci.yml runs on pull requests and pushes to main")
    void ciTriggers() {
        assertThat(on(CI).keySet()).containsExactlyInAnyOrder("pull_request", "push");
        assertThat((List<String>) ((Map<String, Object>) on(CI).get("push")).get("branches"))
                .containsExactly("main");
    }

    @Test
    @DisplayName("R3.1b test: go test -race -v ./... with a timeout and a coverage profile")
    void goTest() {
        assertThat(run(step(job(CI, "test"), "test")))
                .matches(
                        "go test -race -v -timeout \\d+m -coverprofile=coverage.out \\./\\.\\.\\.");
    }

    @Test
    @DisplayName("R3.1c test: coverage gate by our coverage-gate action")
    void coverageGate() {
        assertThat(ours(ID, step(job(CI, "test"), "coverage-gate"), "coverage-gate"))
                .containsEntry("files", "coverage.out")
                .containsKey("min")
                .containsEntry("format", "go");
    }

    @Test
    @DisplayName("R3.1d test: property tests with ≥ 100 iterations")
    void propertyTests() {
        Map<String, Object> p = step(job(CI, "test"), "property-tests");
        assertThat(Integer.parseInt(str(env(p).get("ITERATIONS")))).isGreaterThanOrEqualTo(100);
        assertThat(run(p))
                .contains("-run 'Property' $pkgs -args -rapid.checks=\"$ITERATIONS\"")
                .contains("pgregory.net/rapid"); // only the packages whose tests import rapid know
        // the flag
    }

    @Test
    @DisplayName("R3.1e lint: golangci-lint with the repo's .golangci.yml")
    void lint() {
        Map<String, Object> s = step(job(CI, "lint"), "golangci-lint");
        assertThat(str(s.get("uses"))).startsWith("golangci/golangci-lint-action@");
        assertThat(with(s)).containsEntry("args", "--config=.golangci.yml");
    }

    @Test
    @DisplayName("R3.1f security: govulncheck fails on known vulnerabilities")
    void govulncheck() {
        String run = run(step(job(CI, "security"), "govulncheck"));
        assertThat(run).contains("go install golang.org/x/vuln/cmd/govulncheck@v");
        assertThat(run.strip())
                .endsWith("\ngovulncheck ./..."); // the text-mode run, exit status 3 on findings
    }

    @Test
    @DisplayName("R3.1g security: gitleaks over the pull request's commits")
    void gitleaks() {
        Map<String, Object> sec = job(CI, "security");
        assertThat(str(step(sec, "gitleaks").get("uses"))).startsWith("gitleaks/gitleaks-action@");
        assertThat(env(step(sec, "gitleaks")))
                .containsKey("GITHUB_TOKEN") // lists the PR's commits
                .containsEntry(
                        "GITLEAKS_LICENSE",
                        "${{ secrets.GITLEAKS_LICENSE }}"); // required for organisations
        assertThat(with(step(sec, "checkout"))).containsEntry("fetch-depth", 0);
        assertThat((Map<String, Object>) sec.get("permissions"))
                .containsEntry("pull-requests", "read");
    }

    @Test
    @DisplayName("R3.1h security: SARIF uploaded to code scanning")
    void sarif() {
        Map<String, Object> sec = job(CI, "security");
        Map<String, Object> up = step(sec, "upload-sarif");
        assertThat(str(up.get("uses"))).startsWith("github/codeql-action/upload-sarif@");
        assertThat(up.get("if")).isEqualTo("always()");
        assertThat(run(step(sec, "govulncheck")))
                .contains("-format sarif ./... > " + with(up).get("sarif_file"));
        assertThat((Map<String, Object>) sec.get("permissions"))
                .containsEntry("security-events", "write");
    }

    @Test
    @DisplayName("R3.1i Go module cache in every CI job")
    void moduleCache() {
        assertThat(using(CI, "actions/setup-go@"))
                .hasSize(3)
                .allSatisfy(
                        s ->
                                assertThat(with(s))
                                        .containsEntry("cache", true)
                                        .containsEntry("cache-dependency-path", "go.sum"));
    }

    @Test
    @DisplayName(
            "R3.2a cd.yml runs on main; release images are built, scanned and signed by release.yml")
    void cdTriggers() {
        // A release published with GITHUB_TOKEN starts no workflow, so cd.yml cannot listen for it.
        assertThat(on(CD).keySet()).containsExactly("push");
        assertThat((List<String>) ((Map<String, Object>) on(CD).get("push")).get("branches"))
                .containsExactly("main");
        Map<String, Object> images = job(REL, "images");
        assertThat(stepIds(images)).containsSubsequence("build", "trivy", "cosign");
        assertThat(with(step(images, "trivy")))
                .containsEntry("severity", "HIGH,CRITICAL")
                .containsEntry("exit-code", "1");
        assertThat(run(step(images, "cosign"))).contains("cosign sign --yes \"$IMAGE@$DIGEST\"");
    }

    @Test
    @DisplayName("R3.2b Buildx builds the (multi-stage) image and pushes it to GHCR")
    void buildxToGhcr() {
        Map<String, Object> img = job(CD, "image");
        assertThat(stepIds(img)).containsSubsequence("login", "buildx", "build");
        assertThat(with(step(img, "login"))).containsEntry("registry", "ghcr.io");
        assertThat(with(step(img, "build"))).containsEntry("push", true);
        assertThat((Map<String, Object>) img.get("permissions")).containsEntry("packages", "write");
    }

    @Test
    @DisplayName(
            "R3.2j BuildKit's gha cache in cd.yml (main only); release.yml's images neither read nor write it")
    void imageCacheOutsideReleases() {
        assertThat(with(step(job(CD, "image"), "build")))
                .containsEntry("cache-from", "type=gha,scope=service")
                .containsEntry("cache-to", "type=gha,mode=max,scope=service");
        assertThat(with(step(job(REL, "images"), "build")))
                .doesNotContainKeys("cache-from", "cache-to");
    }

    @Test
    @DisplayName(
            "R3.2c tags: the commit SHA on main (cd.yml), the version on release (release.yml)")
    void tags() {
        assertThat(with(step(job(CD, "image"), "build")))
                .containsEntry("tags", IMAGE + ":${{ github.sha }}");
        assertThat(str(with(step(job(REL, "images"), "build")).get("tags")))
                .contains(IMAGE + ":${{ needs.build.outputs.version }}");
    }

    @Test
    @DisplayName("R3.2d Trivy image scan fails on HIGH/CRITICAL, with a report artifact")
    void trivy() {
        Map<String, Object> img = job(CD, "image");
        assertThat(with(step(img, "trivy")))
                .containsEntry("severity", "HIGH,CRITICAL")
                .containsEntry("exit-code", "1");
        Map<String, Object> up = step(img, "upload-trivy");
        assertThat(up.get("if")).isEqualTo("always()");
        assertThat(with(up).get("path")).isEqualTo(with(step(img, "trivy")).get("output"));
    }

    @Test
    @DisplayName("R3.2e cosign signs the image")
    void cosign() {
        Map<String, Object> img = job(CD, "image");
        assertThat(stepIds(img)).containsSubsequence("build", "trivy", "cosign-install", "cosign");
        assertThat(run(step(img, "cosign"))).isEqualTo("cosign sign --yes \"$IMAGE@$DIGEST\"");
    }

    @Test
    @DisplayName("R3.2f staging deploys automatically from the kustomize overlay")
    void stagingKustomize() {
        Map<String, Object> s = job(CD, "deploy-staging");
        assertThat(needs(s)).containsExactly("image");
        assertThat(environment(s)).isEqualTo("staging");
        assertThat(run(step(s, "deploy")))
                .contains("cd deploy/overlays/staging")
                .contains("kustomize build . | kubectl apply -f -");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    @DisplayName(
            "R3.2g health check by our health gate: retries, configurable timeout, HTTP or exit-code based")
    void healthGate(String env) {
        Map<String, Object> with =
                ours(ID, step(job(CD, "deploy-" + env), "health"), "health-gate");
        assertThat(with).containsKeys("url", "timeout");
        // Retries with backoff and the command (exit code) alternative are the action's inputs.
        assertThat((Map<String, Object>) action(ID, "health-gate").get("inputs"))
                .containsKeys("url", "command", "timeout", "interval", "factor", "expect-status");
    }

    @Test
    @DisplayName(
            "R3.2h production deploys behind GitHub environment approval with a rolling update")
    void productionApprovalRolling() {
        Map<String, Object> p = job(CD, "deploy-production");
        assertThat(environment(p)).isEqualTo("production");
        assertThat(needs(p)).contains("deploy-staging");
        assertThat(run(step(p, "deploy")))
                .contains("deploy/overlays/production")
                .contains("kubectl apply")
                .contains("kubectl rollout status deployment/app");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    @DisplayName("R3.2i automatic rollback and a notification when the health check fails")
    void rollbackAndNotify(String env) {
        Map<String, Object> d = job(CD, "deploy-" + env);
        assertThat(stepIds(d)).containsSubsequence("health", "rollback", "notify");
        assertThat(step(d, "rollback").get("if")).isEqualTo("failure()");
        assertThat(run(step(d, "rollback"))).contains("kubectl rollout undo deployment/app");
        assertThat(step(d, "notify").get("if")).isEqualTo("failure()");
        assertThat(run(step(d, "notify")))
                .contains("gh issue create")
                .contains("gh label create deploy-failure");
        assertThat(env(step(d, "notify")))
                .containsEntry("ROLLBACK", "${{ steps.rollback.outcome }}");
    }

    @Test
    @DisplayName("R3.3a release.yml runs on v* tags")
    void releaseTrigger() {
        assertThat(on(REL).keySet()).containsExactly("push");
        assertThat((List<String>) ((Map<String, Object>) on(REL).get("push")).get("tags"))
                .containsExactly("v*");
    }

    @Test
    @DisplayName("R3.3b version metadata in the build")
    void versionMetadata() {
        assertThat(run(step(job(REL, "build"), "build"))).contains("-X main.version=$VERSION");
        assertThat(with(step(job(REL, "images"), "build")))
                .containsEntry("build-args", "VERSION=${{ needs.build.outputs.version }}");
    }

    @Test
    @DisplayName("R3.3c an SPDX SBOM from our sbom action")
    void spdxSbom() {
        assertThat(ours(ID, step(job(REL, "build"), "sbom"), "sbom"))
                .containsEntry("format", "spdx-json")
                .containsEntry("output", "dist/service.spdx.json");
    }

    @Test
    @DisplayName(
            "R3.3d SHA-256 and SHA-512 checksums of every artifact (our checksums action, after all of dist/)")
    void checksums() {
        Map<String, Object> b = job(REL, "build");
        assertThat(stepIds(b))
                .containsSubsequence("build", "sbom", "checksums", "asset-names", "upload-dist");
        // the files name the assets as they are downloaded, side by side (GoMicroserviceJobsTest
        // runs sha256sum -c there)
        assertThat(run(step(b, "asset-names")))
                .contains("dist/checksums.sha256.txt dist/checksums.sha512.txt");
        assertThat(ours(ID, step(b, "checksums"), "checksums"))
                .containsEntry("files", "dist/*")
                .containsEntry("algorithms", "sha256,sha512");
    }

    @Test
    @DisplayName("R3.3e a GitHub release with the artifacts, SBOM and checksums attached")
    void githubReleaseAssets() {
        Map<String, Object> p = job(REL, "publish");
        assertThat(needs(p)).contains("build", "images");
        assertThat(with(step(p, "download-dist"))).containsEntry("name", "dist");
        assertThat(with(step(p, "release"))).containsEntry("assets", "dist/*");
    }

    @Test
    @DisplayName("R3.3f the GitHub release has generated notes from our release-notes action")
    void generatedNotes() {
        Map<String, Object> notes =
                steps(job(REL, "publish")).stream()
                        .filter(s -> str(s.get("uses")).contains("pipewright-release-notes"))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "job 'publish' calls no pipewright-release-notes"));
        assertThat(ours(ID, notes, "release-notes"))
                .containsEntry("github-release", true)
                .containsKey("assets");
    }

    @Test
    @DisplayName("R3.3g images are tagged with the version and latest")
    void versionAndLatest() {
        assertThat(str(with(step(job(REL, "images"), "build")).get("tags")))
                .isEqualTo(IMAGE + ":${{ needs.build.outputs.version }}\n" + IMAGE + ":latest\n");
    }

    @Test
    @DisplayName("R3.4a semantic-version validation of the release tag")
    void semverValidation() {
        String run = run(step(job(REL, "build"), "version"));
        assertThat(run)
                .contains("grep -Eq '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)")
                .contains("exit 1");
        assertThat(stepIds(job(REL, "build")).indexOf("version"))
                .isLessThan(stepIds(job(REL, "build")).indexOf("build"));
    }

    @Test
    @DisplayName(
            "R3.4b health-check verification (success, timeout, error) is our health gate's, wired with status and timeout")
    void healthVerification() {
        // Success/timeout/error behaviour is tested in actions' HealthGateActionTest and
        // HealthLoopPropertyTest.
        assertThat(ours(ID, step(job(CD, "deploy-production"), "health"), "health-gate"))
                .containsEntry("expect-status", 200)
                .containsEntry("timeout", "120s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staging", "production"})
    @DisplayName("R3.4c rollback is idempotent (undo to the recorded previous revision)")
    void rollbackIdempotent(String env) {
        Map<String, Object> d = job(CD, "deploy-" + env);
        assertThat(run(step(d, "deploy"))).contains("> previous-revision");
        assertThat(run(step(d, "rollback")))
                .contains("revision=\"$(cat previous-revision 2>/dev/null || true)\"")
                .contains("kubectl rollout undo deployment/app -n app --to-revision=\"$revision\"");
    }
}
