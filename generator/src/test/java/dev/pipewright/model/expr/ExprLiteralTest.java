package dev.pipewright.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprLiteralTest {

    @Test
    void stringsDoubleTheirQuotesAndNeverUseBackslashes() {
        assertThat(Expr.lit("it's").render()).isEqualTo("'it''s'");
        assertThat(Expr.lit("''").render()).isEqualTo("''''''");
        assertThat(Expr.lit("").render()).isEqualTo("''");
        assertThat(Expr.lit("back\\slash").render()).isEqualTo("'back\\slash'");
        assertThat(Expr.lit("a}}b ü 😀").render()).isEqualTo("'a}}b ü 😀'");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "42, 42",
        "-7, -7",
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
    })
    void longs(long value, String rendered) {
        assertThat(Expr.lit(value).render()).isEqualTo(rendered);
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1",
        "1.5, 1.5",
        "0.1, 0.1",
        "-2.25, -2.25",
        "-0.0, 0",
        "1e21, 1000000000000000000000",
        "1.5e-7, 0.00000015",
        "123456.789, 123456.789",
    })
    void doublesRenderInPlainDecimal(double value, String rendered) {
        assertThat(Expr.lit(value).render()).isEqualTo(rendered);
    }

    @Test
    void nonFiniteDoublesAreRejected() {
        assertThatThrownBy(() -> Expr.lit(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Expr.lit(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expr.lit(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleansNullAndEquality() {
        assertThat(Expr.lit(true).render()).isEqualTo("true");
        assertThat(Expr.lit(false).render()).isEqualTo("false");
        assertThat(Expr.nullLiteral().render()).isEqualTo("null");
        assertThat(Expr.lit(1.0)).isEqualTo(Expr.lit(1));
    }

    @Test
    void wrappedAndToString() {
        Expr e = Expr.github("ref");
        assertThat(e.wrapped()).isEqualTo("${{ github.ref }}");
        assertThat(e).hasToString("${{ github.ref }}");
        assertThat(Expr.lit("x").toString()).isEqualTo("${{ 'x' }}");
    }

    @Test
    void rawIsRenderedAsIsAndGroupedWhenItsShapeIsUnknown() {
        assertThat(Expr.raw("github.ref").render()).isEqualTo("github.ref");
        assertThat(Expr.raw("github.ref").eq("x").render()).isEqualTo("github.ref == 'x'");
        assertThat(Expr.raw("a || b").and(Expr.lit(true)).render()).isEqualTo("(a || b) && true");
        assertThat(Expr.raw("github.event").prop("x").render()).isEqualTo("github.event.x");
        assertThat(Expr.raw("true").prop("x").render()).isEqualTo("(true).x");
        assertThatThrownBy(() -> Expr.raw(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
