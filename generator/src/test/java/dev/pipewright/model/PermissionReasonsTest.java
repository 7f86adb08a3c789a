package dev.pipewright.model;

import static dev.pipewright.model.PermissionLevel.READ;
import static dev.pipewright.model.PermissionLevel.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a grant is for travels with it, and only as one comment line. */
class PermissionReasonsTest {
    @Test
    void aReasonBelongsToItsScope() {
        Permissions.Scoped p =
                Permissions.contentsRead()
                        .with(PermissionScope.PACKAGES, WRITE, "step push uploads the image")
                        .with(PermissionScope.ID_TOKEN, WRITE, "step sign signs keyless");
        assertThat(p.reason(PermissionScope.PACKAGES)).contains("step push uploads the image");
        assertThat(p.reason(PermissionScope.ID_TOKEN)).contains("step sign signs keyless");
        assertThat(p.reason(PermissionScope.CONTENTS)).isEmpty();
        assertThat(p.reasons().keySet())
                .extracting(PermissionScope::key)
                .containsExactly("id-token", "packages");
    }

    @Test
    void changingALevelDropsTheReasonGivenForTheOldOne() {
        Permissions.Scoped p =
                Permissions.of(PermissionScope.CONTENTS, WRITE, "step tag pushes the tag")
                        .with(PermissionScope.CONTENTS, READ);
        assertThat(p.grants()).containsEntry(PermissionScope.CONTENTS, READ);
        assertThat(p.reason(PermissionScope.CONTENTS)).isEmpty();
    }

    @Test
    void aReasonIsOneLine() {
        assertThatThrownBy(
                        () ->
                                Permissions.contentsRead()
                                        .with(
                                                PermissionScope.ISSUES,
                                                WRITE,
                                                "files an issue\nissues: write"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "permission reason for issues must be one non-blank line of printable text, got"
                                + " \"files an issue\\nissues: write\"");
        assertThatThrownBy(() -> Permissions.of(PermissionScope.ISSUES, WRITE, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank");
    }

    @Test
    void aReasonNeedsItsGrant() {
        assertThatThrownBy(
                        () ->
                                new Permissions.Scoped(
                                        Map.of(PermissionScope.CONTENTS, READ),
                                        Map.of(
                                                PermissionScope.PACKAGES,
                                                "step push uploads the image")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "permission reason for packages, which is not granted; grant it with with(scope, level, reason)");
    }
}
