package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** reference-pipelines.md §5, item by item, on generated-workflows/polyglot-platform/. */
@SuppressWarnings("unchecked")
@DisplayName("§5 polyglot-platform")
class PolyglotPlatformRequirementsTest {
    static final String ID = "polyglot-platform";
    static final String TAG =
            "${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}";
    static final Map<String, Object> CI = wf(ID, "ci.yml");
    static final Map<String, Object> CD = wf(ID, "cd.yml");
    static final Map<String, Object> PROMOTE = wf(ID, "promote.yml");

    static Map<String, Object> promoteJob() {
        return job(PROMOTE, "promote");
    }

    @Test
    @DisplayName("R5.1a core quality gate on push/PR: pnpm install + lint + Jest suites")
    void typescript() {
        assertThat(on(CI).keySet()).containsExactlyInAnyOrder("push", "pull_request");
        Map<String, Object> ts = job(CI, "typescript");
        assertThat(stepIds(ts))
                .containsSubsequence("pnpm", "setup-node", "install", "lint", "jest");
        assertThat(run(step(ts, "install"))).contains("pnpm install --frozen-lockfile");
        assertThat(run(step(ts, "lint"))).isEqualTo("pnpm lint");
        assertThat(run(step(ts, "jest"))).startsWith("pnpm jest");
    }

    @Test
    @DisplayName("R5.1b Python via uv: Ruff, MyPy, pytest")
    void python() {
        Map<String, Object> py = job(CI, "python");
        assertThat(str(step(py, "setup-uv").get("uses"))).startsWith("astral-sh/setup-uv@");
        assertThat(run(step(py, "sync"))).contains("uv sync --frozen");
        assertThat(run(step(py, "ruff"))).isEqualTo("uv run ruff check .");
        assertThat(run(step(py, "mypy"))).startsWith("uv run mypy");
        assertThat(run(step(py, "pytest"))).startsWith("uv run pytest --cov");
    }

    @Test
    @DisplayName("R5.1c coverage XML from both suites")
    void coverageXml() {
        assertThat(run(step(job(CI, "typescript"), "jest")))
                .contains("--coverageReporters=cobertura");
        assertThat(with(step(job(CI, "typescript"), "upload-ts-coverage")))
                .containsEntry("path", "coverage/cobertura-coverage.xml");
        assertThat(run(step(job(CI, "python"), "pytest")))
                .contains("--cov-report=xml:py-coverage.xml");
        assertThat(with(step(job(CI, "python"), "upload-py-coverage")))
                .containsEntry("path", "py-coverage.xml");
    }

    @Test
    @DisplayName("R5.1d coverage gate (our action) with ±2 % tolerance against the base branch")
    void coverageVsBase() {
        Map<String, Object> c = job(CI, "coverage");
        assertThat(needs(c)).containsExactlyInAnyOrder("typescript", "python");
        assertThat(run(step(c, "base")))
                .contains("--branch \"$BASE\"")
                .contains("--name coverage-report");
        assertThat(env(step(c, "base")).get("BASE"))
                .isEqualTo("${{ github.base_ref || github.event.repository.default_branch }}");
        assertThat(ours(ID, step(c, "coverage-gate"), "coverage-gate"))
                .containsEntry("files", "coverage/*.xml")
                .containsEntry("base-file", "base/coverage-gate.json")
                .containsEntry("max-drop", "2")
                .containsEntry("report-file", "coverage-gate.json");
        assertThat(with(step(c, "upload-report"))).containsEntry("name", "coverage-report");
    }

    @Test
    @DisplayName("R5.2a proto checks: buf lint, buf breaking, regenerate bindings")
    void proto() {
        Map<String, Object> p = job(CI, "proto");
        assertThat(with(step(p, "buf")))
                .containsEntry("lint", "true")
                .containsEntry("breaking", "${{ github.event_name == 'pull_request' }}")
                .containsEntry("push", "false");
        // stale means changed or added: a binding generated for a new proto file is untracked
        assertThat(run(step(p, "generate")))
                .contains("buf generate")
                .contains("git status --porcelain --untracked-files=all");
    }

