package dev.pipewright.model.expr;

import static dev.pipewright.model.expr.Expr.github;
import static dev.pipewright.model.expr.Expr.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks DSL output against GitHub's own expression parser ({@code @actions/expressions}) and
 * checks that ExpressionScanner finds every context the rendered trees use. Skips without node.
 */
class ExprOracleTest {
    private static final int RANDOM_TREES = 400;

    record Job(String id, Set<String> outputNames) implements JobReference {}

    record Step(String id) implements StepReference {
        @Override
        public String describe() {
            return "step '" + id + "'";
        }
    }

    private static List<Expr> handPicked() {
        Job build = new Job("build-linux", Set.of("image-tag"));
        Step meta = new Step("meta");
        List<Expr> list =
                new ArrayList<>(
                        List.of(
                                github("ref")
                                        .eq("refs/heads/main")
                                        .and(github("event_name").ne("pull_request")),
                                Expr.not(Expr.cancelled())
                                        .and(
                                                Expr.failure()
                                                        .or(Expr.jobResult(build).eq("failure"))),
                                Expr.contains(
                                        github("event.pull_request.labels.*.name"),
                                        lit("it's ready")),
                                Expr.startsWith(github("ref"), lit("refs/tags/v")),
                                Expr.endsWith(Expr.matrix("os"), lit("-latest")),
                                Expr.format(
                                        "{0}/{1}:{{tag}} }}{0}",
                                        Expr.var("REGISTRY"), github("repository")),
                                Expr.join(Expr.fromJSON(Expr.input("list")), lit(", ")),
                                Expr.toJSON(Expr.secrets()),
                                Expr.hashFiles("**/pom.xml", "**/package-lock.json"),
                                Expr.jobOutput(build, "image-tag"),
                                Expr.stepOutput(meta, "tags"),
                                Expr.stepOutcome(meta).eq("success"),
                                Expr.stepConclusion(meta),
                                Expr.always(),
                                Expr.success(),
                                Expr.lit("}}"),
                                Expr.lit("${{ not an expression }}"),
                                Expr.lit("''"),
                                Expr.lit("ünïcødé ✓ 😀"),
                                Expr.lit("multi\nline"),
                                Expr.lit(-0.0),
                                Expr.lit(1e21),
                                Expr.lit(5e-324),
                                Expr.lit(Double.MAX_VALUE),
                                Expr.lit(Long.MIN_VALUE),
                                Expr.lit("abc").index(0),
                                Expr.lit(1).prop("x"),
                                Expr.nullLiteral().eq(Expr.lit(false)),
                                Expr.matrix().prop("a b").prop("it's").prop("1st").prop("true"),
                                Expr.steps().index(Expr.matrix("step")).prop("outputs").star(),
                                Expr.env("A").lt(Expr.env("B")).eq(Expr.env("C").ge(lit(2.5))),
                                Expr.env("A").eq(Expr.env("B")).lt(Expr.env("C")),
                                Expr.and(
                                        Expr.env("A"),
                                        Expr.env("B").or(Expr.env("C")),
                                        Expr.not(Expr.env("D"))),
                                Expr.strategy()
                                        .prop("job-index")
                                        .gt(lit(0))
                                        .and(Expr.runner().prop("os").eq("Linux")),
                                Expr.job()
                                        .prop("status")
                                        .ne("cancelled")
                                        .or(Expr.jobs().prop("x").prop("result").eq("ok")),
                                Expr.needs()
                                        .prop("a")
                                        .prop("outputs")
                                        .prop("b")
                                        .eq(Expr.needs(build).prop("result"))));
        return list;
    }

    private static List<Expr> corpus() {
        List<Expr> all = new ArrayList<>(handPicked());
        RandomExprs random = new RandomExprs(7L);
        all.addAll(random.many(RANDOM_TREES, 4));
        return all;
    }

    @Test
    void githubsParserAcceptsEverythingTheDslRenders() {
        List<Expr> exprs = corpus();
        List<String> errors = Oracles.parseExpressions(exprs.stream().map(Expr::render).toList());
        assertThat(errors).as("expressions @actions/expressions rejects").isEmpty();
    }

    @Test
    void theOracleDoesRejectBrokenExpressions() {
        // guards against an oracle that accepts everything
        assertThat(
                        Oracles.parseExpressions(
                                List.of(
                                        "github.ref",
                                        "'it\\'s'",
                                        "a = b",
                                        "nocontext.x",
                                        "contains('a')",
                                        "'abc'[0]")))
                .hasSize(5)
                .allSatisfy(e -> assertThat(e).doesNotStartWith("expression #0 "));
    }

    @Test
    void scannerFindsEveryContextTheTreeUses() {
        for (Expr e : corpus()) {
            assertThat(ExpressionScanner.inTemplate(e.wrapped()))
                    .as("references in %s", e.wrapped())
                    .containsExactlyElementsOf(ExprTrees.references(e));
            if (!e.render().contains("${{")) {
                // a bare condition containing "${{" (even inside a string literal) is read as a
                // template
                // by GitHub, so such a condition must be emitted wrapped
                assertThat(ExpressionScanner.inCondition(e.render()))
                        .containsExactlyElementsOf(ExprTrees.references(e));
            }
            assertThat(ExpressionScanner.expressions("x " + e.wrapped() + " y"))
                    .containsExactly(" " + e.render() + " ");
        }
    }
}
