package dev.pipewright.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpressionScannerTest {

    private static ContextReference ref(String context, String property) {
        return new ContextReference(context, property);
    }

    @Test
    void plainReferences() {
        assertThat(ExpressionScanner.inTemplate("${{ github.event.issue.title }}"))
                .containsExactly(ref("github", "event"));
        assertThat(ExpressionScanner.inTemplate("${{ secrets.TOKEN }}"))
                .containsExactly(ref("secrets", "TOKEN"));
        assertThat(ExpressionScanner.inTemplate("${{ needs.build-linux.outputs.x }}"))
                .containsExactly(ref("needs", "build-linux"));
    }

    @Test
    void bracketedProperty() {
        assertThat(ExpressionScanner.inTemplate("${{ needs['build'].outputs.x }}"))
                .containsExactly(ref("needs", "build"));
        assertThat(ExpressionScanner.inTemplate("${{ matrix['it''s'] }}"))
                .containsExactly(ref("matrix", "it's"));
    }

    @Test
    void wholeOrDynamicallyIndexedContexts() {
        assertThat(ExpressionScanner.inTemplate("${{ toJSON(secrets) }}"))
                .containsExactly(ref("secrets", null));
        assertThat(ExpressionScanner.inTemplate("${{ secrets[matrix.name] }}"))
                .containsExactly(ref("secrets", null), ref("matrix", "name"));
        assertThat(ExpressionScanner.inTemplate("${{ github.event.*.id }}"))
                .containsExactly(ref("github", "event"));
        assertThat(ExpressionScanner.inTemplate("${{ steps.*.outcome }}"))
                .containsExactly(ref("steps", null));
        assertThat(ExpressionScanner.inTemplate("${{ needs[0] }}"))
                .containsExactly(ref("needs", null));
    }

    @Test
    void stringLiteralsAreNotReferences() {
        assertThat(ExpressionScanner.inTemplate("${{ 'secrets.X' == env.A }}"))
                .containsExactly(ref("env", "A"));
        assertThat(ExpressionScanner.inCondition("contains('needs.build', github.ref)"))
                .containsExactly(ref("github", "ref"));
    }

    @Test
    void functionNamesPropertiesAndKeywordsAreNotReferences() {
        assertThat(ExpressionScanner.inCondition("success() && true && !null && github.job == 'x'"))
                .containsExactly(ref("github", "job"));
        assertThat(ExpressionScanner.inCondition("fromJSON(env.X).secrets.y"))
                .containsExactly(ref("env", "X"));
        assertThat(ExpressionScanner.inCondition("github . ref"))
                .containsExactly(ref("github", "ref"));
    }

    @Test
    void contextNamesAreCaseInsensitive() {
        assertThat(ExpressionScanner.inTemplate("${{ Secrets.X }} ${{ NEEDS.Build.result }}"))
                .containsExactly(ref("secrets", "X"), ref("needs", "Build"));
    }

    @Test
    void closingBracesInsideStrings() {
        String text = "echo ${{ format('}}{0}}}', env.A) }} and ${{ 'a}}b' }} then ${{ vars.B }}";
        assertThat(ExpressionScanner.expressions(text))
                .containsExactly(" format('}}{0}}}', env.A) ", " 'a}}b' ", " vars.B ");
        assertThat(ExpressionScanner.inTemplate(text))
                .containsExactly(ref("env", "A"), ref("vars", "B"));
    }

    @Test
    void multipleExpressionsInOneText() {
        String text =
                "docker build -t ${{ vars.REGISTRY }}/${{ github.repository }}:${{ needs.meta.outputs.tag }}";
        assertThat(ExpressionScanner.inTemplate(text))
                .containsExactly(
                        ref("vars", "REGISTRY"), ref("github", "repository"), ref("needs", "meta"));
        assertThat(ExpressionScanner.expressions("no expressions here")).isEmpty();
        assertThat(ExpressionScanner.inTemplate("no expressions ${ here } {{ x }}")).isEmpty();
    }

    @Test
    void bareAndWrappedConditions() {
        assertThat(
                        ExpressionScanner.inCondition(
                                "github.event_name == 'push' && needs.test.result == 'success'"))
                .containsExactly(ref("github", "event_name"), ref("needs", "test"));
        assertThat(ExpressionScanner.inCondition("${{ always() && secrets.X != '' }}"))
                .containsExactly(ref("secrets", "X"));
        // a condition with text outside ${{ }} is a template (a non-empty string: always true)
        assertThat(ExpressionScanner.inCondition("${{ github.ref }} == 'main'"))
                .containsExactly(ref("github", "ref"));
    }

    @Test
    void insertDirectiveIsNotAContext() {
        assertThat(ExpressionScanner.inTemplate("${{ insert }}")).isEmpty();
    }

    @Test
    void unterminatedExpression() {
        assertThatThrownBy(() -> ExpressionScanner.inTemplate("run: ${{ github.ref"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unterminated ${{ (no closing }}) at position 6 in: run: ${{ github.ref");
        assertThatThrownBy(() -> ExpressionScanner.expressions("${{ a }} ${{ b }"))
                .hasMessageContaining("unterminated ${{ (no closing }}) at position 10");
    }

    @Test
    void unterminatedStringLiteral() {
        assertThatThrownBy(() -> ExpressionScanner.inTemplate("x ${{ 'abc }}"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessage(
                        "unterminated string literal (in the ${{ at position 3) at position 7 in: x ${{ 'abc }}");
        assertThatThrownBy(() -> ExpressionScanner.inCondition("github.ref == 'main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("string literal is not closed")
                .hasMessageContaining("at position 15");
    }

    @Test
    void syntaxErrorsReportTheirPositionInTheWholeText() {
        assertThatThrownBy(() -> ExpressionScanner.inTemplate("ab ${{ x = 1 }}"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageStartingWith(
                        "\"=\" is not an operator; compare with \"==\" at position 10");
    }
}