    @Test
    @DisplayName("R5.2b buf push on main")
    void bufPush() {
        Map<String, Object> b = job(CD, "buf-push");
        assertThat(b.get("if")).isEqualTo("github.ref == 'refs/heads/main'");
        assertThat(with(step(b, "buf"))).containsEntry("push", "true");
    }

    @Test
    @DisplayName(
            "R5.3a service images: a verify job first, BuildKit with cache (on main; v*.*.* tag builds, releases, restore none)")
    void verifyThenBuildKit() {
        Map<String, Object> i = job(CD, "images");
        assertThat(needs(i)).containsExactly("verify");
        assertThat(stepIds(i)).containsSubsequence("buildx", "build");
        assertThat(with(step(i, "build")))
                .containsEntry(
                        "cache-from",
                        "${{ github.ref == 'refs/heads/main'"
                                + " && format('type=gha,scope={0}', matrix.service) || '' }}")
                .containsEntry(
                        "cache-to",
                        "${{ github.ref == 'refs/heads/main'"
                                + " && format('type=gha,mode=max,scope={0}', matrix.service) || '' }}");
    }

    @Test
    @DisplayName("R5.3b Azure login via OIDC, id-token: write only on that job")
    void azureOidc() {
        assertThat(str(step(job(CD, "images"), "azure").get("uses"))).startsWith("azure/login@");
        jobs(CD).forEach(
                        (id, j) -> {
                            Object perms = ((Map<String, Object>) j).get("permissions");
                            boolean oidc =
                                    perms instanceof Map<?, ?> m
                                            && "write".equals(m.get("id-token"));
                            assertThat(oidc).as(id).isEqualTo(id.equals("images"));
                        });
    }

    @Test
    @DisplayName("R5.3c tags: staging for branches, production for semver tags")
    void stagingProductionTags() {
        assertThat((List<String>) ((Map<String, Object>) on(CD).get("push")).get("tags"))
                .containsExactly("v*.*.*");
        // pushed under its commit; the environment tag is moved onto the digest only after the scan
        // and signature
        Map<String, Object> i = job(CD, "images");
        assertThat(str(with(step(i, "build")).get("tags")))
                .isEqualTo(
                        "${{ vars.ACR_LOGIN_SERVER }}/${{ matrix.service }}:${{ github.sha }}\n");
        assertThat(env(step(i, "env-tag"))).containsEntry("ENV_TAG", TAG);
        assertThat(run(step(i, "env-tag")))
                .contains("docker buildx imagetools create --tag \"$IMAGE:$ENV_TAG\" \"$REF\"");
        List<String> ids = stepIds(i);
        assertThat(ids).containsSubsequence("build", "trivy", "cosign", "env-tag");
    }

    @Test
    @DisplayName("R5.3d an SPDX SBOM from our sbom action")
    void spdxSbom() {
        assertThat(ours(ID, step(job(CD, "images"), "sbom"), "sbom"))
                .containsEntry("format", "spdx-json");
    }

    @Test
    @DisplayName("R5.3e keyless cosign signature and the SBOM attached as an attestation")
    void keylessSignAttest() {
        Map<String, Object> i = job(CD, "images");
        String run = run(step(i, "cosign"));
        assertThat(run)
                .contains("cosign sign --yes \"$REF\"")
                .contains(
                        "cosign attest --yes --type spdxjson --predicate "
                                + with(step(i, "sbom")).get("output"));
        assertThat(run).doesNotContain("--key");
    }

    @Test
    @DisplayName("R5.3f Trivy scan fails on HIGH/CRITICAL, ignores unfixed, uploads SARIF")
    void trivy() {
        Map<String, Object> i = job(CD, "images");
        assertThat(with(step(i, "trivy")))
                .containsEntry("severity", "HIGH,CRITICAL")
                .containsEntry("exit-code", "1")
                .containsEntry("ignore-unfixed", true)
                .containsEntry("format", "sarif");
        assertThat(step(i, "upload-sarif").get("if")).isEqualTo("always()");
        assertThat(str(step(i, "upload-sarif").get("uses")))
                .startsWith("github/codeql-action/upload-sarif@");
    }

