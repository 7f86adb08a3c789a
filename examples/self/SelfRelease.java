package dev.pipewright.examples.self;

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.bindings.ActionsSetupJava;
import dev.pipewright.bindings.CosignInstaller;
import dev.pipewright.model.Environment;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.DispatchInput;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.stacks.Stages;
import dev.pipewright.stacks.actions.PipewrightAttest;
import dev.pipewright.stacks.actions.PipewrightChecksums;
import dev.pipewright.stacks.actions.PipewrightReleaseNotes;
import dev.pipewright.stacks.actions.PipewrightSbom;
import dev.pipewright.stacks.actions.PipewrightSign;

/**
 * This repository's {@code release.yml}, started by hand with the version to release: build and
 * test, the action image pushed to GHCR (its pushed digest checked against the one Jib computed)
 * and signed by digest, the release commit (every {@code actions/*}{@code /action.yml} pinned to
 * that digest, linted, tagged {@code vX.Y.Z}), SBOMs, checksums, signatures and an attestation, the
 * GitHub release with its notes, and the Maven artifacts deployed to Central; see
 * docs/publishing-actions.md. The tag is made here, not pushed by hand, because the commit it names
 * must contain the image digest, which exists only once the image is built. Each job gets only the
 * permission its own step needs: {@code packages: write} and {@code id-token: write} only where the
 * image is pushed and signed, {@code id-token: write} where files are signed keyless, {@code
 * contents: write} only where the tag is pushed and the release is created. No job restores a cache
 * (a release build must not run on what another branch cached).
 *
 * <p>The {@code release} environment of the deploy job must have required reviewers in the
 * repository settings: the Central credentials and the GPG key are environment secrets, released
 * only after a maintainer approves.
 */
final class SelfRelease {
    static final String IMAGE = "ghcr.io/pipewright/pipewright-actions";
    static final String VERSIONS_SET =
            "mvn -B -ntp org.codehaus.mojo:versions-maven-plugin:2.18.0:set "
                    + "-DnewVersion=\"$VERSION\" -DgenerateBackupPoms=false -DprocessAllModules=true\n";

    /** Central's OSSRH-compatible staging endpoint for Portal namespaces. */
    static final String CENTRAL =
            "https://ossrh-staging-api.central.sonatype.com/service/local/staging/deploy/maven2/";

    private SelfRelease() {}

    static Workflow workflow() {
        RunStep version =
                Step.run(
                                """
                        if ! [[ "$VERSION" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then
                          echo "::error::version '$VERSION' is not X.Y.Z"
                          exit 1
                        fi
                        if git ls-remote --exit-code --tags origin "refs/tags/v$VERSION" >/dev/null; then
                          echo "::error::the tag v$VERSION exists already"
                          exit 1
                        fi
                        echo "version=$VERSION" >> "$GITHUB_OUTPUT\"""")
                        .id("version")
                        .name("Check the version")
                        .env("VERSION", Expr.input("version"))
                        .build();
        NormalJob build =
                Stages.job("build", 40)
                        .name("build and test")
                        .output("version", version.output("version"))
                        .step(Stages.checkout())
                        .step(jdk("17"))
                        .step(version)
                        .step(
                                Step.run(
                                                VERSIONS_SET
                                                        + "mvn -B -ntp -pl '!image' verify\n"
                                                        + "mkdir -p dist && cp cli/target/pipewright.jar \"dist/pipewright-$VERSION.jar\"")
                                        .id("build")
                                        .name("Build and test (the image has its own job)")
                                        .env("VERSION", version.output("version"))
                                        .build())
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SBOM of the CLI jar")
                                        .path("cli/target/pipewright.jar")
                                        .format("spdx-json")
                                        .output("dist/pipewright-cli.spdx.json")
                                        .nameInput("pipewright-cli")
                                        .version(version.output("version").wrapped())
                                        .build())
                        .step(Stages.upload("upload-cli", "cli", "dist/", 7))
                        .build();

