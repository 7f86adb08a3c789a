package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.stacks.NodeServiceStack;
import dev.pipewright.stacks.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node-service stack's jobs on microsoft/TypeScript-Node-Starter's package.json and lockfile
 * (fixture {@code node-service}). Installing its 1,000 locked packages needs the npm registry,
 * which a unit test does not reach; so the package manager is a recording stand-in that runs the
 * real node to check each {@code run} names a script the project's package.json has (as npm would
 * fail with "Missing script"), and the test script leaves a real c8 LCOV report (vercel/ms) where
 * Jest would. Our coverage gate then runs for real on it.
 */
class NodeServiceJobsTest {
    @TempDir Path run;

    /**
     * npm/pnpm/yarn: record; refuse a script package.json lacks (yarn run and the exec forms also
     * take tsc when the project depends on typescript); let the test script write
     * coverage/lcov.info.
     */
    private static String packageManager(String lcov) {
        return "bin() { node -e 'const p = require(\"./package.json\"); const a = process.argv[1];"
                + " if (!(a in (p.scripts || {})) && !(a === \"tsc\" && process.argv[2] !== \"script\""
                + " && \"typescript\" in { ...p.dependencies, ...p.devDependencies })) {"
                + " console.error(\"Missing script: \" + a); process.exit(1) }' \"$1\" \"$2\"; }\n"
                + "case \"$1 $2\" in 'exec --no') bin \"$4\" bin || exit 1 ;; 'exec '*) bin \"$2\" bin || exit 1 ;; esac\n"
                + "if [ \"$1\" = run ]; then\n"
                + "  bin \"$2\" \"$([ \"$0\" != \"${0%yarn}\" ] && echo bin || echo script)\" || exit 1\n"
                + "  case \"$2\" in test) mkdir -p coverage && cp '"
                + lcov
                + "' coverage/lcov.info ;; build) mkdir -p dist"
                + " && echo 'console.log(1)' > dist/server.js ;; esac\n"
                + "fi\n";
    }

    private static Path lcov() {
        return Path.of("src/test/resources/coverage/c8-ms/lcov.info").toAbsolutePath();
    }

    private JobHarness harness(String system, StackConfig config) throws Exception {
        Path root =
                Rendered.write(
                        Files.createDirectories(run.resolve("repo")),
                        system,
                        new NodeServiceStack(),
                        config);
        assertThat(Rendered.findings(root, system)).isEmpty();
        return new JobHarness(root, system, run);
    }

    @Test
    void npmServiceIsLintedTypeCheckedTestedGatedAndBuilt() throws Exception {
        JobHarness.JobRun r =
                harness("node-service", StackConfig.defaults())
                        .run(
                                new JobHarness.Run("ci.yml", "check")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .behaviour("npm", packageManager(lcov().toString())));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("npm"))
                .extracting(StandIns.Call::argLine)
                .containsExactly(
                        "ci", "run lint", "exec --no -- tsc --noEmit", "run test", "run build");
        // vercel/ms under c8: 81.48 % of lines (its report.txt), above the default 80
        assertThat(summary(r)).contains("81.48");
        assertThat(r.outputs()).isEmpty();
    }

    @Test
    void coverageBelowTheMinimumFailsTheGate() throws Exception {
        JobHarness.JobRun r =
                harness(
                                "node-service",
                                StackConfig.builder().set(NodeServiceStack.COVERAGE, 82).build())
                        .run(
                                new JobHarness.Run("ci.yml", "check")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .behaviour("npm", packageManager(lcov().toString())));
        assertThat(r.step("coverage-gate").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(r.step("build").outcome()).isEqualTo("skipped");
    }

    @Test
    void aScriptTheProjectLacksFailsLikeNpm() throws Exception {
        // TypeScript-Node-Starter type-checks inside its lint script and has no "typecheck" script
        JobHarness.JobRun r =
                harness(
                                "node-service",
                                StackConfig.builder()
                                        .set(NodeServiceStack.LINT, "typecheck")
                                        .build())
                        .run(
                                new JobHarness.Run("ci.yml", "check")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .behaviour("npm", packageManager(lcov().toString())));
        assertThat(r.step("lint").outcome()).isEqualTo("failure");
        assertThat(r.step("lint").log()).contains("Missing script: typecheck");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pnpm, pnpm install --frozen-lockfile, pnpm exec tsc --noEmit",
        "yarn, yarn install --immutable, yarn run tsc --noEmit",
        "yarn-classic, yarn install --frozen-lockfile, yarn run tsc --noEmit"
    })
    void otherPackageManagersInstallFromTheirLockfile(
            String manager, String install, String typecheck) throws Exception {
        String tool = manager.startsWith("yarn") ? "yarn" : manager;
        JobHarness.JobRun r =
                harness(
                                "node-service-" + manager,
                                StackConfig.builder()
                                        .set(NodeServiceStack.PACKAGE_MANAGER, manager)
                                        .build())
                        .run(
                                new JobHarness.Run("ci.yml", "check")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .behaviour(tool, packageManager(lcov().toString()))
                                        .behaviour("corepack", ""));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls(tool))
                .extracting(c -> tool + " " + c.argLine())
                .containsExactly(
                        install,
                        tool + " run lint",
                        typecheck,
                        tool + " run test",
                        tool + " run build");
        assertThat(r.calls("corepack")).hasSize(manager.equals("yarn") ? 1 : 0);
    }

    @Test
    void releaseArchivesTheBuildWithSbomAndChecksums() throws Exception {
        JobHarness.JobRun r =
                harness("node-service", StackConfig.defaults())
                        .run(
                                new JobHarness.Run("release.yml", "build")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .github("ref", "refs/tags/v1.4.0")
                                        .github("ref_name", "v1.4.0")
                                        .github("ref_type", "tag")
                                        .behaviour("npm", packageManager(lcov().toString())));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.outputs()).isEqualTo(Map.of("version", "1.4.0"));
        assertThat(JobHarness.files(run.resolve("artifacts/release")))
                .containsExactly(
                        "checksums.sha256.txt",
                        "checksums.sha512.txt",
                        "node-service-1.4.0.tar.gz",
                        "sbom.spdx.json");
        assertThat(Files.readString(run.resolve("artifacts/release/sbom.spdx.json")))
                .contains("pkg:npm/express@4.17.1");
    }

    @Test
    void aTagThatIsNoSemanticVersionStopsTheRelease() throws Exception {
        JobHarness.JobRun r =
                harness("node-service", StackConfig.defaults())
                        .run(
                                new JobHarness.Run("release.yml", "build")
                                        .fixture(Fixtures.fixture("node-service"))
                                        .github("ref_name", "v1.4")
                                        .github("ref_type", "tag")
                                        .behaviour("npm", packageManager(lcov().toString())));
        assertThat(r.step("version").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(r.step("version").log()).contains("v1.4 is not a semantic version");
    }

    /** What the job wrote to GITHUB_STEP_SUMMARY (the coverage gate's table). */
    private static String summary(JobHarness.JobRun r) throws IOException {
        return Files.readString(
                r.workspace().resolveSibling("runner-temp").resolve("step-summary.md"));
    }
}
