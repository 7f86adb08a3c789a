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
    assertThat(Expr.endsWith(github("ref"), lit("-rc")).render()).isEqualTo("endsWith(github.ref, '-rc')");
    assertThat(Expr.join(github("event.commits")).render()).isEqualTo("join(github.event.commits)");
    assertThat(Expr.join(Expr.matrix("os"), lit(", ")).render()).isEqualTo("join(matrix.os, ', ')");
    assertThat(Expr.toJSON(Expr.secrets()).render()).isEqualTo("toJSON(secrets)");
    assertThat(Expr.fromJSON(Expr.input("list")).render()).isEqualTo("fromJSON(inputs.list)");
    assertThat(Expr.hashFiles("**/pom.xml", "**/*.lock").render()).isEqualTo("hashFiles('**/pom.xml', '**/*.lock')");
    assertThat(Expr.hashFiles(Expr.env("PATTERN")).render()).isEqualTo("hashFiles(env.PATTERN)");
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
    assertThat(Function.byName("case")).isEmpty();
  }

  @Test
  void arityIsChecked() {
    assertThatThrownBy(() -> Expr.call(Function.CONTAINS, lit("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("contains() takes 2 arguments, got 1");
    assertThatThrownBy(() -> Expr.call(Function.JOIN, lit("a"), lit("b"), lit("c")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("join() takes 1 or 2 arguments, got 3");
    assertThatThrownBy(() -> Expr.call(Function.SUCCESS, lit("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("success() takes 0 arguments, got 1");
    assertThatThrownBy(() -> Expr.call(Function.TO_JSON))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("toJSON() takes 1 argument, got 0");
    assertThatThrownBy(() -> Expr.hashFiles(new String[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("hashFiles() takes 1 to 255 arguments, got 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "{0}", "{0}{0}", "{{0}}", "{{", "}}", "a{{b}}c{0}", "{0}}}", "{{{0}"})
  void wellFormedFormatTemplates(String template) {
    assertThatCode(() -> Expr.format(template, lit(1))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "{1}|placeholder {1} needs 2 values after the template, got 1",
    "{0} {2}|placeholder {2} needs 3 values after the template, got 1",
    "{x}|placeholder '{x}' at index 0 is not {N} with a number N",
    "{}|placeholder '{}' at index 0 is not {N} with a number N",
    "{0:d}|placeholder '{0:d}' at index 0 is not {N} with a number N",
    "a{0|'{' at index 1 is never closed",
    "a}b|'}' at index 1 has no matching '{'",
    "{0}}|'}' at index 3 has no matching '{'",
    "{99999999999}|too large",
  })
  void malformedFormatTemplatesAreRejected(String template, String problem) {
    assertThatThrownBy(() -> Expr.format(template, lit(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("format template '" + template + "': ")
        .hasMessageContaining(problem);
  }

  @Test
  void formatWithoutValues() {
    assertThat(Expr.format("{{literal}}").render()).isEqualTo("format('{{literal}}')");
    assertThatThrownBy(() -> Expr.format("{0}"))
        .hasMessageContaining("placeholder {0} needs 1 value after the template, got 0");
  }

  @Test
  void dynamicFormatTemplatesAreNotChecked() {
    assertThat(Expr.format(Expr.input("template"), lit(1)).render()).isEqualTo("format(inputs.template, 1)");
  }
}
