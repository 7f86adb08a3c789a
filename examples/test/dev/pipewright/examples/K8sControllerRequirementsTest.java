package dev.pipewright.examples;

import static dev.pipewright.examples.Generated.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** reference-pipelines.md §4, item by item, on generated-workflows/k8s-controller/. */
@SuppressWarnings("unchecked")
@DisplayName("§4 k8s-controller")
class K8sControllerRequirementsTest {
    static final String ID = "k8s-controller";
    static final Map<String, Object> CI = wf(ID, "ci.yml");
    static final Map<String, Object> REL = wf(ID, "release.yml");
    static final List<String> PARALLEL = List.of("lint", "unit", "envtest", "build", "verify");
    static final Map<String, Integer> BUDGETS =
            Map.ofEntries(
                    Map.entry("lint", 5),
                    Map.entry("unit", 10),
                    Map.entry("envtest", 15),
                    Map.entry("build", 10),
                    Map.entry("verify", 5),
                    Map.entry("kind-smoke", 15),
                    Map.entry("image", 15),
                    Map.entry("scan", 10),
                    Map.entry("e2e", 30),
                    Map.entry("publish", 10),
                    Map.entry("notes", 5));

    @Test
    @DisplayName(
            "R4.1a PR and main flow: lint, unit, envtest, build, verify all in parallel after checkout")
    void parallelAfterCheckout() {
        assertThat(on(CI)).containsKeys("pull_request", "push");
        assertThat((List<String>) ((Map<String, Object>) on(CI).get("push")).get("branches"))
                .containsExactly("main");
        for (String id : PARALLEL) {
            assertThat(job(CI, id)).as(id).doesNotContainKey("needs");
            assertThat(stepIds(job(CI, id)).get(0)).as(id).isEqualTo("checkout");
        }
    }

    @Test
    @DisplayName(
            "R4.1b lint: gofmt -s, golangci-lint, YAML validation of CRDs/examples, markdown lint, license headers")
    void lint() {
        Map<String, Object> l = job(CI, "lint");
        assertThat(run(step(l, "gofmt"))).contains("gofmt -s -l .").contains("exit 1");
        assertThat(str(step(l, "golangci-lint").get("uses")))
                .startsWith("golangci/golangci-lint-action@");
        assertThat(run(step(l, "yaml"))).contains("yamllint -s config/crd examples");
        assertThat(run(step(l, "markdown"))).contains("markdownlint '**/*.md'");
        assertThat(run(step(l, "license")))
                .contains("git ls-files '*.go'")
                .contains("Licensed under the Apache License");
    }

    @Test
    @DisplayName(
            "R4.1c unit: race, coverage ≥ 80 % overall and ≥ 95 % for the time-calculation and state-machine packages")
    void unit() {
        Map<String, Object> u = job(CI, "unit");
        assertThat(run(step(u, "test"))).startsWith("go test -race -coverprofile=coverage.out ");
        assertThat(ours(ID, step(u, "coverage-gate"), "coverage-gate"))
                .containsEntry("min", "80")
                .containsEntry("rules", "internal/timecalc/**: 95\ninternal/statemachine/**: 95\n");
    }

    @Test
    @DisplayName(
            "R4.1d envtest: controller tests against a real API server, envtest binaries cached")
    void envtest() {
        Map<String, Object> e = job(CI, "envtest");
        assertThat(stepIds(e)).containsSubsequence("envtest-cache", "envtest-binaries", "test");
        assertThat(with(step(e, "envtest-cache"))).containsEntry("path", "bin/k8s");
        assertThat(run(step(e, "test")))
                .contains("KUBEBUILDER_ASSETS=")
                .contains("go test ./internal/controller/...");
    }

    @Test
    @DisplayName(
            "R4.1e build: linux/amd64 and linux/arm64 binaries, version from SHA or tag, size < 100 MB, --version smoke")
    void build() {
        Map<String, Object> b = job(CI, "build");
        assertThat(
                        (List<String>)
                                ((Map<String, Object>)
                                                ((Map<String, Object>) b.get("strategy"))
                                                        .get("matrix"))
                                        .get("arch"))
                .containsExactly("amd64", "arm64");
        String run = run(step(b, "build"));
        assertThat(run)
                .contains("GOOS=linux GOARCH=\"$ARCH\"")
                .contains("refs/tags/*) ;; *) version=\"$GITHUB_SHA\"")
                .contains("-X main.version=$version")
                .contains("[ \"$size\" -lt 104857600 ]");
        assertThat(run(step(b, "smoke"))).contains("--version");
    }

    @Test
    @DisplayName("R4.1f verify: TODOs need issue links, no hard-coded secrets")
    void verify() {
        Map<String, Object> v = job(CI, "verify");
        assertThat(run(step(v, "todos"))).contains("TODO\\(#[0-9]+\\)").contains("exit 1");
        assertThat(run(step(v, "secrets"))).contains("PRIVATE KEY").contains("exit 1");
    }

