package dev.pipewright.examples.self;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.PipelineRenderer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The structure of this repository's {@code release.yml}: jobs and their order, and each elevated
 * permission granted to exactly one job. Conformance (GitHub's parser, actionlint, pipewright lint
 * with audits) is covered with every other generated workflow by {@code ExamplesConformanceTest}
 * and {@code GeneratedFilesAuditTest}.
 */
class SelfReleaseTest {
    static Map<String, Object> doc;
    static Map<String, Map<String, Object>> jobs;
    static String yaml;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() {
        List<GeneratedFile> files = PipelineRenderer.render(new PipewrightPipeline());
        yaml =
                files.stream()
                        .filter(f -> f.path().equals(".github/workflows/release.yml"))
                        .findFirst()
                        .orElseThrow()
                        .content();
        doc = new Yaml().load(yaml);
        jobs = (Map<String, Map<String, Object>>) doc.get("jobs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void startedByHandWithTheVersionAndNoDefaultPermissions() {
        // SnakeYAML reads the key on as YAML 1.1's boolean true.
        Map<String, Object> on =
                (Map<String, Object>) ((Map<Object, Object>) (Map<?, ?>) doc).get(Boolean.TRUE);
        // Not on a pushed tag: the workflow makes the tag, on the commit that pins the image digest
        // it just pushed.
        assertThat(on).containsOnlyKeys("workflow_dispatch");
        Map<String, Object> inputs =
                (Map<String, Object>)
                        ((Map<String, Object>) on.get("workflow_dispatch")).get("inputs");
        assertThat(inputs).containsOnlyKeys("version");
        assertThat((Map<String, Object>) inputs.get("version")).containsEntry("required", true);
        assertThat(doc.get("permissions")).isEqualTo(Map.of());
        assertThat(doc.get("concurrency"))
                .isEqualTo(Map.of("group", "release", "cancel-in-progress", false));
    }

    @Test
    void jobsAndNeeds() {
        assertThat(jobs.keySet())
                .containsExactly("build", "image", "pin", "sign", "release", "deploy");
        assertThat(jobs.get("build")).doesNotContainKey("needs");
        assertThat(jobs.get("image").get("needs")).isEqualTo("build");
        assertThat(jobs.get("pin").get("needs")).isEqualTo(List.of("build", "image"));
        assertThat(jobs.get("sign").get("needs")).isEqualTo(List.of("build", "image"));
        assertThat(jobs.get("release").get("needs")).isEqualTo(List.of("build", "pin", "sign"));
        assertThat(jobs.get("deploy").get("needs")).isEqualTo(List.of("build", "release"));
        jobs.forEach(
                (id, job) -> assertThat(job).as(id).containsKeys("timeout-minutes", "permissions"));
    }

    @Test
    void eachElevatedPermissionBelongsToOneJob() {
        Map<String, Object> read = Map.of("contents", "read");
        assertThat(jobs.get("build").get("permissions")).isEqualTo(read);
        assertThat(jobs.get("image").get("permissions"))
                .isEqualTo(Map.of("contents", "read", "packages", "write", "id-token", "write"));
        assertThat(jobs.get("pin").get("permissions")).isEqualTo(Map.of("contents", "write"));
        assertThat(jobs.get("sign").get("permissions"))
                .isEqualTo(Map.of("contents", "read", "id-token", "write"));
        assertThat(jobs.get("release").get("permissions")).isEqualTo(Map.of("contents", "write"));
        assertThat(jobs.get("deploy").get("permissions")).isEqualTo(read);
        assertThat(jobs.get("deploy").get("environment"))
                .isEqualTo(
                        Map.of(
                                "name",
                                "release",
                                "url",
                                "https://central.sonatype.com/namespace/dev.pipewright"));
    }

    @Test
    void stepsOfEachJob() {
        assertThat(stepIds("build"))
                .containsExactly("checkout", "jdk17", "version", "build", "sbom", "upload-cli");
        assertThat(stepIds("image"))
                .containsExactly(
                        "checkout",
                        "jdk25",
                        "jdk17",
                        "tools",
                        "jib",
                        "push",
                        "check-digest",
                        "cosign",
                        "sign-image",
                        "unpack",
                        "sbom",
                        "upload-image-sbom");
        assertThat(stepIds("pin"))
                .containsExactly(
                        "checkout", "jdk17", "download-cli", "rewrite", "lint-actions", "tag");
        assertThat(stepIds("sign"))
                .containsExactly(
                        "checkout",
                        "download-cli",
                        "download-image-sbom",
                        "image-digest",
                        "checksums",
                        "sign",
                        "attest",
                        "cosign",
                        "keyless",
                        "upload-assets");
        assertThat(stepIds("release"))
                .containsExactly("checkout", "download-release-assets", "notes");
        assertThat(stepIds("deploy")).containsExactly("checkout", "setup-java", "deploy");
        assertThat(uses("build", "sbom")).isEqualTo("./.github/actions/pipewright-sbom");
        assertThat(uses("image", "sbom")).isEqualTo("./.github/actions/pipewright-sbom");
        assertThat(uses("sign", "checksums")).isEqualTo("./.github/actions/pipewright-checksums");
        assertThat(uses("sign", "sign")).isEqualTo("./.github/actions/pipewright-sign");
        assertThat(uses("sign", "attest")).isEqualTo("./.github/actions/pipewright-attest");
        assertThat(uses("release", "notes"))
                .isEqualTo("./.github/actions/pipewright-release-notes");
        assertThat(with("release", "notes"))
                .containsEntry("github-release", true)
                .containsEntry("assets", "dist/*");
        assertThat(run("sign", "keyless"))
                .contains("cosign sign-blob --yes")
                .contains("cosign attest-blob --yes");
        assertThat(with("release", "notes"))
                .containsEntry("to", "v${{ needs.build.outputs.version }}");
        assertThat(with("release", "checkout"))
                .containsEntry("ref", "v${{ needs.build.outputs.version }}");
        assertThat(with("deploy", "checkout"))
                .containsEntry("ref", "v${{ needs.build.outputs.version }}");
        // -Pcentral: sources, javadoc and GPG signatures, which Central requires of every artifact
        assertThat(run("deploy", "deploy"))
                .contains(" deploy")
                .contains(" -Pcentral ")
                .doesNotContain("${{");
    }

    /**
     * docs/publishing-actions.md, in order: build, push, the pushed digest equals the built one,
     * sign it, rewrite every action.yml to that digest, lint them with unpinned-images required
     * clean, then commit and tag. Each step reads the digest the push step recorded, never a tag.
     */
    @Test
    void theReleaseCommitPinsTheActionsToTheImageItPushedCheckedAndSigned() {
        assertThat(run("image", "jib")).contains("-pl image -am").contains("-Dimage.required=true");
        assertThat(run("image", "push"))
                .contains(
                        "skopeo copy --digestfile image-digest.txt oci-archive:image/target/image.tar");
        assertThat(run("image", "check-digest"))
                .contains("$(cat image/target/image.digest)")
                .contains("if [ \"$PUSHED\" != \"$built\" ]")
                .contains("exit 1");
        assertThat(env("image", "check-digest"))
                .containsEntry("PUSHED", "${{ steps.push.outputs.digest }}");
        assertThat(run("image", "sign-image")).endsWith("\ncosign sign --yes \"$IMAGE@$DIGEST\"");
        assertThat(env("image", "sign-image"))
                .containsEntry("IMAGE", "ghcr.io/pipewright/pipewright-actions")
                .containsEntry("DIGEST", "${{ steps.push.outputs.digest }}");
        assertThat(run("pin", "rewrite"))
                .isEqualTo("java image/src/build/PinActionImages.java actions \"$IMAGE@$DIGEST\"");
        assertThat(env("pin", "rewrite"))
                .containsEntry("DIGEST", "${{ needs.image.outputs.digest }}");
        assertThat(jobs.get("image").get("outputs"))
                .isEqualTo(Map.of("digest", "${{ steps.push.outputs.digest }}"));
        // the default fail level (note) and no ignore: any finding, unpinned-images above all,
        // stops the release
        assertThat(run("pin", "lint-actions"))
                .isEqualTo(
                        "java -jar \"dist/pipewright-$VERSION.jar\" lint --fail-level note actions/*/action.yml");
        String tag = run("pin", "tag");
        assertThat(tag).contains("git commit").contains("-- actions");
        assertThat(tag.indexOf("git commit")).isLessThan(tag.indexOf("git tag -a \"v$VERSION\""));
        assertThat(tag.indexOf("git tag -a"))
                .isLessThan(tag.indexOf("push origin \"refs/tags/v$VERSION\""));
        assertThat(tag).doesNotContain("refs/heads").doesNotContain("push origin HEAD");
    }

    @Test
    void noCacheAndNoSecretInAnyScript() {
        assertThat(yaml)
                .doesNotContain("actions/cache")
                .doesNotContain("cache: ")
                .doesNotContain("cache-from");
        for (String job : jobs.keySet()) {
            for (Map<String, Object> step : steps(job)) {
                if (step.containsKey("run")) {
                    assertThat((String) step.get("run"))
                            .as(job + "/" + step.get("id"))
                            .doesNotContain("${{");
                }
            }
        }
        assertThat(env("deploy", "deploy"))
                .containsEntry("CENTRAL_USERNAME", "${{ secrets.CENTRAL_USERNAME }}")
                .containsEntry("CENTRAL_PASSWORD", "${{ secrets.CENTRAL_PASSWORD }}");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) jobs.get(job).get("steps");
    }

    static List<String> stepIds(String job) {
        return steps(job).stream().map(s -> (String) s.get("id")).collect(Collectors.toList());
    }

    static Map<String, Object> step(String job, String id) {
        return steps(job).stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
    }

    static String uses(String job, String id) {
        return (String) step(job, id).get("uses");
    }

    static String run(String job, String id) {
        return (String) step(job, id).get("run");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(String job, String id) {
        return (Map<String, Object>) step(job, id).get("with");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(String job, String id) {
        return (Map<String, Object>) step(job, id).get("env");
    }
}
