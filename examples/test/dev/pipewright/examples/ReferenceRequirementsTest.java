package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Walks ../shared/docs/reference-pipelines.md system by system and asserts each requirement on
 * the committed generated YAML under generated-workflows/ (the drift check keeps it current).
 */
@SuppressWarnings("unchecked")
class ReferenceRequirementsTest {
    static Map<String, Object> wf(String id, String file) throws IOException {
        Path p = SharedData.repoRoot().orElseThrow().resolve("generated-workflows/" + id + "/" + file);
        return new Yaml().load(Files.readString(p));
    }

    static String text(String id, String file) throws IOException {
        return Files.readString(SharedData.repoRoot().orElseThrow().resolve("generated-workflows/" + id + "/" + file));
    }

    static Map<String, Object> job(Map<String, Object> w, String id) {
        return (Map<String, Object>) ((Map<String, Object>) w.get("jobs")).get(id);
    }

    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    static Map<String, Object> step(Map<String, Object> job, String id) {
        return steps(job).stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }

    static Object on(Map<String, Object> w) {
        return w.get(Boolean.TRUE) != null ? w.get(Boolean.TRUE) : w.get("on");
    }

    @Nested
    class GoVaultPlugin {
        static final String ID = "go-vault-plugin";

        @Test
        void stagesLintUnitIntegrationArtifactDeploy() throws IOException {
            Map<String, Object> cd = wf(ID, "cd.yml");
            assertThat(((Map<String, Object>) cd.get("jobs")).keySet()).containsSubsequence("lint", "unit", "integration",
                    "artifact", "deploy-dev", "deploy-staging", "deploy-production");
            assertThat(job(cd, "unit").get("needs").toString()).contains("lint");
            assertThat(job(cd, "deploy-staging").get("needs").toString()).contains("deploy-dev");
            assertThat(job(cd, "deploy-production").get("needs").toString()).contains("deploy-staging");
        }

        @Test
        void lintRunsGolangciWithTimeoutAndFormatCheckWithModuleCache() throws IOException {
            Map<String, Object> lint = job(wf(ID, "ci.yml"), "lint");
            assertThat(((Map<String, Object>) step(lint, "golangci-lint").get("with")).get("args")).isEqualTo("--timeout=3m");
            assertThat(step(lint, "gofmt").get("run").toString()).contains("gofmt -l");
            assertThat(((Map<String, Object>) step(lint, "setup-go").get("with"))).containsEntry("cache", true)
                    .containsEntry("cache-dependency-path", "go.sum");
        }

        @Test
        void unitRacesPublishesCoverageAndGatesAt80() throws IOException {
            Map<String, Object> unit = job(wf(ID, "ci.yml"), "unit");
            assertThat(step(unit, "test").get("run")).isEqualTo("go test ./... -race -coverprofile=coverage.out");
            assertThat(step(unit, "upload-coverage").get("uses").toString()).startsWith("actions/upload-artifact@");
            Map<String, Object> gate = step(unit, "coverage-gate");
            assertThat(gate.get("uses")).isEqualTo("./.github/actions/pipewright-coverage-gate");
            assertThat((Map<String, Object>) gate.get("with")).containsEntry("min", "80");
        }

        @Test
        void integrationOnlyWithSecretsMappedThroughEnv() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            Map<String, Object> gate = step(job(ci, "secrets"), "check");
            assertThat((Map<String, Object>) gate.get("env")).containsKeys("SANDBOX_CREDENTIALS_JSON", "VAULT_DEV_TOKEN",
                    "REF_PROTECTED");
            assertThat(job(ci, "integration").get("if")).isEqualTo("needs.secrets.outputs.available == 'true'");
            assertThat(step(job(ci, "integration"), "integration").get("run"))
                    .isEqualTo("go test ./test/integration -tags=integration");
            assertThat(text(ID, "ci.yml")).doesNotContain("if: ${{ secrets");
        }

