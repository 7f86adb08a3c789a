package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random Expr trees over every node kind, operator, function and awkward literal. */
final class RandomExprs {
    static final List<String> STRINGS =
            List.of(
                    "",
                    "plain",
                    "it's",
                    "''",
                    "'",
                    "}}",
                    "a}}b",
                    "${{ github.ref }}",
                    "{0}",
                    "{{",
                    "ünïcødé ✓",
                    "emoji 😀",
                    "line\nbreak",
                    "tab\there",
                    "back\\slash",
                    "\"double\"",
                    "secrets.TOKEN",
                    "'}}'");
    static final List<String> PROPERTIES =
            List.of(
                    "ref",
                    "event_name",
                    "build-linux",
                    "TOKEN",
                    "_x",
                    "a b",
                    "it's",
                    "1abc",
                    "x.y",
                    "ü",
                    "}}",
                    "true",
                    "null",
                    "-lead",
                    "outputs",
                    "A-1_b");
    static final List<String> CONTEXTS =
            List.of(
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

    private final Random random;

    RandomExprs(long seed) {
        random = new Random(seed);
    }

    Expr next(int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            return leaf();
        }
        switch (random.nextInt(7)) {
            case 0:
                return Expr.not(next(depth - 1));
            case 1:
            case 2:
                {
                    Operator op = Operator.values()[random.nextInt(Operator.values().length)];
                    return new Binary(next(depth - 1), op, next(depth - 1));
                }
            case 3:
                return access(next(depth - 1), depth);
            case 4:
            case 5:
                return call(depth - 1);
            default:
                return context();
        }
    }

    private Expr access(Expr target, int depth) {
        switch (random.nextInt(3)) {
            case 0:
                return target.prop(pick(PROPERTIES));
            case 1:
                return target.index(
                        random.nextBoolean() ? Expr.lit(pick(PROPERTIES)) : next(depth - 1));
            default:
                return target.star();
        }
    }

    private Expr call(int depth) {
        Function f = Function.values()[random.nextInt(Function.values().length)];
        if (f == Function.FORMAT) {
            return format(depth);
        }
        int arity =
                f.minArgs()
                        + random.nextInt(Math.min(f.maxArgs(), f.minArgs() + 2) - f.minArgs() + 1);
        if (f == Function.CASE && arity % 2 == 0) {
            arity++; // pairs of condition and value, then the default
        }
        Expr[] args = new Expr[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = next(depth);
        }
        return Expr.call(f, args);
    }

    private Expr format(int depth) {
        int values = random.nextInt(4);
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < values; i++) {
            template.append(pick(List.of("x", "{{", "}}", " ", "'", "ü")))
                    .append('{')
                    .append(i)
                    .append('}');
        }
        if (values > 0 && random.nextBoolean()) {
            template.append("{0}"); // a placeholder may repeat
        }
        Expr[] args = new Expr[values];
        for (int i = 0; i < values; i++) {
            args[i] = next(depth);
        }
        return Expr.format(template.toString(), args);
    }

    Expr leaf() {
        switch (random.nextInt(6)) {
            case 0:
                return Expr.lit(pick(STRINGS));
            case 1:
                return number();
            case 2:
                return Expr.lit(random.nextBoolean());
            case 3:
                return Expr.nullLiteral();
            default:
                return context();
        }
    }

    private Expr number() {
        switch (random.nextInt(5)) {
            case 0:
                return Expr.lit((long) random.nextInt(2001) - 1000);
            case 1:
                return Expr.lit(random.nextLong());
            case 2:
                return Expr.lit(
                        (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
            case 3:
                return Expr.lit(
                        pick(
                                List.of(
                                        0.1,
                                        -2.5,
                                        1e21,
                                        1e-7,
                                        123456.789,
                                        -0.0,
                                        1.0,
                                        5e-324,
                                        Double.MAX_VALUE)));
            default:
                return Expr.lit(0);
        }
    }

    private Expr context() {
        Expr e = new NamedValue(pick(CONTEXTS));
        int chain = random.nextInt(4);
        for (int i = 0; i < chain; i++) {
            e = random.nextInt(5) == 0 ? e.star() : e.prop(pick(PROPERTIES));
        }
        return e;
    }

    List<Expr> many(int count, int depth) {
        List<Expr> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(next(depth));
        }
        return result;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