    @Test
    @DisplayName("R5.4a promotion runs on a published release")
    void onPublishedRelease() {
        assertThat(on(PROMOTE).keySet()).containsExactly("release");
        assertThat((Map<String, Object>) on(PROMOTE).get("release"))
                .containsEntry("types", List.of("published"));
    }

    @Test
    @DisplayName("R5.4b promotion runs only for v* releases")
    void onlyVReleases() {
        assertThat(str(promoteJob().get("if")))
                .contains("startsWith(github.event.release.tag_name, 'v')");
    }

    @Test
    @DisplayName(
            "R5.4c promotion waits until the images are available in the registry, before verifying them")
    void waitsBeforeVerifying() {
        List<String> ids = stepIds(promoteJob());
        assertThat(ids.indexOf("images")).isBetween(0, ids.indexOf("verify-api"));
        Map<String, Object> wait = step(promoteJob(), "images");
        // exponential backoff up to WAIT_SECONDS per tag, then the digest every later step uses
        // the image built from the release's commit, once cd.yml has moved :production onto it
        // (scanned and signed)
        assertThat(run(wait))
                .contains("docker buildx imagetools inspect \"$1\" --format '{{.Manifest.Digest}}'")
                .contains("until digest=\"$(digest \"$2:$RELEASE_SHA\")\"")
                .contains("[ \"$(digest \"$2:production\" || true)\" = \"$digest\" ]")
                .contains("delay=$(( delay * 2 > 60 ? 60 : delay * 2 ))")
                .contains("echo \"$1-digest=$digest\" >> \"$GITHUB_OUTPUT\"")
                .contains("pin api \"$REGISTRY/api\"")
                .contains("pin worker ")
                .contains("pin web ");
        assertThat(env(wait))
                .containsEntry("WAIT_SECONDS", "900")
                .containsEntry("RELEASE_SHA", "${{ github.sha }}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api", "worker", "web"})
    @DisplayName(
            "R5.4d promotion verifies signatures + SBOM attestations (keyless, signed by cd.yml at the release tag)")
    void verifiesSignatures(String service) {
        Map<String, Object> v = step(promoteJob(), "verify-" + service);
        assertThat(run(v))
                .contains("cosign verify --certificate-identity")
                .contains("cosign verify-attestation --type spdxjson");
        // the digest pinned by the wait step, not the movable tag
        assertThat(env(v))
                .containsEntry(
                        "IMAGE",
                        "${{ vars.ACR_LOGIN_SERVER }}/"
                                + service
                                + "@${{ steps.images.outputs."
                                + service
                                + "-digest }}")
                .containsEntry("ISSUER", "https://token.actions.githubusercontent.com");
        assertThat(str(env(v).get("IDENTITY")))
                .endsWith(
                        "/.github/workflows/cd.yml@refs/tags/${{ github.event.release.tag_name }}");
    }

    @Test
    @DisplayName(
            "R5.4e promotion enforces the Trivy policy with an allowlist of waived CVEs (reason and expiry)")
    void trivyPolicy() {
        // Waivers without a reason are rejected and expired ones ignored by our promote action.
        assertThat(ours(ID, step(promoteJob(), "promote"), "promote"))
                .containsEntry("trivy-report", "trivy-*.json")
                .containsEntry("allowlist", ".trivyignore.yaml")
                .containsEntry("fail-on", "HIGH,CRITICAL")
                .containsEntry("ignore-unfixed", true);
        for (String s : List.of("api", "worker", "web")) {
            assertThat(with(step(promoteJob(), "trivy-" + s)))
                    .containsEntry("format", "json")
                    .containsEntry("output", "trivy-" + s + ".json");
        }
    }

