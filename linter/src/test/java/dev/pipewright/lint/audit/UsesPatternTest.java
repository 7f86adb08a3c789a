package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.github.Uses;
import org.junit.jupiter.api.Test;

/** zizmor's repository patterns (its RepositoryUsesPattern tests), as forbidden-uses reads them. */
class UsesPatternTest {
    private static boolean matches(String pattern, String uses) {
        return UsesPattern.parse(pattern).matches(Uses.parse(uses).orElseThrow());
    }

    @Test
    void positiveEachFormMatchesWhatItNames() {
        assertThat(matches("*", "acme/tool@v1")).isTrue();
        assertThat(matches("Actions/*", "actions/cache/save@v4")).isTrue();
        assertThat(matches("actions/cache/*", "actions/cache/save@v4")).isTrue();
        assertThat(matches("actions/cache/*", "ACTIONS/Cache@v4")).isTrue();
        assertThat(matches("actions/cache", "actions/cache@v4")).isTrue();
        assertThat(matches("github/codeql-action/init", "github/codeql-action/init@v3")).isTrue();
        assertThat(matches("actions/checkout@v4", "actions/checkout@v4")).isTrue();
    }

    @Test
    void negativeOtherOwnersPathsAndRefsDoNotMatch() {
        assertThat(matches("actions/*", "acme/cache@v4")).isFalse();
        assertThat(matches("actions/cache", "actions/cache/save@v4")).isFalse();
        assertThat(matches("github/codeql-action/init", "github/codeql-action/analyze@v3"))
                .isFalse();
        assertThat(matches("actions/checkout@v4", "actions/checkout@v5")).isFalse();
    }

    @Test
    void negativeMalformedPatternsSayWhy() {
        assertThatThrownBy(() -> UsesPattern.parse("actions"))
                .hasMessageContaining("expected *, owner/*");
        assertThatThrownBy(() -> UsesPattern.parse("*/checkout"))
                .hasMessageContaining("not a repository pattern");
        assertThatThrownBy(() -> UsesPattern.parse("actions/*@v4"))
                .hasMessageContaining("a ref needs");
        assertThatThrownBy(() -> UsesPattern.parse("actions/*/x"))
                .hasMessageContaining("nothing may follow");
        assertThatThrownBy(() -> UsesPattern.parse("actions/check*"))
                .hasMessageContaining("not a repository pattern");
    }
}
