package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import java.util.List;

/**
 * The tag release the service stacks share: a {@code build} job (given its setup and packaging
 * steps) that checks the tag is a semantic version and leaves {@code release/} with an SBOM and
 * checksums, then a {@code publish} job, the only one that may write contents, which makes the
 * GitHub release with notes from the commits since the last tag.
 */
final class ServiceRelease {
    private ServiceRelease() {}

    /** {@code steps.version.outputs.version}: the tag without its leading v. */
    static final Expr VERSION = Expr.raw("steps.version.outputs.version");

    static RunStep version() {
        return Step.run(
                        "version=\"${GITHUB_REF_NAME#v}\"\n"
                                + "echo \"$version\" | grep -Eq '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$' \\\n"
                                + "  || { echo \"::error::$GITHUB_REF_NAME is not a semantic version\"; exit 1; }\n"
                                + "echo \"version=$version\" >> \"$GITHUB_OUTPUT\"\n")
                .id("version")
                .name("Semantic version from the tag")
                .build();
    }

    /**
     * release.yml on tags v*: {@code setup} then {@code packaging} (which must leave the release
     * files in release/) in the build job, whose SBOM and checksums join them.
     */
    static Workflow workflow(List<Step> setup, List<Step> packaging) {
        NormalJob.Builder build =
                job("build", 30)
                        .name("build the release")
                        .output("version", VERSION)
                        .step(Stages.checkout());
        setup.forEach(build::step);
        build.step(version());
        packaging.forEach(build::step);
        build.step(
                        PipewrightSbom.builder()
                                .id("sbom")
                                .name("SPDX SBOM")
                                .path(".")
                                .format("spdx-json")
                                .output("release/sbom.spdx.json")
                                .version(VERSION)
                                .build())
                .step(
                        PipewrightChecksums.builder()
                                .id("checksums")
                                .name("SHA-256 and SHA-512 checksums")
                                .files("release/*")
                                .algorithms("sha256,sha512")
                                .output("release/checksums.txt")
                                .build())
                .step(Stages.upload("upload-release", "release", "release/", 90));
        NormalJob b = build.build();
        NormalJob publish =
                job("publish", 10)
                        .name("GitHub release")
                        .needs(b)
                        .permissions(Stages.releaseNotesPublishing())
                        .step(Stages.checkoutHistory())
                        .step(Stages.download("release", "release"))
                        .step(
                                PipewrightReleaseNotes.builder()
                                        .id("release")
                                        .name(
                                                "Release with notes from Conventional Commits, artifacts, SBOM and checksums")
                                        .githubRelease(true)
                                        .githubToken(Expr.github("token").wrapped())
                                        .assets("release/*")
                                        .build())
                        .build();
        return Workflow.builder("release.yml")
                .name("Release")
                .on(Trigger.push().tags("v*"))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("release"))
                .job(b)
                .job(publish)
                .build();
    }
}
