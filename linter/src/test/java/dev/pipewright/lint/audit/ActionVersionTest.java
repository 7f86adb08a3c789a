package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionVersionTest {
    private static ActionVersion v(String s) {
        return ActionVersion.parse(s).orElseThrow();
    }

    private static ActionVersion.Range range(String s) {
        return ActionVersion.Range.parse(s);
    }

    @Test
    void positiveTagsParseWithOrWithoutVAndKeepHowManyPartsTheyGave() {
        assertThat(v("v4.1.2")).isEqualTo(new ActionVersion(4, 1, 2, "", 3));
        assertThat(v("4.0.1").exact()).isTrue();
        assertThat(v("v4")).isEqualTo(new ActionVersion(4, 0, 0, "", 1));
        assertThat(v("v4.1").exact()).isFalse();
        assertThat(v("v35.7.7-sec").prerelease()).isEqualTo("sec");
        assertThat(v("41").toString()).isEqualTo("41");
        assertThat(v("v4.1.7").toString()).isEqualTo("4.1.7");
    }

    @Test
    void negativeBranchesShasAndPartialPrereleasesAreNoVersion() {
        assertThat(ActionVersion.parse("main")).isEmpty();
        assertThat(ActionVersion.parse("56284d80811fb5963a972b438f2870f175e5b7c8")).isEmpty();
        assertThat(ActionVersion.parse("release/v1")).isEmpty();
        assertThat(ActionVersion.parse("v4-beta")).isEmpty();
        assertThat(ActionVersion.parse("v1.2.3.4")).isEmpty();
    }

    @Test
    void positiveOrderIsSemversWithMissingPartsAsZeroAndPrereleasesFirst() {
        assertThat(v("41")).isEqualByComparingTo(v("41.0.0"));
        assertThat(v("4.1.10")).isGreaterThan(v("4.1.9"));
        assertThat(v("35.7.7-sec")).isLessThan(v("35.7.7"));
        assertThat(v("1.0.0-rc.2")).isGreaterThan(v("1.0.0-rc.1"));
        assertThat(v("1.0.0-rc.10")).isGreaterThan(v("1.0.0-rc.9"));
        assertThat(v("1.0.0-alpha")).isLessThan(v("1.0.0-alpha.1"));
        assertThat(v("1.0.0-1")).isLessThan(v("1.0.0-alpha"));
        assertThat(v("1.0.0-123456789012345678901234"))
                .as("no overflow")
                .isGreaterThan(v("1.0.0-99"));
    }

    @Test
    void positiveARangeHoldsTheReleasesBetweenItsBounds() {
        ActionVersion.Range r = range(">= 4.0.0, < 4.1.7");
        assertThat(r.contains(v("4.0.0"))).isTrue();
        assertThat(r.contains(v("4.1.6"))).isTrue();
        assertThat(r.contains(v("4.1.7"))).isFalse();
        assertThat(r.contains(v("3.9.9"))).isFalse();
        assertThat(range("<= 45.0.7").contains(v("45.0.7"))).isTrue();
        assertThat(range("< 41").contains(v("40.2.3"))).isTrue();
        assertThat(range("< 41").contains(v("41.0.0"))).isFalse();
    }

    @Test
    void positiveAnEqualityWantsTheVersionAsSpelled() {
        assertThat(range("= 1").contains(v("1"))).isTrue();
        assertThat(range("= 1").contains(v("1.0.0"))).isFalse();
        assertThat(range("= 1").containsNewestOf(v("1")))
                .as("@v1 runs the newest 1.x, not the tag the advisory named")
                .isFalse();
    }

    @Test
    void positiveAMovingTagIsCoveredWhenTheRangeReachesPastItsLine() {
        assertThat(range("< 41").containsNewestOf(v("40"))).isTrue();
        assertThat(range("< 41").containsNewestOf(v("41"))).isFalse();
        assertThat(range(">= 2.26.11, < 3.0.0").containsNewestOf(v("2"))).isTrue();
        assertThat(range(">= 4.0.0, < 4.1.7").containsNewestOf(v("4")))
                .as("the fix is in the line")
                .isFalse();
        assertThat(range(">= 4.0.0, < 4.1.7").containsNewestOf(v("4.1"))).isFalse();
        assertThat(range(">= 4.0.0, < 4.2.0").containsNewestOf(v("4.1"))).isTrue();
        assertThat(range("<= 45.0.7").containsNewestOf(v("45")))
                .as("releases after 45.0.7 are unknown")
                .isFalse();
        assertThat(range(">= 5.0.0").containsNewestOf(v("4"))).isFalse();
    }

    @Test
    void positiveSomeReleaseOfALineIsCoveredOnlyWhenAllOfTheLineIs() {
        assertThat(range("< 41").containsAllOf(v("40"))).isTrue();
        assertThat(range(">= 2.26.11, < 3.0.0").containsAllOf(v("2"))).isFalse();
        assertThat(range(">= 4.0.0, < 5").containsAllOf(v("4"))).isTrue();
        assertThat(range("> 4.0.0, < 5").containsAllOf(v("4"))).isFalse();
    }

    @Test
    void negativeAMalformedRangeSaysWhichConstraint() {
        assertThatThrownBy(() -> range(">= 4.0.0, 4.1.7"))
                .hasMessage("vulnerable range constraint without an operator: \"4.1.7\"");
        assertThatThrownBy(() -> range("< main"))
                .hasMessage("vulnerable range constraint without a version: \"< main\"");
    }
}
