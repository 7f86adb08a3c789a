package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.stacks.JavaServiceStack;
import dev.pipewright.stacks.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java-service stack's jobs on spring-projects/spring-petclinic's build files (fixtures {@code
 * java-service-maven}: pom.xml and Maven wrapper properties; {@code java-service-gradle}:
 * build.gradle, settings.gradle and Gradle wrapper properties). Its dependencies (Spring Boot 4,
 * JaCoCo) are not in this machine's Maven repository and a unit test does not download them, and
 * Gradle is not installed: mvn and ./gradlew are recording stand-ins that check what the stack
 * relies on (the pom configures jacoco-maven-plugin's report; the init script applies JaCoCo with
 * its XML report on) and leave a real JaCoCo 0.8.14 XML report where the build would. Our coverage
 * gate runs for real on it (63.64 % of lines).
 */
class JavaServiceJobsTest {
    @TempDir Path run;

    private static final Path JACOCO =
            Path.of("src/test/resources/coverage/jacoco.xml").toAbsolutePath();

    private JobHarness harness(String system, StackConfig config) throws Exception {
        Path root =
                Rendered.write(
                        Files.createDirectories(run.resolve("repo")),
                        system,
                        new JavaServiceStack(),
                        config);
        assertThat(Rendered.findings(root, system)).isEmpty();
        return new JobHarness(root, system, run);
    }

    /**
     * mvn: a verify that needs the pom's JaCoCo report execution, and a package that leaves the
     * jar.
     */
    private static final String MVN =
            "case \"$*\" in\n"
                    + "  '-B -ntp verify') grep -q '<artifactId>jacoco-maven-plugin</artifactId>' pom.xml && grep -q '<goal>report</goal>' pom.xml"
                    + " || { echo 'no jacoco-maven-plugin report goal in pom.xml' >&2; exit 1; }\n"
                    + "    mkdir -p target/site/jacoco && cp '"
                    + JACOCO
                    + "' target/site/jacoco/jacoco.xml ;;\n"
                    + "  '-B -ntp -DskipTests package') mkdir -p target/classes && echo jar > target/spring-petclinic-4.0.0-SNAPSHOT.jar"
                    + " && echo jar > target/original-spring-petclinic-4.0.0-SNAPSHOT.jar ;;\n"
                    + "  *) echo \"unexpected mvn $*\" >&2; exit 2 ;;\n"
                    + "esac\n";

    @Test
    void mavenVerifyFeedsJacocoToTheCoverageGate() throws Exception {
        JobHarness.JobRun r =
                harness(
                                "java-service",
                                StackConfig.builder().set(JavaServiceStack.COVERAGE, 60).build())
                        .run(
                                new JobHarness.Run("ci.yml", "build")
                                        .fixture(Fixtures.fixture("java-service-maven"))
                                        .behaviour("mvn", MVN));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(r.calls("mvn"))
                .extracting(StandIns.Call::argLine)
                .containsExactly("-B -ntp verify");
        assertThat(summary(r)).contains("63.64");
        assertThat(JobHarness.files(run.resolve("artifacts/jacoco")))
                .containsExactly("target/site/jacoco/jacoco.xml");
    }

    @Test
    void coverageBelowTheDefaultMinimumFails() throws Exception {
        JobHarness.JobRun r =
                harness("java-service", StackConfig.defaults())
                        .run(
                                new JobHarness.Run("ci.yml", "build")
                                        .fixture(Fixtures.fixture("java-service-maven"))
                                        .behaviour("mvn", MVN));
        assertThat(r.step("coverage-gate").outcome()).as(r.transcript()).isEqualTo("failure");
    }

    @Test
    void mavenReleaseShipsTheApplicationJarOnly() throws Exception {
        JobHarness.JobRun r =
                harness("java-service", StackConfig.defaults())
                        .run(
                                new JobHarness.Run("release.yml", "build")
                                        .fixture(Fixtures.fixture("java-service-maven"))
                                        .github("ref_name", "v4.0.0")
                                        .github("ref_type", "tag")
                                        .behaviour("mvn", MVN));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(JobHarness.files(run.resolve("artifacts/release")))
                .containsExactly(
                        "checksums.sha256.txt",
                        "checksums.sha512.txt",
                        "sbom.spdx.json",
                        "spring-petclinic-4.0.0-SNAPSHOT.jar");
        // petclinic's pom: the SBOM reads its dependencies (Spring Boot starters) from it
        assertThat(Files.readString(run.resolve("artifacts/release/sbom.spdx.json")))
                .contains("spring-boot-starter");
    }

    @Test
    void gradleBuildAppliesJacocoThroughItsInitScript() throws Exception {
        // the project's own wrapper script is replaced: Gradle itself is not installed here and the
        // wrapper would download it
        Path fixture = run.resolve("gradle-fixture");
        Fixtures.copyTree(
                Fixtures.fixture("java-service-gradle"), Files.createDirectories(fixture));
        Path gradlew = fixture.resolve("gradlew");
        Files.writeString(
                gradlew,
                "#!/usr/bin/env bash\n"
                        + "# Recording stand-in for the Gradle wrapper (the test's, not Gradle).\n"
                        + "printf '%s\\n' \"$*\" >> \""
                        + run.resolve("gradlew-calls")
                        + "\"\n"
                        + "prev=; for a in \"$@\"; do [ \"$prev\" = --init-script ] && init=$a; prev=$a; done\n"
                        + "grep -q \"apply plugin: 'jacoco'\" \"$init\" && grep -q 'xml.required = true' \"$init\" || exit 1\n"
                        + "mkdir -p build/reports/jacoco/test && cp '"
                        + JACOCO
                        + "' build/reports/jacoco/test/jacocoTestReport.xml\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(gradlew, PosixFilePermissions.fromString("rwxr-xr-x"));
        JobHarness.JobRun r =
                harness(
                                "java-service-gradle",
                                StackConfig.builder()
                                        .set(JavaServiceStack.BUILD_TOOL, "gradle")
                                        .set(JavaServiceStack.COVERAGE, 60)
                                        .build())
                        .run(new JobHarness.Run("ci.yml", "build").fixture(fixture));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        assertThat(Files.readString(run.resolve("gradlew-calls")))
                .matches(
                        "--no-daemon --init-script \\S+/jacoco\\.init\\.gradle build jacocoTestReport\n");
        assertThat(summary(r)).contains("63.64");
    }

    /** What the job wrote to GITHUB_STEP_SUMMARY (the coverage gate's table). */
    private static String summary(JobHarness.JobRun r) throws IOException {
        return Files.readString(
                r.workspace().resolveSibling("runner-temp").resolve("step-summary.md"));
    }
}