        Expr v = build.output("version");
        UsesStep jdk25 =
                ActionsSetupJava.builder()
                        .id("jdk25")
                        .name("Set up JDK 25 (jlink and the AOT cache)")
                        .distribution("temurin")
                        .javaVersion("25")
                        .build();
        RunStep push =
                Step.run(
                                """
                        printf '%s' "$GH_TOKEN" | skopeo login ghcr.io --username "$ACTOR" --password-stdin
                        skopeo copy --digestfile image-digest.txt oci-archive:image/target/image.tar "docker://$IMAGE:$VERSION"
                        echo "digest=$(cat image-digest.txt)" >> "$GITHUB_OUTPUT\"""")
                        .id("push")
                        .name("Push the image to GHCR")
                        .env("GH_TOKEN", Expr.github("token"))
                        .env("ACTOR", Expr.github("actor"))
                        .env("IMAGE", IMAGE)
                        .env("VERSION", v)
                        .build();
        NormalJob image =
                Stages.job("image", 30)
                        .name("action image")
                        .needs(build)
                        .permissions(
                                Stages.read(
                                                PermissionScope.PACKAGES,
                                                PermissionLevel.WRITE,
                                                "step push pushes the image to GHCR")
                                        .with(
                                                PermissionScope.ID_TOKEN,
                                                PermissionLevel.WRITE,
                                                "step sign-image signs keyless with the run's OIDC token"))
                        .output("digest", push.output("digest"))
                        .step(Stages.checkout())
                        .step(jdk25)
                        .step(jdk("17"))
                        .step(
                                Stages.withRetry(
                                                "retry sudo apt-get update\n"
                                                        + "retry sudo apt-get install -y --no-install-recommends bubblewrap skopeo jq\n")
                                        .id("tools")
                                        .name("Install bubblewrap, skopeo and jq")
                                        .build())
                        .step(
                                Step.run(
                                                VERSIONS_SET
                                                        + "mvn -B -ntp -pl image -am -DskipTests -Dimage.required=true package")
                                        .id("jib")
                                        .name(
                                                "Build the image with Jib (reproducible, layered, trained AOT cache)")
                                        .env("VERSION", v)
                                        .env("JDK25_HOME", jdk25.output("path"))
                                        .build())
                        .step(push)
                        // The action.yml files will name this digest: it must be the image Jib
                        // built, byte for byte (a
                        // registry that converted the manifest, e.g. OCI to Docker, would give
                        // another).
                        .step(
                                Step.run(
                                                """
                                built="$(cat image/target/image.digest)"
                                if [ "$PUSHED" != "$built" ]; then
                                  echo "::error::the registry stores $IMAGE as $PUSHED, but Jib built $built"
                                  exit 1
                                fi""")
                                        .id("check-digest")
                                        .name("Check the pushed digest is the built one")
                                        .env("IMAGE", IMAGE)
                                        .env("PUSHED", push.output("digest"))
                                        .build())
                        .step(CosignInstaller.builder().id("cosign").name("Install cosign").build())
                        // cosign pushes the signature next to the image; skopeo's login is in a
                        // file cosign may not read
                        .step(
                                Step.run(
                                                """
                                printf '%s' "$GH_TOKEN" | cosign login ghcr.io --username "$ACTOR" --password-stdin
                                cosign sign --yes "$IMAGE@$DIGEST\"""")
                                        .id("sign-image")
                                        .name("Sign the image by digest keyless (GitHub OIDC)")
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .env("ACTOR", Expr.github("actor"))
                                        .env("IMAGE", IMAGE)
                                        .env("DIGEST", push.output("digest"))
                                        .build())
                        .step(
                                Step.run(
                                                """
                                skopeo copy oci-archive:image/target/image.tar dir:image-dir
                                mkdir -p image-rootfs dist
                                for layer in $(jq -r '.layers[].digest | sub("^sha256:"; "")' image-dir/manifest.json); do
                                  tar -xf "image-dir/$layer" -C image-rootfs
                                done""")
                                        .id("unpack")
                                        .name("Unpack the image for its SBOM")
                                        .build())
                        .step(
                                PipewrightSbom.builder()
                                        .id("sbom")
                                        .name("SBOM of the image")
                                        .path("image-rootfs")
                                        .format("spdx-json")
                                        .output("dist/pipewright-actions-image.spdx.json")
                                        .nameInput(IMAGE)
                                        .version(v.wrapped())
                                        .build())
                        .step(Stages.upload("upload-image-sbom", "image-sbom", "dist/", 7))
                        .build();

