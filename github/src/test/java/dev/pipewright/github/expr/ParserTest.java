package dev.pipewright.github.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where GitHub's parser draws its lines. Every verdict here was read from
 * {@code @actions/expressions} 0.3.61 ({@code Parser}, {@code MAX_PARSER_DEPTH = 50}), run on the
 * same texts.
 */
class ParserTest {

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    // the top expression is one level; each '!', group, '.x' and '[i]' in a chain one more
    @ParameterizedTest
    @CsvSource({
        "!, 49, true",
        "!, 50, false",
        "(, 49, true",
        "(, 50, false",
        "., 49, true",
        ".,  50, false",
        "[, 49, true",
        "[, 50, false"
    })
    void nestingStopsAtGitHubsDepthOfFifty(String kind, int n, boolean accepted) {
        String text =
                switch (kind) {
                    case "!" -> repeat("!", n) + "true";
                    case "(" -> repeat("(", n) + "true" + repeat(")", n);
                    case "." -> "github" + repeat(".a", n);
                    default -> "github" + repeat("[0]", n);
                };
        if (accepted) {
            assertThatCode(() -> Parser.parse(text)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Parser.parse(text))
                    .isInstanceOf(ExprException.class)
                    .hasMessage("the expression nests deeper than 50 levels");
        }
    }

    @ParameterizedTest
    // a chain of || (or &&) is one level around its right operands: "a && b" is done before "||"
    // counts
    @CsvSource({
        "'github.a || ', 48, true",
        "'github.a && github.b || ', 48, true",
        "'github.a && github.b || ', 49, false",
        "'github.a || github.b && ', 47, true",
        "'github.a || github.b && ', 48, false"
    })
    void aChainOfOrAndAndCountsOneLevelEach(String prefix, int nots, boolean accepted) {
        String text = prefix + repeat("!", nots) + "true";
        if (accepted) {
            assertThatCode(() -> Parser.parse(text)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Parser.parse(text))
                    .hasMessageContaining("nests deeper than 50");
        }
    }

    // GitHub's parser dereferences only a named value, a call or a group
    @ParameterizedTest
    @ValueSource(strings = {"1[0]", "'a'[0]", "true[0]", "null[0]"})
    void literalsCannotBeIndexed(String text) {
        assertThatThrownBy(() -> Parser.parse(text))
                .isInstanceOf(ExprException.class)
                .hasMessageStartingWith("unexpected \"[\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(1)[0]",
                "toJSON(github)[0]",
                "github[0][1]",
                "github.*.name",
                "fromJSON('[1]')[*]"
            })
    void namedValuesCallsAndGroupsCanBe(String text) {
        assertThatCode(() -> Parser.parse(text)).doesNotThrowAnyException();
    }

    @Test
    void caseIsAFunctionOfGitHubsWithAnOddNumberOfArguments() {
        Functions.Sig sig = Functions.GENERAL.get(Functions.key("CASE"));
        assertThat(sig).isNotNull();
        assertThat(Functions.arityProblem(sig, 3)).isNull();
        assertThat(Functions.arityProblem(sig, 5)).isNull();
        assertThat(Functions.arityProblem(sig, 2))
                .isEqualTo("case() takes at least 3 argument(s) but is given 2");
        assertThat(Functions.arityProblem(sig, 4))
                .startsWith("case() takes pairs of condition and value");
    }

    @Test
    void aPlaceholderPastAnyIntIsAnErrorNotAnException() {
        assertThat(Format.error("{99999999999}", 1))
                .isEqualTo(
                        "format string \"{99999999999}\" uses placeholder {99999999999} but only 1 argument(s) follow it");
        assertThat(Format.error("{0000000000000000000}", 1)).isNull();
        assertThat(Format.unused("{1}", 2)).containsExactly(0);
    }
}
