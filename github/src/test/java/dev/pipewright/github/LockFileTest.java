package dev.pipewright.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockFileTest {
    private static final String SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

    @Test
    void readsEntriesCommentsAndQuotes() {
        List<LockFile.Entry> entries =
                LockFile.read(
                        "# header\n\nactions/checkout@v4.2.2: "
                                + SHA
                                + "\n"
                                + "  github/codeql-action@v3: '"
                                + SHA
                                + "'  # note\n",
                        "a.lock");
        assertThat(entries)
                .containsExactly(
                        new LockFile.Entry("actions/checkout", "v4.2.2", SHA, 3),
                        new LockFile.Entry("github/codeql-action", "v3", SHA, 4));
    }

    @Test
    void strictReadingNamesTheBadLineLenientReadingSkipsIt() {
        String text = "actions/checkout@v4: " + SHA + "\nnot an entry\n";
        assertThatThrownBy(() -> LockFile.read(text, "x.lock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "x.lock:2: expected 'owner/repo@tag: <40-hex sha>', got 'not an entry'");
        assertThat(LockFile.readLenient(text))
                .extracting(LockFile.Entry::key)
                .containsExactly("actions/checkout@v4");
    }

    // GitHub resolves owner/repo in any case; a tag is a git ref, and refs are case-sensitive
    @Test
    void ownerAndRepoAreCaseInsensitiveTagsAreNot() {
        assertThat(LockFile.key("Actions/Checkout", "v4"))
                .isEqualTo(LockFile.key("actions/checkout", "v4"));
        assertThat(LockFile.key("actions/checkout", "V4"))
                .isNotEqualTo(LockFile.key("actions/checkout", "v4"));
    }
}