        @Test
        void artifactBinaryChecksumImageSbomSignature() throws IOException {
            Map<String, Object> a = job(wf(ID, "cd.yml"), "artifact");
            assertThat(step(a, "build").get("run").toString()).contains("make build");
            assertThat(step(a, "sha256sum").get("run").toString()).contains("sha256sum");
            assertThat(((Map<String, Object>) step(a, "image").get("with")).get("tags").toString()).endsWith(":${{ github.sha }}");
            assertThat(step(a, "sbom").get("uses")).isEqualTo("./.github/actions/pipewright-sbom");
            assertThat(step(a, "sign").get("uses")).isEqualTo("./.github/actions/pipewright-sign");
        }

        @Test
        void deployRegistersBySha256PerMountWithHealthAndApproval() throws IOException {
            Map<String, Object> cd = wf(ID, "cd.yml");
            for (String[] em : new String[][] {{"dev", "order"}, {"staging", "purchase"}, {"production", "payment"}}) {
                Map<String, Object> d = job(cd, "deploy-" + em[0]);
                assertThat(d.get("environment")).isEqualTo(em[0]);
                assertThat(step(d, "register").get("run").toString()).contains("vault plugin register -sha256=")
                        .contains("vault plugin reload").contains("-path=" + em[1]);
                assertThat(step(d, "health").get("run").toString()).contains("vault read " + em[1] + "/health");
            }
        }

        @Test
        void releaseTagsOnlyAfterArtifactsAndNotesNameVaultVersion() throws IOException {
            Map<String, Object> r = job(wf(ID, "release.yml"), "release");
            List<String> ids = steps(r).stream().map(s -> String.valueOf(s.get("id"))).toList();
            assertThat(ids).containsSubsequence("artifacts", "tag", "notes");
            assertThat(((Map<String, Object>) step(r, "notes").get("with")).get("variables").toString()).startsWith("vault_version=");
        }

