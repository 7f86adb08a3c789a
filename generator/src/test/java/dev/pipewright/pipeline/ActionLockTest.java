package dev.pipewright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionLockTest {
    private static final String A = "1111111111111111111111111111111111111111";
    private static final String B = "2222222222222222222222222222222222222222";

    @Test
    void bundledLockIsOnTheClassPath() {
        ActionLock lock = ActionLock.bundled();
        assertThat(lock.sha("actions/checkout", "v7.0.1"))
                .contains("3d3c42e5aac5ba805825da76410c181273ba90b1");
        assertThat(List.copyOf(lock.entries().keySet())).isSorted();
    }

    @Test
    void parsesCommentsBlankLinesAndQuotes() {
        ActionLock lock =
                ActionLock.parse(
                        "# header\n\nb/b@v1: '" + B + "'\na/a@v2.0.0: " + A + "  # note\n", "x");
        assertThat(lock.entries())
                .containsExactly(Map.entry("a/a@v2.0.0", A), Map.entry("b/b@v1", B));
    }

    @Test
    void rejectsMalformedLinesWithTheirPosition() {
        assertThatThrownBy(() -> ActionLock.parse("# h\na/a@v1: nothex\n", "lock.yml"))
                .hasMessage(
                        "lock.yml:2: expected 'owner/repo@tag: <40-hex sha>', got 'a/a@v1: nothex'");
        assertThatThrownBy(
                        () ->
                                ActionLock.parse(
                                        "a/a@v1: " + A + "\na/a@v1: " + B + "\n", "lock.yml"))
                .hasMessage("lock.yml:2: a/a@v1 is listed twice");
    }

    @Test
    void formatIsSortedAndReadsBack() {
        ActionLock lock = ActionLock.empty().with("z/z@v1", A).with("a/a@v1", B);
        String text = lock.format();
        assertThat(text).startsWith("# ").endsWith("a/a@v1: " + B + "\nz/z@v1: " + A + "\n");
        assertThat(ActionLock.parse(text, "x").entries()).isEqualTo(lock.entries());
        assertThatThrownBy(() -> lock.with("a/a@v1", "abc"))
                .hasMessage("a/a@v1: 'abc' is not a 40-hex commit SHA");
        assertThatThrownBy(() -> lock.with("nope", A)).hasMessage("'nope' is not owner/repo@tag");
    }

    @Test
    void projectLockOverridesBundledEntries(@TempDir Path root) throws IOException {
        assertThat(ActionLock.forProject(root).entries()).isEqualTo(ActionLock.bundled().entries());
        Files.createDirectories(root.resolve(".github"));
        Files.writeString(
                root.resolve(ActionLock.PROJECT_LOCK),
                "actions/checkout@v7.0.1: " + A + "\nacme/x@v1: " + B + "\n");
        ActionLock lock = ActionLock.forProject(root);
        assertThat(lock.sha("actions/checkout", "v7.0.1")).contains(A);
        assertThat(lock.sha("acme/x", "v1")).contains(B);
        assertThat(lock.sha("actions/setup-java", "v5.7.0"))
                .contains("b6effb05e454b25005698d916606bdc6ffcbf961");
    }

    @Test
    void repositoryOfASubPathAction() {
        assertThat(ActionLock.repository("github/codeql-action/upload-sarif"))
                .isEqualTo("github/codeql-action");
        assertThat(ActionLock.repository("actions/checkout")).isEqualTo("actions/checkout");
    }

    // GitHub resolves owner/repo in any case (the linter's reader always matched so); tags are
    // case-sensitive git refs
    @Test
    void ownerAndRepoMatchInAnyCaseTagsExactly() {
        ActionLock lock = ActionLock.parse("Actions/Checkout@v4: " + A + "\n", "t.lock");
        assertThat(lock.sha("actions/checkout", "v4")).contains(A);
        assertThat(lock.sha("ACTIONS/CHECKOUT", "v4")).contains(A);
        assertThat(lock.sha("actions/checkout", "V4")).isEmpty();
        assertThatThrownBy(
                        () -> ActionLock.parse("a/b@v1: " + A + "\nA/B@v1: " + B + "\n", "t.lock"))
                .hasMessage("t.lock:2: a/b@v1 is listed twice");
    }
}
