package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grant's reason is written as the comment on its line, where zizmor's undocumented-permissions
 * looks for it.
 */
class PermissionCommentsTest {
    @Test
    void eachReasonIsTheCommentOfItsScope() {
        Permissions p =
                Permissions.contentsRead()
                        .with(
                                PermissionScope.SECURITY_EVENTS,
                                PermissionLevel.WRITE,
                                "step upload-sarif sends SARIF # to code scanning")
                        .with(PermissionScope.ACTIONS, PermissionLevel.READ);
        String yaml =
                YamlWriter.write(
                        new YamlMap().put("permissions", WorkflowTree.permissions(p)), List.of());
        assertThat(yaml)
                .isEqualTo(
                        """
        permissions:
          actions: read
          contents: read
          security-events: write # step upload-sarif sends SARIF # to code scanning
        """);
    }
}