        @Test
        void rollbackIsManualReRegistersAndChecksAllMounts() throws IOException {
            Map<String, Object> w = wf(ID, "rollback.yml");
            assertThat((Map<String, Object>) on(w)).containsKey("workflow_dispatch");
            Map<String, Object> r = job(w, "rollback");
            assertThat(step(r, "register").get("run").toString()).contains("-sha256=").contains("reload");
            assertThat(step(r, "health").get("run").toString()).contains("order/health").contains("purchase/health")
                    .contains("payment/health");
        }
    }

    @Nested
    class PythonService {
        static final String ID = "python-service";

        @Test
        void lintFormatTypeAndCoverage85() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            Map<String, Object> lint = job(ci, "lint");
            assertThat(step(lint, "ruff").get("run")).isEqualTo("ruff check .");
            assertThat(step(lint, "black").get("run")).isEqualTo("black --check .");
            assertThat(step(lint, "mypy").get("run").toString()).startsWith("mypy ");
            assertThat(step(lint, "markdownlint").get("run").toString()).contains("markdownlint");
            assertThat(((Map<String, Object>) step(lint, "setup-python").get("with"))).containsEntry("python-version", "3.11");
            assertThat(step(lint, "install").get("run").toString()).contains("requirements-dev.txt");
            Map<String, Object> test = job(ci, "test");
            assertThat(step(test, "pytest").get("run").toString()).contains("--cov=");
            assertThat((Map<String, Object>) step(test, "coverage-gate").get("with")).containsEntry("min", "85")
                    .containsEntry("format", "cobertura");
        }

        @Test
        void triggersCanaryMigrationsAndGates() throws IOException {
            Map<String, Object> on = (Map<String, Object>) on(wf(ID, "ci.yml"));
            assertThat((List<String>) ((Map<String, Object>) on.get("push")).get("branches")).containsExactly("main", "release/*");
            assertThat(on).containsKey("pull_request");
            Map<String, Object> cd = wf(ID, "cd.yml");
            Map<String, Object> canary = job(cd, "canary");
            List<String> ids = steps(canary).stream().map(s -> String.valueOf(s.get("id"))).toList();
            assertThat(ids).containsSubsequence("migration-dry-run", "migrate", "canary-10", "slo-10", "canary-25", "slo-25",
                    "canary-50", "slo-50", "soak", "promote");
            assertThat(step(canary, "soak").get("run")).isEqualTo("sleep 1800");
            assertThat(step(job(cd, "staging"), "migration-dry-run").get("run").toString()).contains("--sql");
            Map<String, Object> image = job(cd, "image");
            assertThat(((Map<String, Object>) step(image, "trivy").get("with"))).containsEntry("exit-code", "1");
            assertThat(step(image, "sbom").get("uses")).isEqualTo("./.github/actions/pipewright-sbom");
            assertThat(step(image, "cosign").get("run").toString()).contains("cosign sign");
        }
    }

    @Nested
    class GoMicroservice {
        static final String ID = "go-microservice";

        @Test
        void ciTestLintSecurity() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            assertThat(step(job(ci, "test"), "test").get("run").toString()).contains("go test -race -v -timeout");
            assertThat(((Map<String, Object>) step(job(ci, "test"), "property-tests").get("env")).get("ITERATIONS")).isEqualTo("100");
            assertThat(((Map<String, Object>) step(job(ci, "lint"), "golangci-lint").get("with")).get("args")).isEqualTo("--config=.golangci.yml");
            Map<String, Object> sec = job(ci, "security");
            assertThat(step(sec, "govulncheck").get("run").toString()).contains("govulncheck ./...");
            assertThat(step(sec, "gitleaks").get("uses").toString()).startsWith("gitleaks/gitleaks-action@");
            assertThat(step(sec, "upload-sarif").get("uses").toString()).startsWith("github/codeql-action/upload-sarif@");
        }

        @Test
        void cdScanSignStagingHealthProductionApprovalRollback() throws IOException {
            Map<String, Object> cd = wf(ID, "cd.yml");
            Map<String, Object> image = job(cd, "image");
            assertThat(((Map<String, Object>) step(image, "trivy").get("with"))).containsEntry("severity", "HIGH,CRITICAL")
                    .containsEntry("exit-code", "1");
            assertThat(step(image, "upload-trivy").get("if")).isEqualTo("always()");
            assertThat(step(image, "cosign").get("run").toString()).contains("cosign sign");
            for (String env : List.of("staging", "production")) {
                Map<String, Object> d = job(cd, "deploy-" + env);
                assertThat(step(d, "health").get("uses")).isEqualTo("./.github/actions/pipewright-health-gate");
                assertThat(step(d, "rollback").get("if")).isEqualTo("failure()");
                assertThat(step(d, "notify").get("if")).isEqualTo("failure()");
            }
            assertThat(((Map<String, Object>) job(cd, "deploy-production").get("environment")).get("name")).isEqualTo("production");
        }

        @Test
        void releaseSbomChecksums256And512AndImagesVersionLatest() throws IOException {
            Map<String, Object> r = wf(ID, "release.yml");
            assertThat((List<String>) ((Map<String, Object>) ((Map<String, Object>) on(r)).get("push")).get("tags")).containsExactly("v*");
            Map<String, Object> build = job(r, "build");
            assertThat((Map<String, Object>) step(build, "checksums").get("with")).containsEntry("algorithms", "sha256,sha512");
            assertThat((Map<String, Object>) step(build, "sbom").get("with")).containsEntry("format", "spdx-json");
            assertThat(step(build, "version").get("run").toString()).contains("semantic version");
            assertThat(((Map<String, Object>) step(job(r, "images"), "build").get("with")).get("tags").toString()).contains(":latest");
            assertThat((Map<String, Object>) step(job(r, "publish"), "release").get("with"))
                    .containsEntry("generate_release_notes", "true");
        }
    }

    @Nested
    class K8sController {
        static final String ID = "k8s-controller";
        static final Map<String, Integer> BUDGETS = Map.ofEntries(Map.entry("lint", 5), Map.entry("unit", 10),
                Map.entry("envtest", 15), Map.entry("build", 10), Map.entry("verify", 5), Map.entry("kind-smoke", 15),
                Map.entry("image", 15), Map.entry("scan", 10), Map.entry("e2e", 30), Map.entry("publish", 10),
                Map.entry("notes", 5));

        @Test
        void timeBudgetsAreExact() throws IOException {
            for (String file : List.of("ci.yml", "release.yml")) {
                ((Map<String, Map<String, Object>>) wf(ID, file).get("jobs")).forEach((id, j) -> {
                    if (BUDGETS.containsKey(id)) {
                        assertThat(j.get("timeout-minutes")).as(file + " " + id).isEqualTo(BUDGETS.get(id));
                    }
                });
            }
        }

        @Test
        void unitGates80OverallAnd95OnCriticalPackages() throws IOException {
            Map<String, Object> with = (Map<String, Object>) step(job(wf(ID, "ci.yml"), "unit"), "coverage-gate").get("with");
            assertThat(with).containsEntry("min", "80");
            assertThat(with.get("rules").toString()).contains("internal/timecalc/**: 95").contains("internal/statemachine/**: 95");
        }

        @Test
        void kindSmokeNeedsTheFiveParallelJobsThenReport() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            assertThat((List<String>) job(ci, "kind-smoke").get("needs"))
                    .containsExactly("lint", "unit", "envtest", "build", "verify");
            for (String id : List.of("lint", "unit", "envtest", "build", "verify")) {
                assertThat(job(ci, id)).doesNotContainKey("needs");
            }
            assertThat((List<String>) job(ci, "report").get("needs")).contains("kind-smoke");
        }

        @Test
        void concurrencySchedulesCachesArtifactsRetries() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            assertThat(((Map<String, Object>) ci.get("concurrency")).get("cancel-in-progress").toString()).contains("pull_request");
            Map<String, Object> r = wf(ID, "release.yml");
            assertThat(((Map<String, Object>) r.get("concurrency"))).containsEntry("group", "release")
                    .containsEntry("cancel-in-progress", false);
            assertThat((Map<String, Object>) on(ci)).containsKeys("schedule", "workflow_dispatch");
            assertThat((Map<String, Object>) on(r)).containsKey("workflow_dispatch");
            String ciText = text(ID, "ci.yml");
            assertThat(ciText).contains("hashFiles('.golangci.yml'").contains("hashFiles('hack/kind-config.yaml'")
                    .contains("restore-keys").contains("go.sum");
            assertThat(ciText).contains("retention-days: ${{ job.status == 'success' && 7 || 90 }}");
            assertThat(ciText).contains("for delay in 2 4 8");
            assertThat(step(job(ci, "unit"), "test").get("run").toString()).doesNotContain("retry");
            String release = text(ID, "release.yml");
            assertThat(release).doesNotContain("actions/cache@").doesNotContain("cache-from").doesNotContainPattern("(?m)^ +cache: true");
        }

        @Test
        void tagFlowImageScanE2ePublishNotes() throws IOException {
            Map<String, Object> r = wf(ID, "release.yml");
            assertThat(((Map<String, Object>) step(job(r, "image"), "build").get("with")))
                    .containsEntry("platforms", "linux/amd64,linux/arm64").containsEntry("sbom", "true");
            assertThat(step(job(r, "publish"), "checksums").get("uses")).isEqualTo("./.github/actions/pipewright-checksums");
            assertThat(step(job(r, "publish"), "assets").get("run").toString()).contains("install.yaml").contains("git archive");
            assertThat(step(job(r, "notes"), "notes").get("uses")).isEqualTo("./.github/actions/pipewright-release-notes");
        }
    }

    @Nested
    class PolyglotPlatform {
        static final String ID = "polyglot-platform";

        @Test
        void qualityGateWithBaseTolerance() throws IOException {
            Map<String, Object> ci = wf(ID, "ci.yml");
            assertThat(step(job(ci, "typescript"), "jest").get("run").toString()).contains("jest");
            assertThat(step(job(ci, "python"), "mypy").get("run").toString()).contains("mypy");
            assertThat((Map<String, Object>) step(job(ci, "coverage"), "coverage-gate").get("with"))
                    .containsEntry("max-drop", "2");
        }

        @Test
        void imagesOidcOnlyWhereNeededSignedAttestedScanned() throws IOException {
            Map<String, Object> cd = wf(ID, "cd.yml");
            ((Map<String, Map<String, Object>>) cd.get("jobs")).forEach((id, j) -> {
                Object perms = j.get("permissions");
                boolean oidc = perms instanceof Map<?, ?> m && "write".equals(m.get("id-token"));
                assertThat(oidc).as(id).isEqualTo(id.equals("images"));
            });
            Map<String, Object> images = job(cd, "images");
            assertThat(step(images, "azure").get("uses").toString()).startsWith("azure/login@");
            assertThat(step(images, "cosign").get("run").toString()).contains("cosign attest");
            assertThat(((Map<String, Object>) step(images, "trivy").get("with"))).containsEntry("ignore-unfixed", true);
            assertThat(step(images, "upload-sarif").get("uses").toString()).startsWith("github/codeql-action/upload-sarif@");
        }

        @Test
        void promotionOnReleaseWritesDigestsThroughPromote() throws IOException {
            Map<String, Object> p = wf(ID, "promote.yml");
            assertThat((Map<String, Object>) ((Map<String, Object>) on(p)).get("release")).containsEntry("types", List.of("published"));
            Map<String, Object> step = step(job(p, "promote"), "promote");
            assertThat(step.get("uses")).isEqualTo("./.github/actions/pipewright-promote");
            assertThat((Map<String, Object>) step.get("with")).containsKeys("image", "helm-values", "allowlist", "trivy-report");
        }

        @Test
        void sdkExportsVersionsAndDependabotCoversFourEcosystems() throws IOException {
            assertThat(step(job(wf(ID, "cd.yml"), "sdk"), "publish").get("run").toString()).contains("_SDK_VERSION");
            Map<String, Object> d = new Yaml().load(text(ID, "dependabot.yml"));
            assertThat((List<Map<String, Object>>) d.get("updates")).extracting(u -> u.get("package-ecosystem"))
                    .containsExactly("npm", "pip", "docker", "github-actions");
        }
    }

    @Test
    void securityDefaultsEverywhere() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow().resolve("generated-workflows");
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml") && !p.toString().contains("/actions/")
                    && !p.getFileName().toString().equals("dependabot.yml")).toList()) {
                String t = Files.readString(f);
                Map<String, Object> w = new Yaml().load(t);
                assertThat(w.get("permissions")).as(f.toString()).isEqualTo(Map.of());
                assertThat(t).as(f.toString()).doesNotContain("pull_request_target");
                ((Map<String, Map<String, Object>>) w.get("jobs")).forEach((id, j) -> {
                    assertThat(j).as(f + " " + id).containsKeys("timeout-minutes", "permissions");
                    Object perms = j.get("permissions");
                    if (perms instanceof Map<?, ?> m && "write".equals(m.get("contents"))) {
                        assertThat(f.getFileName().toString()).as(f + " " + id + " has contents: write")
                                .isIn("release.yml", "promote.yml", "cd.yml");
                    }
                });
                assertThat(t.lines().filter(l -> l.contains("persist-credentials: true")).count()).as(f.toString())
                        .isLessThanOrEqualTo(f.getFileName().toString().equals("release.yml") ? 1 : 0);
            }
        }
    }
}
