package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** reference-pipelines.md §1, item by item, on generated-workflows/go-vault-plugin/. */
@SuppressWarnings("unchecked")
@DisplayName("§1 go-vault-plugin")
class GoVaultPluginRequirementsTest {
    static final String ID = "go-vault-plugin";
    static final String BIN = "bin/vault-plugin-secrets-payments";
    static final Map<String, Object> CI = wf(ID, "ci.yml");
    static final Map<String, Object> CD = wf(ID, "cd.yml");

    @Test
    @DisplayName(
            "R1.1 stages lint → unit → integration → artifact → deploy (dev → staging → production)")
    void stages() {
        assertThat(jobs(CD).keySet())
                .containsSubsequence(
                        "lint",
                        "unit",
                        "integration",
                        "artifact",
                        "deploy-dev",
                        "deploy-staging",
                        "deploy-production");
        assertThat(needs(job(CD, "unit"))).containsExactly("lint");
        assertThat(needs(job(CD, "integration"))).contains("unit");
        assertThat(needs(job(CD, "artifact"))).containsExactly("integration");
        assertThat(needs(job(CD, "deploy-dev"))).containsExactly("artifact");
        assertThat(needs(job(CD, "deploy-staging"))).containsExactly("deploy-dev");
        assertThat(needs(job(CD, "deploy-production"))).containsExactly("deploy-staging");
        assertThat(jobs(CI).keySet()).containsSubsequence("lint", "unit", "integration");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ci.yml", "cd.yml"})
    @DisplayName("R1.2a lint runs golangci-lint run --timeout=3m")
    void golangciLint(String file) {
        Map<String, Object> s = step(job(wf(ID, file), "lint"), "golangci-lint");
        assertThat(str(s.get("uses")))
                .startsWith("golangci/golangci-lint-action@"); // runs `golangci-lint run <args>`
        assertThat(with(s)).containsEntry("args", "--timeout=3m");
    }

    @Test
    @DisplayName("R1.2b lint has a formatting check (gofmt -l fails on any unformatted file)")
    void formatCheck() {
        String run = run(step(job(CI, "lint"), "gofmt"));
        assertThat(run).contains("gofmt -l .").contains("exit 1");
    }

    @Test
    @DisplayName(
            "R1.2c lint warnings fail: no issues-exit-code 0, only-new-issues or continue-on-error")
    void warningsFail() {
        // golangci-lint exits 1 on any reported issue whatever its severity unless told otherwise.
        Map<String, Object> lint = job(CI, "lint");
        assertThat(str(with(step(lint, "golangci-lint")).get("args")))
                .doesNotContain("--issues-exit-code");
        assertThat(with(step(lint, "golangci-lint"))).doesNotContainKey("only-new-issues");
        steps(lint).forEach(s -> assertThat(s).doesNotContainKey("continue-on-error"));
        assertThat(lint).doesNotContainKey("continue-on-error");
    }

    @Test
    @DisplayName(
            "R1.2d the Go module directory is cached (keyed on go.sum) in every Go job but the artifact job, which"
                    + " builds what is pushed, deployed and released and so restores no cache (cache-poisoning)")
    void moduleCache() {
        int cached = 0;
        for (Map<String, Object> w : List.of(CI, CD)) {
            for (Map.Entry<String, Object> j : jobs(w).entrySet()) {
                for (Map<String, Object> s : steps((Map<String, Object>) j.getValue())) {
                    if (!String.valueOf(s.get("uses")).startsWith("actions/setup-go@")) {
                        continue;
                    }
                    if (w == CD && j.getKey().equals("artifact")) {
                        assertThat(with(s))
                                .containsEntry("cache", false)
                                .doesNotContainKey("cache-dependency-path");
                    } else {
                        assertThat(with(s))
                                .as(j.getKey())
                                .containsEntry("cache", true)
                                .containsEntry("cache-dependency-path", "go.sum");
                        cached++;
                    }
                }
            }
        }
        assertThat(cached).isGreaterThanOrEqualTo(4);
        assertThat(using(CI, "actions/setup-go@")).isNotEmpty();
        assertThat(steps(job(CD, "artifact")))
                .anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-go@"));
    }

    @Test
    @DisplayName("R1.3a unit runs go test ./... -race -coverprofile=coverage.out")
    void unitTest() {
        assertThat(run(step(job(CI, "unit"), "test")))
                .isEqualTo("go test ./... -race -coverprofile=coverage.out");
    }

    @Test
    @DisplayName(
            "R1.3b the coverage report (profile and HTML) is published as an artifact, also when tests fail")
    void coverageArtifact() {
        Map<String, Object> unit = job(CI, "unit");
        assertThat(stepIds(unit))
                .containsSubsequence("test", "coverage-report", "upload-coverage", "coverage-gate");
        Map<String, Object> report = step(unit, "coverage-report");
        assertThat(run(report)).contains("go tool cover -html=coverage.out -o coverage.html");
        assertThat(report.get("if")).isEqualTo("always()");
        Map<String, Object> up = step(unit, "upload-coverage");
        assertThat(str(up.get("uses"))).startsWith("actions/upload-artifact@");
        assertThat(str(with(up).get("path")).lines())
                .containsExactly("coverage.out", "coverage.html");
        assertThat(up.get("if")).isEqualTo("always()");
    }

    @Test
    @DisplayName("R1.3c coverage is gated at ≥ 80 % by our coverage-gate action")
    void coverageGate() {
        assertThat(ours(ID, step(job(CI, "unit"), "coverage-gate"), "coverage-gate"))
                .containsEntry("files", "coverage.out")
                .containsEntry("min", "80")
                .containsEntry("format", "go");
    }

    @Test
    @DisplayName(
            "R1.4a integration runs go test ./test/integration -tags=integration against a Vault dev server")
    void integrationAgainstVaultDev() {
        Map<String, Object> j = job(CI, "integration");
        assertThat(stepIds(j)).containsSubsequence("vault-dev", "integration");
        assertThat(run(step(j, "vault-dev")))
                .contains("hashicorp/vault")
                .contains("VAULT_DEV_ROOT_TOKEN_ID");
        assertThat(run(step(j, "integration")))
                .isEqualTo("go test ./test/integration -tags=integration");
        assertThat(env(step(j, "integration")))
                .containsEntry("VAULT_ADDR", "http://127.0.0.1:8200");
    }

    @Test
    @DisplayName("R1.4b integration gets secrets SANDBOX_CREDENTIALS_JSON and VAULT_DEV_TOKEN")
    void integrationSecrets() {
        Map<String, Object> e = env(step(job(CI, "integration"), "integration"));
        assertThat(e)
                .containsEntry(
                        "SANDBOX_CREDENTIALS_JSON", "${{ secrets.SANDBOX_CREDENTIALS_JSON }}")
                .containsEntry("VAULT_TOKEN", "${{ secrets.VAULT_DEV_TOKEN }}");
    }

    @Test
    @DisplayName("R1.4c integration runs only when both secrets are available")
    void integrationOnlyWithSecrets() {
        Map<String, Object> check = step(job(CI, "secrets"), "check");
        assertThat(env(check)).containsKeys("SANDBOX_CREDENTIALS_JSON", "VAULT_DEV_TOKEN");
        assertThat(run(check))
                .contains("[ -n \"$SANDBOX_CREDENTIALS_JSON\" ]")
                .contains("[ -n \"$VAULT_DEV_TOKEN\" ]");
        assertThat(job(CI, "integration").get("if"))
                .isEqualTo("needs.secrets.outputs.available == 'true'");
        assertThat(text(ID, "ci.yml"))
                .doesNotContain("if: ${{ secrets"); // secrets are not allowed in if:
    }

    @Test
    @DisplayName(
            "R1.4d forks skip integration; protected branches require it (missing secrets fail there)")
    void forksSkipProtectedRequire() {
        Map<String, Object> check = step(job(CI, "secrets"), "check");
        assertThat(env(check)).containsEntry("REF_PROTECTED", "${{ github.ref_protected }}");
        assertThat(run(check))
                .contains("elif [ \"$REF_PROTECTED\" = \"true\" ]; then\n  echo \"::error::")
                .contains("available=false");
    }

    @Test
    @DisplayName("R1.5a artifact builds the linux/amd64 binary via make build")
    void makeBuild() {
        assertThat(run(step(job(CD, "artifact"), "build")))
                .isEqualTo("make build GOOS=linux GOARCH=amd64");
    }

    @Test
    @DisplayName("R1.5b artifact writes a sha256sum checksum file")
    void sha256sum() {
        assertThat(run(step(job(CD, "artifact"), "sha256sum")))
                .isEqualTo("sha256sum " + BIN + " > " + BIN + ".sha256");
    }

    @Test
    @DisplayName("R1.5c artifact pushes a container image tagged with the commit SHA")
    void imageTaggedWithSha() {
        Map<String, Object> image = step(job(CD, "artifact"), "image");
        assertThat(str(image.get("uses"))).startsWith("docker/build-push-action@");
        assertThat(with(image)).containsEntry("push", true);
        assertThat(str(with(image).get("tags"))).endsWith(":${{ github.sha }}");
    }

    @Test
    @DisplayName("R1.5d artifact writes an SBOM of the binary with our sbom action")
    void sbomOfBinary() {
        assertThat(ours(ID, step(job(CD, "artifact"), "sbom"), "sbom")).containsEntry("path", BIN);
    }

    @Test
    @DisplayName("R1.5e artifact signs the binary, key-based, with our sign action")
    void keyBasedSignature() {
        assertThat(ours(ID, step(job(CD, "artifact"), "sign"), "sign"))
                .containsEntry("files", BIN)
                .containsEntry("key", "${{ secrets.PLUGIN_SIGNING_KEY }}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "staging", "production"})
    @DisplayName(
            "R1.6a deploy registers the plugin by its SHA-256 (vault plugin register -sha256=…) and reloads")
    void registerBySha(String env) {
        Map<String, Object> d = job(CD, "deploy-" + env);
        assertThat(stepIds(d))
                .containsSubsequence("download-plugin", "verify-checksum", "register", "health");
        ours(ID, step(d, "verify-checksum"), "checksums");
        assertThat(run(step(d, "register")))
                .contains("sha=$(cut -d' ' -f1 " + BIN + ".sha256)")
                .contains("vault plugin register -sha256=\"$sha\"")
                .contains("vault plugin reload");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"dev, order", "staging, purchase", "production, payment"})
    @DisplayName(
            "R1.6b deploy enables the mount per environment: order in dev, purchase in staging, payment in production")
    void mountPerEnvironment(String env, String mount) {
        Map<String, Object> d = job(CD, "deploy-" + env);
        assertThat(environment(d)).isEqualTo(env);
        assertThat(run(step(d, "register"))).contains("vault secrets enable -path=" + mount + " ");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"dev, order", "staging, purchase", "production, payment"})
    @DisplayName("R1.6c a health check (vault read <mount>/health) follows each deployment")
    void healthAfterEach(String env, String mount) {
        List<String> ids = stepIds(job(CD, "deploy-" + env));
        assertThat(ids.get(ids.size() - 1)).isEqualTo("health");
        assertThat(run(step(job(CD, "deploy-" + env), "health")))
                .contains("vault read " + mount + "/health");
    }

    @Test
    @DisplayName(
            "R1.6d production needs manual approval: it runs in the GitHub environment 'production' (reviewers)")
    void productionApproval() {
        // Required reviewers are a setting of the environment; the YAML's part is binding the job
        // to it.
        assertThat(environment(job(CD, "deploy-production"))).isEqualTo("production");
    }

    @Test
    @DisplayName(
            "R1.6e production needs the previous environment healthy (needs deploy-staging, whose health step gates it)")
    void productionAfterHealthyStaging() {
        Map<String, Object> prod = job(CD, "deploy-production");
        assertThat(needs(prod)).containsExactly("deploy-staging");
        assertThat(prod)
                .doesNotContainKey(
                        "if"); // default success(): a failed staging health check stops it
        assertThat(step(job(CD, "deploy-staging"), "health"))
                .doesNotContainKey("continue-on-error");
    }

    @Test
    @DisplayName("R1.7a release tags vX.Y.Z only after the artifacts exist")
    void tagAfterArtifacts() {
        Map<String, Object> r = job(wf(ID, "release.yml"), "release");
        assertThat(stepIds(r)).containsSubsequence("artifacts", "verify-checksum", "tag", "notes");
        assertThat(run(step(r, "artifacts")))
                .contains("v[0-9]*.[0-9]*.[0-9]*)")
                .contains("--status success")
                .contains("gh run download");
        assertThat(run(step(r, "tag"))).contains("git tag \"$VERSION\"");
    }

    @Test
    @DisplayName("R1.7b release notes (our action) list the commit range since the previous tag")
    void notesCommitRange() {
        Map<String, Object> r = job(wf(ID, "release.yml"), "release");
        // 'from' defaults to the previous release tag; the bundled template prints
        // previous_tag...tag.
        assertThat(ours(ID, step(r, "notes"), "release-notes"))
                .containsEntry("to", "${{ inputs.version }}")
                .doesNotContainKey("from");
        assertThat(with(step(r, "checkout"))).containsEntry("fetch-depth", 0);
    }

    @Test
    @DisplayName("R1.7c release notes list the required Vault version")
    void notesVaultVersion() {
        Map<String, Object> with =
                ours(ID, step(job(wf(ID, "release.yml"), "release"), "notes"), "release-notes");
        // rendered under "Requirements" by the bundled templates (ReleaseNotesActionTest)
        assertThat(with).containsEntry("requirements", "Vault: 1.18.3 or later");
    }

    @Test
    @DisplayName(
            "R1.8a rollback keeps the previous two binaries + checksums (release assets, 1 or 2 back)")
    void previousTwoKept() {
        Map<String, Object> notes = step(job(wf(ID, "release.yml"), "release"), "notes");
        assertThat(str(with(notes).get("assets"))).contains(BIN + "\n").contains(BIN + ".sha256\n");
        Map<String, Object> in =
                (Map<String, Object>)
                        ((Map<String, Object>)
                                        ((Map<String, Object>)
                                                        on(wf(ID, "rollback.yml"))
                                                                .get("workflow_dispatch"))
                                                .get("inputs"))
                                .get("releases-back");
        assertThat((List<String>) in.get("options")).containsExactly("1", "2");
        assertThat(run(step(job(wf(ID, "rollback.yml"), "rollback-production"), "previous")))
                .contains("--limit 3")
                .contains("--pattern 'vault-plugin-secrets-payments.sha256'");
    }

    @Test
    @DisplayName("R1.8b rollback is manually dispatched")
    void rollbackManual() {
        assertThat(on(wf(ID, "rollback.yml")).keySet()).containsExactly("workflow_dispatch");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "staging", "production"})
    @DisplayName(
            "R1.8c rollback re-registers the previous SHA-256 and reloads, on each environment's own Vault")
    void rollbackReRegisters(String env) {
        Map<String, Object> r = job(wf(ID, "rollback.yml"), "rollback-" + env);
        assertThat(environment(r)).isEqualTo(env);
        assertThat(stepIds(r))
                .containsSubsequence(
                        "previous", "verify-checksum", "deliver", "register", "health");
        assertThat(run(step(r, "register")))
                .contains("vault plugin register -sha256=\"$sha\"")
                .contains("vault plugin reload");
        assertThat(env(step(r, "register"))).containsEntry("VAULT_ADDR", "${{ vars.VAULT_ADDR }}");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"dev, order", "staging, purchase", "production, payment"})
    @DisplayName(
            "R1.8d rollback then re-runs the health checks for all mounts (each on its environment's Vault)")
    void rollbackHealthAllMounts(String env, String mount) {
        assertThat(run(step(job(wf(ID, "rollback.yml"), "rollback-" + env), "health")))
                .isEqualTo(run(step(job(CD, "deploy-" + env), "health")))
                .contains("vault read " + mount + "/health");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "staging", "production"})
    @DisplayName(
            "R1.6f the binary is copied into Vault's plugin directory before vault plugin register")
    void deliveredBeforeRegister(String env) {
        Map<String, Object> d = job(CD, "deploy-" + env);
        assertThat(stepIds(d)).containsSubsequence("verify-checksum", "deliver", "register");
        assertThat(run(step(d, "deliver"))).contains("install -D -m 0755 " + BIN + " ");
        assertThat(env(step(d, "deliver")))
                .containsEntry("PLUGIN_DIR", "${{ vars.VAULT_PLUGIN_DIR }}");
    }
}
