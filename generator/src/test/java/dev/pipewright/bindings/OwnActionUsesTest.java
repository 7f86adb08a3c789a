package dev.pipewright.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.ActionRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OwnActionUsesTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void positiveARecordWithAReleaseGivesThePublishedFormPinnedToItsCommit() {
        OwnActionUses record =
                OwnActionUses.parse(
                        """
                # comment
                repository: pipewright/pipewright

                release: v0.2.0
                commit: '%s'  # the release commit
                """
                                .formatted(SHA),
                        "own-actions.yml");
        ActionRef ref = record.ref("coverage-gate");
        assertThat(ref)
                .isEqualTo(
                        ActionRef.pinned(
                                "pipewright/pipewright/actions/coverage-gate", SHA, "v0.2.0"));
        assertThat(ref.isPinned()).isTrue();
        assertThat(record.release()).contains("v0.2.0");
    }

    @Test
    void positiveWithoutAReleaseEveryActionIsVendored() {
        OwnActionUses record =
                OwnActionUses.parse("repository: octo/pipewright\n", "own-actions.yml");
        assertThat(record.ref("sign-keygen"))
                .isEqualTo(ActionRef.parse("./.github/actions/pipewright-sign-keygen"));
        assertThat(record.release()).isEmpty();
        assertThatThrownBy(() -> record.published("sbom"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("octo/pipewright has no release");
    }

    @Test
    void positiveTheBundledRecordIsTheCatalogFileAndParses() throws IOException {
        Path catalog = Path.of("../catalog/own-actions.yml");
        OwnActionUses bundled = OwnActionUses.bundled();
        assertThat(bundled.repository()).isEqualTo("pipewright/pipewright");
        if (Files.isRegularFile(catalog)) {
            assertThat(OwnActionUses.parse(Files.readString(catalog), catalog.toString()))
                    .hasToString(bundled.toString());
        }
    }

    @Test
    void negativeAHandEditThatWouldSilentlyVendorIsRejectedWithItsLine() {
        assertThatThrownBy(() -> OwnActionUses.parse("repository: a/b\nrelase: v1.0.0\n", "r.yml"))
                .hasMessage(
                        "r.yml:2: unknown key 'relase'; the keys are repository, release and commit");
        assertThatThrownBy(() -> OwnActionUses.parse("repository: a/b\nrelease: v1.0.0\n", "r.yml"))
                .hasMessage("r.yml: release and commit go together: release v1.0.0 has no commit");
        assertThatThrownBy(
                        () ->
                                OwnActionUses.parse(
                                        "repository: a/b\nrelease: 1.0\ncommit: " + SHA + "\n",
                                        "r.yml"))
                .hasMessage("r.yml: release '1.0' is not vX.Y.Z");
        assertThatThrownBy(
                        () ->
                                OwnActionUses.parse(
                                        "repository: a/b\nrelease: v1.0.0\ncommit: abc\n", "r.yml"))
                .hasMessage("r.yml: commit 'abc' is not a 40-hex commit SHA");
        assertThatThrownBy(() -> OwnActionUses.parse("- repository: a/b\n", "r.yml"))
                .hasMessage("r.yml:1: expected 'key: value', got '- repository: a/b'");
        assertThatThrownBy(() -> OwnActionUses.parse("repository: a/b\nrepository: c/d\n", "r.yml"))
                .hasMessage("r.yml:2: 'repository' given twice");
        assertThatThrownBy(() -> OwnActionUses.parse("# nothing\n", "r.yml"))
                .hasMessage("r.yml: no 'repository: owner/name'");
    }

    @Test
    void negativeAnActionIdIsOneLowerCaseName() {
        OwnActionUses record = OwnActionUses.released("a/b", "v1.2.3", SHA);
        assertThatThrownBy(() -> record.ref("../x"))
                .hasMessageContaining("'../x' is not an action id");
        assertThatThrownBy(() -> OwnActionUses.vendored("Sign"))
                .hasMessageContaining("'Sign' is not an action id");
    }
}