    @Test
    @DisplayName(
            "R4.1g then a kind smoke test: cluster, image, CRDs, deploy, scale up/down/pause/resume, metrics, events")
    void kindSmoke() {
        Map<String, Object> k = job(CI, "kind-smoke");
        assertThat(needs(k)).containsExactlyElementsOf(PARALLEL);
        assertThat(str(step(k, "kind").get("uses"))).startsWith("helm/kind-action@");
        assertThat(run(step(k, "deploy")))
                .contains("kind load docker-image")
                .contains("make install")
                .contains("make deploy");
        assertThat(run(step(k, "scenarios")))
                .contains("scale-up scale-down pause resume")
                .contains("metrics.sh")
                .contains("events.sh");
    }

    @Test
    @DisplayName("R4.1h then a report job")
    void report() {
        Map<String, Object> r = job(CI, "report");
        assertThat(needs(r)).contains("kind-smoke").containsAll(PARALLEL);
        assertThat(r.get("if")).isEqualTo("always()");
    }

    @Test
    @DisplayName("R4.2a tag flow v*.*.* runs the same checks")
    void tagFlowSameChecks() {
        assertThat((List<String>) ((Map<String, Object>) on(REL).get("push")).get("tags"))
                .containsExactly("v*.*.*");
        for (String id : List.of("lint", "unit", "envtest", "build", "verify", "kind-smoke")) {
            // The same steps, less the Go caches (a release builds its binaries clean).
            assertThat(stepIds(job(REL, id)))
                    .as(id)
                    .isEqualTo(
                            stepIds(job(CI, id)).stream()
                                    .filter(s -> !s.endsWith("-cache"))
                                    .toList());
        }
        assertThat(needs(job(REL, "image"))).containsExactly("kind-smoke");
    }

    @Test
    @DisplayName("R4.2b multi-arch image (amd64+arm64) with BuildKit cache and SBOM")
    void multiArchImage() {
        // The one release build that restores the gha cache, as this requirement asks
        // (ReleaseImageCacheTest names it).
        assertThat(with(step(job(REL, "image"), "build")))
                .containsEntry("platforms", "linux/amd64,linux/arm64")
                .containsEntry("sbom", "true")
                .containsEntry("cache-to", "type=gha,mode=max,scope=controller")
                .containsEntry(
                        "cache-from",
                        "type=gha,scope=controller"); // this tag's earlier attempts and main only
    }

    @Test
    @DisplayName("R4.2c security scan allows zero HIGH/CRITICAL")
    void scan() {
        assertThat(with(step(job(REL, "scan"), "trivy")))
                .containsEntry("severity", "HIGH,CRITICAL")
                .containsEntry("exit-code", "1")
                .containsEntry("ignore-unfixed", false);
    }

    @Test
    @DisplayName("R4.2d full e2e: DST transitions, cross-midnight windows, grace periods")
    void e2e() {
        // All e2e tests run (the DST, cross-midnight and grace-period ones among them): no -run
        // filter.
        assertThat(run(step(job(REL, "e2e"), "e2e")))
                .contains("go test ./test/e2e/... -tags=e2e")
                .doesNotContain("-run");
        assertThat(step(job(REL, "e2e"), "e2e").get("name"))
                .asString()
                .contains("DST")
                .contains("cross-midnight")
                .contains("grace periods");
    }

    @Test
    @DisplayName(
            "R4.2e publish: GitHub release with install.yaml, source archive, SBOM and checksums.txt (our actions)")
    void publish() {
        Map<String, Object> p = job(REL, "publish");
        assertThat(needs(p)).contains("image", "scan", "e2e");
        assertThat(stepIds(p))
                .containsSubsequence("assets", "sbom", "checksums", "asset-names", "release");
        // checksums.txt names the assets as they are downloaded, side by side
        // (K8sControllerJobsTest checks it with sha256sum -c)
        assertThat(run(step(p, "asset-names"))).contains("dist/checksums.txt");
        assertThat(run(step(p, "assets"))).contains("dist/install.yaml").contains("git archive");
        ours(ID, step(p, "sbom"), "sbom");
        assertThat(ours(ID, step(p, "checksums"), "checksums"))
                .containsEntry("output", "dist/checksums.txt")
                .containsEntry("files", "dist/*");
        assertThat(run(step(p, "release"))).contains("gh release create").contains("dist/*");
    }

    @Test
    @DisplayName("R4.2f release notes from Conventional Commits by our release-notes action")
    void notes() {
        Map<String, Object> n = job(REL, "notes");
        // Grouping by type, breaking changes first and issue/PR links are the action's bundled
        // template.
        assertThat(ours(ID, step(n, "notes"), "release-notes"))
                .containsEntry("github-release", true);
        assertThat(with(step(n, "checkout"))).containsEntry("fetch-depth", 0);
        assertThat(needs(n)).contains("publish");
    }