        // The release commit: only the runs.image line of each action changes, and it exists only
        // under its tag (the
        // branch keeps the development tag, which the linter reports there: a development commit is
        // not a release).
        NormalJob pin =
                Stages.job("pin", 15)
                        .name("release commit with the actions pinned to the image digest")
                        .needs(build, image)
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        PermissionLevel.WRITE,
                                        "step tag pushes the release tag"))
                        .step(Stages.checkout())
                        .step(jdk("17"))
                        .step(Stages.download("cli", "dist"))
                        .step(
                                Step.run(
                                                "java image/src/build/PinActionImages.java actions \"$IMAGE@$DIGEST\"")
                                        .id("rewrite")
                                        .name("Pin every actions/*/action.yml to the image digest")
                                        .env("IMAGE", IMAGE)
                                        .env("DIGEST", image.output("digest"))
                                        .build())
                        .step(
                                Step.run(
                                                "java -jar \"dist/pipewright-$VERSION.jar\" lint --fail-level note actions/*/action.yml")
                                        .id("lint-actions")
                                        .name(
                                                "Lint the actions (unpinned-images must find nothing)")
                                        .env("VERSION", v)
                                        .build())
                        .step(
                                Step.run(
                                                """
                                git config user.name "github-actions[bot]"
                                git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
                                git commit -q -m "Release v$VERSION: actions run $IMAGE@$DIGEST" -- actions
                                git tag -a "v$VERSION" -m "Pipewright $VERSION"
                                auth="$(printf 'x-access-token:%s' "$GH_TOKEN" | base64 -w0)"
                                git -c "http.https://github.com/.extraheader=AUTHORIZATION: basic $auth" push origin "refs/tags/v$VERSION"
                                commit="$(git rev-parse HEAD)"
                                echo "commit=$commit" >> "$GITHUB_OUTPUT"
                                {
                                  echo "Tagged v$VERSION on $commit. Record it in catalog/own-actions.yml on the main branch:"
                                  echo
                                  printf '    release: v%s\\n    commit: %s\\n' "$VERSION" "$commit"
                                } >> "$GITHUB_STEP_SUMMARY\"""")
                                        .id("tag")
                                        .name("Commit and tag the release")
                                        .env("VERSION", v)
                                        .env("IMAGE", IMAGE)
                                        .env("DIGEST", image.output("digest"))
                                        .env("GH_TOKEN", Expr.github("token"))
                                        .build())
                        .build();

        String key = Expr.secret("PIPEWRIGHT_SIGNING_KEY").wrapped();
        NormalJob sign =
                Stages.job("sign", 15)
                        .name("checksums, signatures and attestation")
                        .needs(build, image)
                        .permissions(
                                Stages.read(
                                        PermissionScope.ID_TOKEN,
                                        PermissionLevel.WRITE,
                                        "step keyless signs and attests with the run's OIDC token"))
                        .step(Stages.checkout())
                        .step(Stages.download("cli", "dist"))
                        .step(Stages.download("image-sbom", "dist"))
                        .step(
                                Step.run(
                                                "printf '%s@%s\\n' \"$IMAGE\" \"$DIGEST\" > dist/pipewright-actions-image.digest")
                                        .id("image-digest")
                                        .name("Record the image digest")
                                        .env("IMAGE", IMAGE)
                                        .env("DIGEST", image.output("digest"))
                                        .build())
                        .step(
                                PipewrightChecksums.builder()
                                        .id("checksums")
                                        .name("checksums.txt")
                                        .files("dist/*")
                                        .output("dist/checksums.txt")
                                        .build())
                        .step(
                                PipewrightSign.builder(key, "dist/*.jar\ndist/checksums.txt")
                                        .id("sign")
                                        .name("Sign the jar and checksums.txt (project key)")
                                        .env(
                                                "COSIGN_PASSWORD",
                                                Expr.secret("PIPEWRIGHT_SIGNING_PASSWORD"))
                                        .build())
                        .step(
                                PipewrightAttest.builder(
                                                key,
                                                "dist/pipewright-*.jar",
                                                "dist/pipewright-cli.spdx.json",
                                                "spdx")
                                        .id("attest")
                                        .name("Attest the jar's SBOM (project key)")
                                        .output("dist/pipewright-cli.intoto.sigstore.json")
                                        .env(
                                                "COSIGN_PASSWORD",
                                                Expr.secret("PIPEWRIGHT_SIGNING_PASSWORD"))
                                        .build())
                        .step(CosignInstaller.builder().id("cosign").name("Install cosign").build())
                        .step(
                                Step.run(
                                                """
                                cosign sign-blob --yes --bundle dist/checksums.txt.keyless.sigstore.json dist/checksums.txt
                                cosign attest-blob --yes --type spdxjson --predicate dist/pipewright-actions-image.spdx.json \\
                                  --bundle dist/pipewright-actions-image.intoto.keyless.sigstore.json dist/pipewright-actions-image.digest""")
                                        .id("keyless")
                                        .name(
                                                "Sign checksums.txt and attest the image SBOM keyless (GitHub OIDC)")
                                        .build())
                        .step(Stages.upload("upload-assets", "release-assets", "dist/", 7))
                        .build();

        NormalJob release =
                Stages.job("release", 10)
                        .name("GitHub release")
                        .needs(build, pin, sign)
                        .permissions(
                                Permissions.of(
                                        PermissionScope.CONTENTS,
                                        PermissionLevel.WRITE,
                                        "step notes creates the GitHub release with its assets"))
                        .step(
                                ActionsCheckout.builder()
                                        .id("checkout")
                                        .name("Check out the release tag with history")
                                        .ref("v" + v.wrapped())
                                        .fetchDepth(0L)
                                        .persistCredentials(false)
                                        .build())
                        .step(Stages.download("release-assets", "dist"))
                        .step(
                                PipewrightReleaseNotes.builder()
                                        .id("notes")
                                        .name("Release notes and the release with its assets")
                                        .to("v" + v.wrapped())
                                        .githubRelease(true)
                                        .githubToken(Expr.github("token").wrapped())
                                        .assets("dist/*")
                                        .build())
                        .build();

        NormalJob deploy =
                Stages.job("deploy", 20)
                        .name("deploy to Maven Central")
                        .needs(build, release)
                        .environment(
                                Environment.of(
                                        "release",
                                        "https://central.sonatype.com/namespace/dev.pipewright"))
                        .step(
                                ActionsCheckout.builder()
                                        .id("checkout")
                                        .name("Check out the release tag")
                                        .ref("v" + v.wrapped())
                                        .persistCredentials(false)
                                        .build())
                        .step(
                                ActionsSetupJava.builder()
                                        .id("setup-java")
                                        .name("Set up JDK 17 with Central and GPG")
                                        .distribution("temurin")
                                        .javaVersion("17")
                                        .serverId("central")
                                        .serverUsername("CENTRAL_USERNAME")
                                        .serverPassword("CENTRAL_PASSWORD")
                                        .gpgPrivateKey(
                                                Expr.secret("MAVEN_GPG_PRIVATE_KEY").wrapped())
                                        .gpgPassphrase("MAVEN_GPG_PASSPHRASE")
                                        .build())
                        .step(
                                Step.run(
                                                VERSIONS_SET
                                                        + "mvn -B -ntp -Pcentral -pl '!image' -DskipTests "
                                                        + "-DaltDeploymentRepository=\"central::$CENTRAL\" deploy")
                                        .id("deploy")
                                        .name("Deploy to Central")
                                        .env("VERSION", v)
                                        .env("CENTRAL", CENTRAL)
                                        .env("CENTRAL_USERNAME", Expr.secret("CENTRAL_USERNAME"))
                                        .env("CENTRAL_PASSWORD", Expr.secret("CENTRAL_PASSWORD"))
                                        .env(
                                                "MAVEN_GPG_PASSPHRASE",
                                                Expr.secret("MAVEN_GPG_PASSPHRASE"))
                                        .build())
                        .build();

        return Workflow.builder("release.yml")
                .name("Release")
                .on(
                        Trigger.workflowDispatch()
                                .input(
                                        "version",
                                        DispatchInput.string(
                                                        "Version to release, X.Y.Z (the tag vX.Y.Z is made by this workflow)")
                                                .asRequired()))
                .permissions(Permissions.none())
                .concurrency(Stages.releaseConcurrency("release"))
                .job(build)
                .job(image)
                .job(pin)
                .job(sign)
                .job(release)
                .job(deploy)
                .build();
    }

    /**
     * A JDK without a dependency cache: release builds start from nothing another branch could have
     * written.
     */
    private static UsesStep jdk(String version) {
        return ActionsSetupJava.builder()
                .id("jdk" + version)
                .name("Set up JDK " + version)
                .distribution("temurin")
                .javaVersion(version)
                .build();
    }
}
