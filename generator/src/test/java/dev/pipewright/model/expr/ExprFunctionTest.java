package dev.pipewright.model.expr;

import static dev.pipewright.model.expr.Expr.github;
import static dev.pipewright.model.expr.Expr.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExprFunctionTest {

    @Test
    void functionsUseCanonicalCasing() {
        assertThat(Expr.contains(github("event.issue.labels.*.name"), lit("bug")).render())
                .isEqualTo("contains(github.event.issue.labels.*.name, 'bug')");
        assertThat(Expr.startsWith(github("ref"), lit("refs/tags/")).render())
                .isEqualTo("startsWith(github.ref, 'refs/tags/')");
        assertThat(Expr.endsWith(github("ref"), lit("-rc")).render())
                .isEqualTo("endsWith(github.ref, '-rc')");
        assertThat(Expr.join(github("event.commits")).render())
                .isEqualTo("join(github.event.commits)");
        assertThat(Expr.join(Expr.matrix("os"), lit(", ")).render())
                .isEqualTo("join(matrix.os, ', ')");
        assertThat(Expr.toJSON(Expr.secrets()).render()).isEqualTo("toJSON(secrets)");
        assertThat(Expr.fromJSON(Expr.input("list")).render()).isEqualTo("fromJSON(inputs.list)");
        assertThat(Expr.hashFiles("**/pom.xml", "**/*.lock").render())
                .isEqualTo("hashFiles('**/pom.xml', '**/*.lock')");
        assertThat(Expr.hashFiles(Expr.env("PATTERN")).render())
                .isEqualTo("hashFiles(env.PATTERN)");
        assertThat(Expr.success().render()).isEqualTo("success()");
        assertThat(Expr.always().render()).isEqualTo("always()");
        assertThat(Expr.failure().render()).isEqualTo("failure()");
        assertThat(Expr.cancelled().render()).isEqualTo("cancelled()");
        assertThat(Expr.format("{0}-{1}", github("repository"), github("sha")).render())
                .isEqualTo("format('{0}-{1}', github.repository, github.sha)");
    }

    @Test
    void argumentsAreNeverGrouped() {
        Expr e = Expr.contains(Expr.env("A").or(Expr.env("B")), Expr.not(Expr.env("C")));
        assertThat(e.render()).isEqualTo("contains(env.A || env.B, !env.C)");
        assertThat(Expr.not(Expr.success()).and(Expr.cancelled().or(Expr.failure())).render())
                .isEqualTo("!success() && (cancelled() || failure())");
    }

    @Test
    void functionsCanBeFoundByAnyCasing() {
        assertThat(Function.byName("TOJSON")).contains(Function.TO_JSON);
        assertThat(Function.byName("hashfiles")).contains(Function.HASH_FILES);
        // GitHub's parser knows case() (@actions/expressions wellKnownFunctions); the generator
        // once called it unknown
        assertThat(Function.byName("CASE")).contains(Function.CASE);
        assertThat(Function.byName("nosuch")).isEmpty();
    }

    @Test
    void arityIsChecked() {
        assertThatThrownBy(() -> Expr.call(Function.CONTAINS, lit("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contains() takes 2 argument(s) but is given 1");
        assertThatThrownBy(() -> Expr.call(Function.JOIN, lit("a"), lit("b"), lit("c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("join() takes 1 to 2 argument(s) but is given 3");
        assertThatThrownBy(() -> Expr.call(Function.SUCCESS, lit("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("success() takes 0 argument(s) but is given 1");
        assertThatThrownBy(() -> Expr.call(Function.TO_JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toJSON() takes 1 argument(s) but is given 0");
        assertThatThrownBy(() -> Expr.hashFiles(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hashFiles() takes at least 1 argument(s) but is given 0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "{0}",
                "{0}{0}",
                "{{0}}",
                "{{",
                "}}",
                "a{{b}}c{0}",
                "{0}}}",
                "{{{0}"
            })
    void wellFormedFormatTemplates(String template) {
        assertThatCode(() -> Expr.format(template, lit(1))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{1}|uses placeholder {1} but only 1 argument(s) follow it",
                "{0} {2}|uses placeholder {2} but only 1 argument(s) follow it",
                "{x}|has \"{\" that does not start a placeholder like {0}",
                "{}|has \"{\" that does not start a placeholder like {0}",
                "{0:d}|has \"{\" that does not start a placeholder like {0}",
                "a{0|has \"{\" that does not start a placeholder like {0}",
                "a}b|has an unmatched \"}\"",
                "{0}}|has an unmatched \"}\"",
                // more digits than an int holds: a located error, never a NumberFormatException
                "{99999999999}|uses placeholder {99999999999} but only 1 argument(s) follow it",
            })
    void malformedFormatTemplatesAreRejected(String template, String problem) {
        assertThatThrownBy(() -> Expr.format(template, lit(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("format string \"" + template + "\" ")
                .hasMessageContaining(problem);
    }

    @Test
    void formatWithoutValues() {
        assertThat(Expr.format("{{literal}}").render()).isEqualTo("format('{{literal}}')");
        assertThatThrownBy(() -> Expr.format("{0}"))
                .hasMessageContaining("uses placeholder {0} but only 0 argument(s) follow it");
    }

    @Test
    void dynamicFormatTemplatesAreNotChecked() {
        assertThat(Expr.format(Expr.input("template"), lit(1)).render())
                .isEqualTo("format(inputs.template, 1)");
    }
}