    @Test
    @DisplayName("R4.3 time budgets per job become timeout-minutes")
    void budgets() {
        for (Map<String, Object> w : List.of(CI, REL)) {
            jobs(w).forEach(
                            (id, j) -> {
                                if (BUDGETS.containsKey(id)) {
                                    assertThat(((Map<String, Object>) j).get("timeout-minutes"))
                                            .as(id)
                                            .isEqualTo(BUDGETS.get(id));
                                }
                            });
        }
        assertThat(jobs(CI).keySet())
                .containsAll(List.of("lint", "unit", "envtest", "build", "verify", "kind-smoke"));
        assertThat(jobs(REL).keySet())
                .containsAll(List.of("image", "scan", "e2e", "publish", "notes"));
    }

    @Test
    @DisplayName(
            "R4.4 concurrency: cancel superseded PR runs; never cancel release runs; one release at a time")
    void concurrency() {
        assertThat(((Map<String, Object>) CI.get("concurrency")).get("cancel-in-progress"))
                .isEqualTo("${{ github.event_name == 'pull_request' }}");
        assertThat((Map<String, Object>) REL.get("concurrency"))
                .containsEntry("group", "release")
                .containsEntry("cancel-in-progress", false);
    }

    @Test
    @DisplayName(
            "R4.5 caches keyed on go.sum, .golangci.yml, Dockerfiles, kind config; with restore-keys")
    void caches() {
        List<Map<String, Object>> caches = using(CI, "actions/cache@");
        assertThat(caches).allSatisfy(c -> assertThat(with(c)).containsKey("restore-keys"));
        String keys = caches.stream().map(c -> str(with(c).get("key"))).toList().toString();
        assertThat(keys)
                .contains("go.sum")
                .contains("'.golangci.yml'")
                .contains("Dockerfile")
                .contains("hack/kind-config.yaml");
        assertThat(using(CI, "actions/setup-go@"))
                .allSatisfy(
                        s -> assertThat(with(s)).containsEntry("cache-dependency-path", "go.sum"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ci.yml", "release.yml"})
    @DisplayName("R4.6 artifacts uploaded if: always(); retention 7 days on success, 90 on failure")
    void artifacts(String file) {
        assertThat(using(wf(ID, file), "actions/upload-artifact@"))
                .isNotEmpty()
                .allSatisfy(
                        u -> {
                            assertThat(u.get("if")).as(str(u.get("id"))).isEqualTo("always()");
                            assertThat(with(u))
                                    .containsEntry(
                                            "retention-days",
                                            "${{ job.status == 'success' && 7 || 90 }}");
                        });
    }

    @Test
    @DisplayName(
            "R4.7 scheduled daily cache warm-up (cron) and workflow_dispatch on CI and release")
    void scheduleAndDispatch() {
        String cron = str(((List<Map<String, Object>>) on(CI).get("schedule")).get(0).get("cron"));
        assertThat(cron).matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(on(CI)).containsKey("workflow_dispatch");
        assertThat(on(REL)).containsKey("workflow_dispatch");
    }

    @Test
    @DisplayName("R4.8a infrastructure retries (network, registry) back off 2s/4s/8s with jitter")
    void infraRetries() {
        for (String id : List.of("yaml", "markdown")) {
            assertThat(run(step(job(CI, "lint"), id)))
                    .contains("for delay in 2 4 8")
                    .contains("RANDOM % (delay * 200 + 1)")
                    .contains("retry ");
        }
        assertThat(run(step(job(CI, "envtest"), "envtest-binaries")))
                .contains("retry make envtest");
        assertThat(run(step(job(CI, "kind-smoke"), "deploy")))
                .contains("retry kind load docker-image");
    }

    @Test
    @DisplayName("R4.8b test failures are never retried")
    void testsNotRetried() {
        for (Map<String, Object> w : List.of(CI, REL)) {
            for (String[] js :
                    new String[][] {
                        {"unit", "test"}, {"envtest", "test"}, {"kind-smoke", "scenarios"}
                    }) {
                assertThat(run(step(job(w, js[0]), js[1])))
                        .doesNotContain("retry")
                        .doesNotContain("for delay");
            }
        }
        assertThat(run(step(job(REL, "e2e"), "e2e"))).doesNotContain("retry");
    }

    @Test
    @DisplayName(
            "R4.1k kind smoke waits for kubebuilder's <project>-controller-manager in <project>-system, read from config/default")
    void kubebuilderNames() {
        Map<String, Object> d = step(job(CI, "kind-smoke"), "deploy");
        assertThat(run(d))
                .contains("sed -n 's/^namespace: *//p' config/default/kustomization.yaml")
                .contains("kubectl -n \"$ns\" rollout status \"deployment/$deployment\"")
                .doesNotContain("-n system");
        assertThat(env(d)).containsKeys("NAMESPACE", "DEPLOYMENT");
    }

    @Test
    @DisplayName(
            "R4.7b a release dispatched on a branch stops before the image: it needs a vX.Y.Z tag")
    void dispatchNeedsTag() {
        assertThat(stepIds(job(REL, "image")).get(0)).isEqualTo("require-tag");
        assertThat(run(step(job(REL, "image"), "require-tag")))
                .contains("$GITHUB_REF_TYPE\" != tag");
    }
}
