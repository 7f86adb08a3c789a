package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * polyglot-platform's CD and promotion jobs on the polyglot-platform fixture: docker, cosign,
 * trivy, az and gh are stand-ins; the trivy action runs the trivy stand-in with the action's inputs
 * as flags.
 */
class PolyglotPlatformJobsTest {
    private static final String NEW = "sha256:" + "ab".repeat(32);
    private static final String OLD = "sha256:" + "01".repeat(32);

    @TempDir Path run;

    private JobHarness harness() {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "polyglot-platform", run);
    }

    /** The value of the repository variable the example's registry parameter names. */
    static final String ACR = "platformacr.azurecr.io";

    /**
     * The registry the generated workflows push to (a parameter of the stack), as GitHub expands it
     * here.
     */
    @SuppressWarnings("unchecked")
    private String registry() {
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>)
                        harness().jobDefinition("cd.yml", "images").get("steps");
        return steps.stream()
                .filter(s -> "acr-login".equals(s.get("id")))
                .map(s -> ((Map<String, Object>) s.get("env")).get("REGISTRY").toString())
                .findFirst()
                .orElseThrow()
                .replace("${{ vars.ACR_LOGIN_SERVER }}", ACR);
    }

    private static JobHarness.Run onTag(JobHarness.Run r) {
        return r.fixture(Fixtures.fixture("polyglot-platform"))
                .var("ACR_LOGIN_SERVER", ACR)
                .github("ref", "refs/tags/v1.4.2")
                .github("ref_name", "v1.4.2")
                .github("ref_type", "tag");
    }

    @Test
    void theSdkVersionIsExportedBeforeThePublishScriptRuns() throws Exception {
        JobHarness.JobRun r =
                harness()
                        .run(
                                onTag(new JobHarness.Run("cd.yml", "sdk"))
                                        .matrix("lang", "GO")
                                        .secret("NPM_TOKEN", "npm")
                                        .secret("PYPI_TOKEN", "pypi"));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(Files.readString(r.workspace().resolve("dist/published.txt")))
                .isEqualTo("GO 1.4.2\n");
        assertThat(r.outputs()).containsEntry("version", "1.4.2");
        assertThat(Files.readString(r.workspace().resolve("sdk-version.env")))
                .isEqualTo("PLATFORM_GO_SDK_VERSION=1.4.2\n");
    }

    private JobHarness.JobRun image(String trivyBehaviour) throws Exception {
        return harness()
                .run(
                        onTag(new JobHarness.Run("cd.yml", "images"))
                                .matrix("service", "api")
                                .behaviour("trivy", trivyBehaviour));
    }

    private static List<String> order(JobHarness.JobRun r) {
        return r.calls().stream()
                .filter(c -> List.of("trivy", "cosign", "docker").contains(c.tool()))
                .map(c -> c.tool() + " " + c.argLine())
                .toList();
    }

    @Test
    void theImageIsScannedBeforeItIsSignedOrGivenItsEnvironmentTag() throws Exception {
        JobHarness.JobRun r = image("");
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        List<String> calls = order(r);
        assertThat(calls).as(r.transcript()).hasSize(4);
        assertThat(calls.get(0)).startsWith("trivy image --format sarif").contains("--exit-code 1");
        assertThat(calls.get(1)).startsWith("cosign sign --yes " + registry() + "/api@");
        assertThat(calls.get(2)).startsWith("cosign attest --yes --type spdxjson");
        assertThat(calls.get(3))
                .startsWith(
                        "docker buildx imagetools create --tag "
                                + registry()
                                + "/api:production "
                                + registry()
                                + "/api@");
    }

    @Test
    void aFailedScanLeavesTheImageUnsignedAndTheEnvironmentTagWhereItWas() throws Exception {
        JobHarness.JobRun r = image("echo 'Total: 1 (HIGH: 1, CRITICAL: 0)'; exit 1");
        assertThat(r.succeeded()).isFalse();
        assertThat(r.step("trivy").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(r.calls("cosign")).as(r.transcript()).isEmpty();
        assertThat(r.calls("docker")).noneMatch(c -> c.argLine().contains("imagetools create"));
    }

    @Test
    void promotionWaitsForTheImageOfTheReleaseCommitAndPinsItNotThePreviousProductionImage()
            throws Exception {
        // api: the release commit's image appears on the second look, and :production still holds
        // the previous
        // release's image until cd.yml has scanned and signed the new one and moved the tag (one
        // look later)
        String docker =
                """
                state="$RUNNER_TEMP/docker-looks-${4//[^a-z0-9]/_}"
                n=$(( $(cat "$state" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$state"
                case "$4" in
                  */api:production) [ "$n" -ge 2 ] && echo '%2$s' || echo '%3$s' ;;
                  */api:%1$s) [ "$n" -ge 2 ] && echo '%2$s' || { echo "ERROR: $4: not found" >&2; exit 1; } ;;
                  */worker:production|*/web:production|*/worker:%1$s|*/web:%1$s) echo '%2$s' ;;
                  *) echo "ERROR: $4: not found" >&2; exit 1 ;;
                esac
                """;
        JobHarness.Run run =
                new JobHarness.Run("promote.yml", "promote")
                        .fixture(Fixtures.fixture("polyglot-platform"))
                        .var("ACR_LOGIN_SERVER", ACR)
                        .github("event_name", "release")
                        .github("event", Map.of("release", Map.of("tag_name", "v1.4.2")))
                        .stopAfter("images");
        // the fixture commit is the release's commit; its SHA is only known after checkout, so
        // match any 40 hex digits
        run.behaviour("docker", docker.formatted("[0-9a-f]".repeat(40), NEW, OLD));
        JobHarness.JobRun r = harness().run(run);
        assertThat(r.step("images").outcome()).as(r.transcript()).isEqualTo("success");
        assertThat(r.step("images").log()).contains("api: " + registry() + "/api@" + NEW);
        assertThat(r.steps()).extracting(JobHarness.StepRun::id).last().isEqualTo("images");
        assertThat(r.calls("docker"))
                .as(r.transcript())
                .anyMatch(
                        c ->
                                c.args()
                                        .get(3)
                                        .matches(
                                                ""
                                                        + Pattern.quote(registry())
                                                        + "/api:[0-9a-f]{40}"));
    }

    /**
     * ci.yml's coverage job with the real c8 report of ms and coverage.py report of tomli as this
     * run's coverage.
     */
    private JobHarness.JobRun coverage(String gh) throws Exception {
        Path real = Path.of("../actions/src/test/resources/coverage-real");
        Files.createDirectories(run.resolve("artifacts/ts-coverage"));
        Files.createDirectories(run.resolve("artifacts/py-coverage"));
        Files.copy(
                real.resolve("c8-ms/cobertura-coverage.xml"),
                run.resolve("artifacts/ts-coverage/cobertura-coverage.xml"));
        Files.copy(
                real.resolve("tomli/coverage.xml"),
                run.resolve("artifacts/py-coverage/py-coverage.xml"));
        return harness()
                .run(
                        new JobHarness.Run("ci.yml", "coverage")
                                .fixture(Fixtures.fixture("polyglot-platform"))
                                .github(
                                        "event",
                                        Map.of("repository", Map.of("default_branch", "main")))
                                .behaviour("gh", gh));
    }

    @Test
    void aFirstRunOnMainWithNoBaseReportPassesWithANote() throws Exception {
        JobHarness.JobRun r =
                coverage(""); // gh run list finds no successful run of the base branch
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.step("coverage-gate").log()).contains("no base yet: delta skipped");
    }

    @Test
    void anExpiredBaseArtifactPassesWithANote() throws Exception {
        JobHarness.JobRun r =
                coverage(
                        """
                case "$1 $2" in
                  'run list') echo 987654 ;;
                  'run download') echo 'no valid artifacts found to download' >&2; exit 1 ;;
                esac""");
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("gh"))
                .anyMatch(
                        c -> c.argLine().startsWith("run download 987654 --name coverage-report"));
        assertThat(r.step("coverage-gate").log()).contains("no base yet: delta skipped");
    }

    /**
     * ci.yml's TypeScript job for real: pnpm (installed as pnpm/action-setup does), tsc as lint,
     * Jest with Cobertura.
     */
    @Test
    void theTypeScriptJobLintsRunsJestAndUploadsItsCoberturaReport() throws Exception {
        JobHarness.JobRun r =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "typescript")
                                        .fixture(Fixtures.fixture("polyglot-platform")));
        AbsentRuntime.assumePresent(r);
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.step("install").log())
                .as(r.transcript())
                .contains("jest 30.2.0")
                .contains("typescript 5.9.3");
        assertThat(r.step("lint").log()).contains("tsc -p tsconfig.json");
        assertThat(r.step("jest").log()).contains("Tests:       3 passed, 3 total");
        Path report = run.resolve("artifacts/ts-coverage/cobertura-coverage.xml");
        assertThat(report).as(r.transcript()).exists();
        assertThat(Files.readString(report)).contains("<coverage").contains("version.js");
    }

    /**
     * uv is a recording stand-in where this machine lacks it: the Python job's commands and where
     * they run.
     */
    @Test
    void thePythonJobSyncsFromTheLockAndRunsRuffMypyAndPytestWithCoverageXml() throws Exception {
        JobHarness.JobRun r =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "python")
                                        .fixture(Fixtures.fixture("polyglot-platform"))
                                        .behaviour(
                                                "uv",
                                                "[ -f pyproject.toml ] || { echo 'error: No `pyproject.toml` found' >&2; exit 2; }"));
        AbsentRuntime.assumePresent(r);
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("uv"))
                .extracting(StandIns.Call::argLine)
                .containsExactly(
                        "sync --frozen",
                        "run ruff check .",
                        "run mypy .",
                        "run pytest --cov --cov-report=xml:py-coverage.xml");
        assertThat(r.calls("uv"))
                .allSatisfy(c -> assertThat(c.cwd()).isEqualTo(r.workspace().toString()));
        assertThat(r.step("upload-py-coverage").log()).contains("artifact py-coverage");
    }

    private JobHarness.JobRun proto(String event, String buf) throws Exception {
        return harness()
                .run(
                        new JobHarness.Run("ci.yml", "proto")
                                .fixture(Fixtures.fixture("polyglot-platform"))
                                .github("event_name", event)
                                .behaviour("buf", buf));
    }

    @Test
    void onAPullRequestBufBuildsLintsChecksFormatAndBreakingChangesThenRegenerates()
            throws Exception {
        JobHarness.JobRun r = proto("pull_request", "");
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("buf"))
                .extracting(StandIns.Call::argLine)
                .containsExactly(
                        "build", "lint", "format --diff --exit-code", "breaking", "generate");
    }

    @Test
    void onAPushBufLintsWithoutABreakingCheckAndNothingIsPushedFromCi() throws Exception {
        JobHarness.JobRun r = proto("push", "");
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("buf"))
                .extracting(StandIns.Call::argLine)
                .containsExactly("build", "lint", "generate");
    }

    @Test
    void bindingsThatGenerationWouldAddAreStaleToo() throws Exception {
        // buf generate writes a file the commit lacks (a new message's module): untracked, so git
        // diff alone misses it
        JobHarness.JobRun r =
                proto(
                        "push",
                        """
                if [ "$1" = generate ]; then mkdir -p gen/python/platform/v1; echo '# generated' > gen/python/platform/v1/quota_pb2.py; fi""");
        assertThat(r.step("generate").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(r.step("generate").log())
                .contains("generated bindings are stale")
                .contains("quota_pb2.py");
    }
}
