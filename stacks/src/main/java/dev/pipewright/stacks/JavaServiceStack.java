package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsSetupJava;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Java service built with Maven or Gradle: {@code mvn -B verify} or {@code ./gradlew build} with
 * JaCoCo's XML report through our coverage gate in CI; a tag release of the built jars with SBOM
 * and checksums. setup-java caches the build tool's dependencies; {@code pipewright init} reads the
 * build tool from the project's files.
 */
public final class JavaServiceStack implements Stack {
    public static final Parameter<String> BUILD_TOOL =
            Parameter.string(
                            "build-tool",
                            "maven",
                            "maven (mvn -B verify, the pom configures jacoco-maven-plugin's report) or gradle (./gradlew build; JaCoCo"
                                    + " is applied by an init script); pipewright init reads it from pom.xml or build.gradle(.kts).")
                    .matching("maven|gradle");
    public static final Parameter<String> JAVA =
            Parameter.string("java", "17", "Java version (setup-java's java-version).")
                    .matching("[0-9]+(\\.[0-9]+){0,2}");
    public static final Parameter<String> DISTRIBUTION =
            Parameter.string(
                            "distribution",
                            "temurin",
                            "JDK distribution (setup-java's distribution).")
                    .matching("[a-z][a-z0-9-]*");
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 80, "Minimum line coverage in percent.").between(0, 100);

    /** Where JaCoCo writes its XML report, in every module. */
    static final String MAVEN_REPORT = "**/target/site/jacoco/jacoco.xml";

    static final String GRADLE_REPORT = "**/build/reports/jacoco/test/jacocoTestReport.xml";

    /**
     * Applies JaCoCo to every Java project of the build and turns its XML report on, so {@code
     * jacocoTestReport} exists whether or not the build script asks for it (applying a plugin twice
     * is a no-op).
     */
    static final String GRADLE_INIT_SCRIPT =
            """
            allprojects {
              plugins.withId('java') {
                apply plugin: 'jacoco'
                tasks.named('jacocoTestReport') {
                  reports { xml.required = true }
                }
              }
            }
            """;

    @Override
    public String id() {
        return "java-service";
    }

    @Override
    public String description() {
        return "Java service (Maven or Gradle): build and tests with JaCoCo coverage gate, tag release of the jars";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(BUILD_TOOL, JAVA, DISTRIBUTION, COVERAGE);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), ServiceRelease.workflow(List.of(setupJava(c, false)), packaging(c)));
    }

    /**
     * gradle when the root has a Gradle build script and no pom.xml, maven when it has a pom.xml
     * and no Gradle script.
     */
    @Override
    public Map<String, Object> detect(Path root) {
        boolean maven = Files.isRegularFile(root.resolve("pom.xml"));
        boolean gradle =
                Files.isRegularFile(root.resolve("build.gradle"))
                        || Files.isRegularFile(root.resolve("build.gradle.kts"))
                        || Files.isRegularFile(root.resolve("settings.gradle"))
                        || Files.isRegularFile(root.resolve("settings.gradle.kts"));
        if (maven == gradle) {
            return Map.of();
        }
        return Map.of(BUILD_TOOL.name(), maven ? "maven" : "gradle");
    }

    private static boolean gradle(StackConfig c) {
        return c.get(BUILD_TOOL).equals("gradle");
    }

    /**
     * setup-java; with {@code cache} the build tool's dependencies are cached (CI), never in a
     * release.
     */
    static Step setupJava(StackConfig c, boolean cache) {
        ActionsSetupJava b =
                ActionsSetupJava.builder()
                        .id("setup-java")
                        .name("Set up Java")
                        .distribution(c.get(DISTRIBUTION))
                        .javaVersion(c.get(JAVA));
        if (cache) {
            b.cache(gradle(c) ? "gradle" : "maven");
        }
        return b.build();
    }

    static Step build(StackConfig c) {
        if (gradle(c)) {
            return Step.run(
                            "cat > \"$RUNNER_TEMP/jacoco.init.gradle\" <<'GRADLE'\n"
                                    + GRADLE_INIT_SCRIPT
                                    + "GRADLE\n"
                                    + "./gradlew --no-daemon --init-script \"$RUNNER_TEMP/jacoco.init.gradle\" build jacocoTestReport\n")
                    .id("build")
                    .name("./gradlew build with JaCoCo")
                    .build();
        }
        return Step.run("mvn -B -ntp verify").id("build").name("mvn -B verify").build();
    }

    static NormalJob buildJob(StackConfig c) {
        String report = gradle(c) ? GRADLE_REPORT : MAVEN_REPORT;
        return job("build", 30)
                .name(gradle(c) ? "gradle build" : "maven verify")
                .step(checkout())
                .step(setupJava(c, true))
                .step(build(c))
                .step(Stages.uploadAlways("upload-coverage", "jacoco", report))
                .step(Stages.coverageGate(report, c.get(COVERAGE)).format("jacoco").build())
                .build();
    }

    static Workflow ci(StackConfig c) {
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.push().branches("main"), Trigger.pullRequest())
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(buildJob(c))
                .build();
    }

    /**
     * The jars of every module (not the plain or sources ones), built without tests (CI ran them on
     * this commit).
     */
    static List<Step> packaging(StackConfig c) {
        String build =
                gradle(c) ? "./gradlew --no-daemon assemble" : "mvn -B -ntp -DskipTests package";
        String jars = gradle(c) ? "build/libs" : "target";
        return List.of(
                Step.run(
                                build
                                        + "\n"
                                        + "mkdir -p release\n"
                                        + "find . -path '*/"
                                        + jars
                                        + "/*.jar' ! -path '*/"
                                        + jars
                                        + "/*/*' ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar'"
                                        + " ! -name 'original-*.jar' -exec cp {} release/ \\;\n"
                                        + "ls release/*.jar >/dev/null || { echo \"::error::no jar under */"
                                        + jars
                                        + "/\"; exit 1; }\n")
                        .id("package")
                        .name("Package the jars")
                        .build());
    }
}