    @Test
    @DisplayName(
            "R5.4f promotion rewrites the production Helm values with the new image tags and digests")
    void helmTagsAndDigests() {
        // The tag and the digest the wait step pinned (and every gate checked) go into the values
        // file.
        Map<String, Object> with = ours(ID, step(promoteJob(), "promote"), "promote");
        assertThat(with)
                .containsEntry("env", "production")
                .containsEntry("helm-values", "deploy/production/values.yaml");
        assertThat(str(with.get("image")))
                .contains(
                        "api=${{ vars.ACR_LOGIN_SERVER }}/api:production@${{ steps.images.outputs.api-digest }}\n")
                .contains(
                        "web=${{ vars.ACR_LOGIN_SERVER }}/web:production@${{ steps.images.outputs.web-digest }}\n");
    }

    @Test
    @DisplayName("R5.4g promotion opens (or updates) a promotion pull request")
    void opensPullRequest() {
        assertThat(ours(ID, step(promoteJob(), "promote"), "promote"))
                .containsEntry("github-token", "${{ github.token }}")
                .doesNotContainEntry("dry-run", "true");
        assertThat((Map<String, Object>) promoteJob().get("permissions"))
                .containsEntry("contents", "write")
                .containsEntry("pull-requests", "write");
    }

    @Test
    @DisplayName("R5.4h the promotion PR body summarises what was verified and any waived findings")
    void prBodySummary() {
        // cosign's keyless checks of each digest are listed among the gates; waivers come from the
        // allowlist
        Map<String, Object> with = ours(ID, step(promoteJob(), "promote"), "promote");
        for (String s : List.of("api", "worker", "web")) {
            assertThat(str(with.get("checks")))
                    .contains(
                            "signatures: "
                                    + s
                                    + " ${{ steps.images.outputs."
                                    + s
                                    + "-digest }} signed keyless by ")
                    .contains(
                            "SBOM attestations: "
                                    + s
                                    + " ${{ steps.images.outputs."
                                    + s
                                    + "-digest }} has a verified SPDX");
        }
        assertThat(with).containsEntry("allowlist", ".trivyignore.yaml");
    }

    @Test
    @DisplayName(
            "R5.5 SDK publishing for TS/Go/Python exports <PREFIX>_<LANG>_SDK_VERSION, version as job output and artifact")
    void sdk() {
        Map<String, Object> sdk = job(CD, "sdk");
        assertThat(
                        (List<String>)
                                ((Map<String, Object>)
                                                ((Map<String, Object>) sdk.get("strategy"))
                                                        .get("matrix"))
                                        .get("lang"))
                .containsExactly("TS", "GO", "PYTHON");
        assertThat(run(step(sdk, "publish")))
                .contains("echo \"PLATFORM_${LANG_ID}_SDK_VERSION=$version\" >> \"$GITHUB_ENV\"")
                .contains("echo \"version=$version\" >> \"$GITHUB_OUTPUT\"");
        assertThat((Map<String, Object>) sdk.get("outputs"))
                .containsEntry("version", "${{ steps.publish.outputs.version }}");
        assertThat(with(step(sdk, "upload-sdk-version"))).containsEntry("path", "sdk-version.env");
    }

    @Test
    @DisplayName("R5.6a environments staging and production with their own secrets")
    void environments() {
        Map<String, Object> images = job(CD, "images");
        assertThat(images.get("environment")).isEqualTo(TAG);
        assertThat(str(with(step(images, "azure")).get("client-id")))
                .isEqualTo("${{ secrets.AZURE_CLIENT_ID }}");
        assertThat(environment(job(CD, "sdk"))).isEqualTo("production");
        assertThat(environment(promoteJob())).isEqualTo("production");
    }

    @Test
    @DisplayName("R5.6b Dependabot for npm, pip, docker and github-actions")
    void dependabot() {
        assertThat((List<Map<String, Object>>) wf(ID, "dependabot.yml").get("updates"))
                .extracting(u -> u.get("package-ecosystem"))
                .containsExactly("npm", "pip", "docker", "github-actions");
        // the Dockerfiles are the services' build contexts, services/<name>: Dependabot finds none
        // at the root
        Map<String, Object> docker =
                ((List<Map<String, Object>>) wf(ID, "dependabot.yml").get("updates")).get(2);
        assertThat((List<String>) docker.get("directories"))
                .containsExactly("/services/api", "/services/worker", "/services/web");
        assertThat(docker).doesNotContainKey("directory");
    }
}
