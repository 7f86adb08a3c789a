package dev.pipewright.model.expr;

import static dev.pipewright.model.expr.Expr.github;
import static dev.pipewright.model.expr.Expr.lit;
import static dev.pipewright.model.expr.Expr.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExprOperatorTest {
    private final Expr a = Expr.env("A");
    private final Expr b = Expr.env("B");
    private final Expr c = Expr.env("C");

    @Test
    void operatorsRenderWithSpaces() {
        assertThat(a.eq(b).render()).isEqualTo("env.A == env.B");
        assertThat(a.ne(b).render()).isEqualTo("env.A != env.B");
        assertThat(a.lt(b).render()).isEqualTo("env.A < env.B");
        assertThat(a.le(b).render()).isEqualTo("env.A <= env.B");
        assertThat(a.gt(b).render()).isEqualTo("env.A > env.B");
        assertThat(a.ge(b).render()).isEqualTo("env.A >= env.B");
        assertThat(a.and(b).render()).isEqualTo("env.A && env.B");
        assertThat(a.or(b).render()).isEqualTo("env.A || env.B");
        assertThat(not(a).render()).isEqualTo("!env.A");
    }

    @Test
    void parenthesesOnlyWhereThePrecedenceNeedsThem() {
        assertThat(a.or(b).and(c).render()).isEqualTo("(env.A || env.B) && env.C");
        assertThat(a.and(b).or(c).render()).isEqualTo("env.A && env.B || env.C");
        assertThat(a.or(b.and(c)).render()).isEqualTo("env.A || env.B && env.C");
        assertThat(a.eq(b).and(c.ne(lit("x"))).render())
                .isEqualTo("env.A == env.B && env.C != 'x'");
        assertThat(a.lt(b).eq(lit(true)).render()).isEqualTo("env.A < env.B == true");
        assertThat(a.eq(b.lt(c)).render()).isEqualTo("env.A == env.B < env.C");
        assertThat(a.eq(b).lt(c).render()).isEqualTo("(env.A == env.B) < env.C");
        assertThat(not(a.eq(b)).render()).isEqualTo("!(env.A == env.B)");
        assertThat(not(not(a)).render()).isEqualTo("!!env.A");
        assertThat(not(a).eq(b).render()).isEqualTo("!env.A == env.B");
    }

    @Test
    void leftAssociativeSoSameLevelOnTheRightIsGrouped() {
        assertThat(a.eq(b).eq(c).render()).isEqualTo("env.A == env.B == env.C");
        assertThat(a.eq(b.eq(c)).render()).isEqualTo("env.A == (env.B == env.C)");
        assertThat(a.and(b.and(c)).render()).isEqualTo("env.A && (env.B && env.C)");
        assertThat(a.lt(b).gt(c).render()).isEqualTo("env.A < env.B > env.C");
    }

    @Test
    void naryHelpersFoldLeft() {
        assertThat(Expr.and(a, b, c).render()).isEqualTo("env.A && env.B && env.C");
        assertThat(Expr.or(a, b.and(c)).render()).isEqualTo("env.A || env.B && env.C");
        assertThat(Expr.and(List.of(a.or(b), c)).render()).isEqualTo("(env.A || env.B) && env.C");
        assertThat(Expr.or(List.of(a))).isEqualTo(a);
        assertThat(Expr.and(new Expr[] {a})).isEqualTo(a);
        assertThatThrownBy(() -> Expr.and(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void accessOnCompoundOrLiteralTargetsIsGrouped() {
        assertThat(a.or(b).prop("x").render()).isEqualTo("(env.A || env.B).x");
        assertThat(not(a).index(0).render()).isEqualTo("(!env.A)[0]");
        // GitHub's parser refuses '.x' or '[i]' straight after a literal
        assertThat(lit("abc").index(0).render()).isEqualTo("('abc')[0]");
        assertThat(Expr.fromJSON(lit("[1]")).index(0).render()).isEqualTo("fromJSON('[1]')[0]");
        assertThat(github("event").star().prop("id").render()).isEqualTo("github.event.*.id");
    }

    @Test
    void propertyNamesThatAreNotIdentifiersUseBrackets() {
        assertThat(Expr.needs().prop("build-linux").render()).isEqualTo("needs.build-linux");
        assertThat(Expr.env().prop("_X1").render()).isEqualTo("env._X1");
        assertThat(Expr.matrix().prop("a b").render()).isEqualTo("matrix['a b']");
        assertThat(Expr.matrix().prop("it's").render()).isEqualTo("matrix['it''s']");
        assertThat(Expr.matrix().prop("1st").render()).isEqualTo("matrix['1st']");
        assertThat(Expr.matrix().prop("-x").render()).isEqualTo("matrix['-x']");
        assertThat(Expr.matrix().prop("x.y").render()).isEqualTo("matrix['x.y']");
        assertThat(Expr.matrix().prop("ü").render()).isEqualTo("matrix['ü']");
        assertThat(Expr.matrix().prop("").render()).isEqualTo("matrix['']");
        assertThat(Expr.steps().index(Expr.matrix("step")).render())
                .isEqualTo("steps[matrix.step]");
    }

    @Test
    void contexts() {
        assertThat(
                        List.of(
                                Expr.github(),
                                Expr.env(),
                                Expr.vars(),
                                Expr.secrets(),
                                Expr.inputs(),
                                Expr.matrix(),
                                Expr.strategy(),
                                Expr.runner(),
                                Expr.job(),
                                Expr.jobs(),
                                Expr.steps(),
                                Expr.needs()))
                .extracting(Expr::render)
                .containsExactly(
                        "github",
                        "env",
                        "vars",
                        "secrets",
                        "inputs",
                        "matrix",
                        "strategy",
                        "runner",
                        "job",
                        "jobs",
                        "steps",
                        "needs");
        assertThat(github("ref").render()).isEqualTo("github.ref");
        assertThat(github("event.pull_request.head.sha").render())
                .isEqualTo("github.event.pull_request.head.sha");
        assertThat(Expr.secret("NPM_TOKEN").render()).isEqualTo("secrets.NPM_TOKEN");
        assertThat(Expr.var("REGION").render()).isEqualTo("vars.REGION");
        assertThat(Expr.env("HOME").render()).isEqualTo("env.HOME");
        assertThat(Expr.input("dry-run").render()).isEqualTo("inputs.dry-run");
        assertThat(Expr.matrix("os").render()).isEqualTo("matrix.os");
        assertThatThrownBy(() -> github("event..sha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty property");
        assertThatThrownBy(() -> new NamedValue("not valid"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
