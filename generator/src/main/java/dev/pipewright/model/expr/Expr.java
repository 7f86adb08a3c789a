package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GitHub Actions expression tree that renders to the text inside {@code ${{ }}} with the fewest
 * parentheses that keep its shape under GitHub's operator precedence.
 */
public sealed interface Expr
        permits StringLiteral,
                NumberLiteral,
                BooleanLiteral,
                NullLiteral,
                NamedValue,
                PropertyAccess,
                IndexAccess,
                StarAccess,
                Not,
                Binary,
                FunctionCall,
                Raw {

    /** The expression text without the surrounding {@code ${{ }}}. */
    String render();

    /** Calls the visitor's method for this kind of node. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of node, so a new kind in {@code permits} does not compile until every
     * rendering rule (precedence, parenthesising) handles it.
     */
    interface Visitor<R> {
        R visit(StringLiteral literal);

        R visit(NumberLiteral literal);

        R visit(BooleanLiteral literal);

        R visit(NullLiteral literal);

        R visit(NamedValue value);

        R visit(PropertyAccess access);

        R visit(IndexAccess access);

        R visit(StarAccess access);

        R visit(Not not);

        R visit(Binary binary);

        R visit(FunctionCall call);

        R visit(Raw raw);
    }

    /** The expression as it is embedded in a workflow value: {@code ${{ render() }}}. */
    default String wrapped() {
        return "${{ " + render() + " }}";
    }

    // ---------------------------------------------------------------- literals

    /** A string literal; quotes are escaped by doubling, the only escape GitHub's lexer knows. */
    static Expr lit(String value) {
        return new StringLiteral(value);
    }

    /**
     * An integer literal. GitHub evaluates numbers as doubles, so beyond 2^53 precision is lost.
     */
    static Expr lit(long value) {
        return NumberLiteral.of(value);
    }

    /** A number literal written in plain decimal notation; NaN and infinities are rejected. */
    static Expr lit(double value) {
        return NumberLiteral.of(value);
    }

    /** {@code true} or {@code false}. */
    static Expr lit(boolean value) {
        return value ? BooleanLiteral.TRUE : BooleanLiteral.FALSE;
    }

    /** {@code null}. */
    static Expr nullLiteral() {
        return NullLiteral.INSTANCE;
    }

    /** Trusted expression text, rendered as-is (parenthesised when used as an operand). */
    static Expr raw(String text) {
        return new Raw(text);
    }

    // ---------------------------------------------------------------- operators

    /** {@code this && other}. */
    default Expr and(Expr other) {
        return new Binary(this, Operator.AND, other);
    }

    /** {@code this || other}. */
    default Expr or(Expr other) {
        return new Binary(this, Operator.OR, other);
    }

    /** {@code this == other}. */
    default Expr eq(Expr other) {
        return new Binary(this, Operator.EQ, other);
    }

    /** {@code this == 'other'}. */
    default Expr eq(String other) {
        return eq(lit(other));
    }

    /** {@code this != other}. */
    default Expr ne(Expr other) {
        return new Binary(this, Operator.NE, other);
    }

    /** {@code this != 'other'}. */
    default Expr ne(String other) {
        return ne(lit(other));
    }

    /** {@code this < other}. */
    default Expr lt(Expr other) {
        return new Binary(this, Operator.LT, other);
    }

    /** {@code this <= other}. */
    default Expr le(Expr other) {
        return new Binary(this, Operator.LE, other);
    }

    /** {@code this > other}. */
    default Expr gt(Expr other) {
        return new Binary(this, Operator.GT, other);
    }

    /** {@code this >= other}. */
    default Expr ge(Expr other) {
        return new Binary(this, Operator.GE, other);
    }

    /** {@code !operand}. */
    static Expr not(Expr operand) {
        return new Not(operand);
    }

    /**
     * {@code a && b && ...}, folded to the left like GitHub's parser reads it. Needs at least one
     * operand (with exactly one Expr argument Java picks the instance method {@link #and(Expr)}, so
     * call it with two or more, an array, or a list).
     */
    static Expr and(Expr... operands) {
        return fold(Operator.AND, Arrays.asList(operands));
    }

    /** {@code a && b && ...} over a non-empty list. */
    static Expr and(List<? extends Expr> operands) {
        return fold(Operator.AND, operands);
    }

    /** {@code a || b || ...}, folded to the left; see {@link #and(Expr...)}. */
    static Expr or(Expr... operands) {
        return fold(Operator.OR, Arrays.asList(operands));
    }

    /** {@code a || b || ...} over a non-empty list. */
    static Expr or(List<? extends Expr> operands) {
        return fold(Operator.OR, operands);
    }

    private static Expr fold(Operator operator, List<? extends Expr> operands) {
        if (operands.isEmpty()) {
            throw new IllegalArgumentException(operator.symbol() + " needs at least one operand");
        }
        Expr result = Objects.requireNonNull(operands.get(0), "operand");
        for (Expr next : operands.subList(1, operands.size())) {
            result = new Binary(result, operator, next);
        }
        return result;
    }

    // ---------------------------------------------------------------- access

    /** {@code this.name}, or {@code this['name']} when the name is not a plain identifier. */
    default Expr prop(String name) {
        return new PropertyAccess(this, name);
    }

    /** {@code this[index]}. */
    default Expr index(Expr index) {
        return new IndexAccess(this, index);
    }

    /** {@code this[index]} with a number index. */
    default Expr index(long index) {
        return new IndexAccess(this, lit(index));
    }

    /** {@code this.*}: the object filter, which yields an array of every property's value. */
    default Expr star() {
        return new StarAccess(this);
    }

    // ---------------------------------------------------------------- contexts

    /** The {@code github} context. */
    static Expr github() {
        return new NamedValue("github");
    }

    /**
     * A path in the {@code github} context; dots separate properties ({@code
     * event.pull_request.head.sha}) and a {@code *} segment is the object filter.
     */
    static Expr github(String path) {
        Expr result = github();
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty property in github path '" + path + "'");
            }
            // '*' is the object filter, as in github.event.issue.labels.*.name
            result = segment.equals("*") ? result.star() : result.prop(segment);
        }
        return result;
    }

    /** The {@code env} context. */
    static Expr env() {
        return new NamedValue("env");
    }

    /** {@code env.NAME}. */
    static Expr env(String name) {
        return env().prop(name);
    }

    /** The {@code vars} context (configuration variables). */
    static Expr vars() {
        return new NamedValue("vars");
    }

    /** {@code vars.NAME}. */
    static Expr var(String name) {
        return vars().prop(name);
    }

    /** The {@code secrets} context. */
    static Expr secrets() {
        return new NamedValue("secrets");
    }

    /** {@code secrets.NAME}. */
    static Expr secret(String name) {
        return secrets().prop(name);
    }

    /** The {@code inputs} context. */
    static Expr inputs() {
        return new NamedValue("inputs");
    }

    /** {@code inputs.name}. */
    static Expr input(String name) {
        return inputs().prop(name);
    }

    /** The {@code matrix} context. */
    static Expr matrix() {
        return new NamedValue("matrix");
    }

    /** {@code matrix.name}. */
    static Expr matrix(String name) {
        return matrix().prop(name);
    }

    /** The {@code strategy} context. */
    static Expr strategy() {
        return new NamedValue("strategy");
    }

    /** The {@code runner} context. */
    static Expr runner() {
        return new NamedValue("runner");
    }

    /** The {@code job} context. */
    static Expr job() {
        return new NamedValue("job");
    }

    /** The {@code jobs} context (reusable workflow outputs). */
    static Expr jobs() {
        return new NamedValue("jobs");
    }

    /** The {@code steps} context. */
    static Expr steps() {
        return new NamedValue("steps");
    }

    /** The {@code needs} context. */
    static Expr needs() {
        return new NamedValue("needs");
    }

    // ---------------------------------------------------------------- references

    /** {@code needs.<id>}. */
    static Expr needs(JobReference job) {
        return needs().prop(References.jobId(job));
    }

    /** {@code needs.<id>.outputs.<output>}; the job must declare the output. */
    static Expr jobOutput(JobReference job, String output) {
        return References.jobOutput(job, output);
    }

    /** {@code needs.<id>.result}. */
    static Expr jobResult(JobReference job) {
        return needs(job).prop("result");
    }

    /** {@code steps.<id>.outputs.<output>}; the step must have an id. */
    static Expr stepOutput(StepReference step, String output) {
        return References.step(step, "outputs").prop("outputs").prop(output);
    }

    /** {@code steps.<id>.outcome} (before continue-on-error is applied). */
    static Expr stepOutcome(StepReference step) {
        return References.step(step, "outcome").prop("outcome");
    }

    /** {@code steps.<id>.conclusion} (after continue-on-error is applied). */
    static Expr stepConclusion(StepReference step) {
        return References.step(step, "conclusion").prop("conclusion");
    }

    // ---------------------------------------------------------------- functions

    /** A call of a built-in function; arity is checked. */
    static Expr call(Function function, Expr... args) {
        return new FunctionCall(function, List.of(args));
    }

    /** {@code contains(search, item)}: substring or array element test. */
    static Expr contains(Expr search, Expr item) {
        return call(Function.CONTAINS, search, item);
    }

    /** {@code startsWith(searchString, searchValue)}, case-insensitive in GitHub. */
    static Expr startsWith(Expr searchString, Expr searchValue) {
        return call(Function.STARTS_WITH, searchString, searchValue);
    }

    /** {@code endsWith(searchString, searchValue)}, case-insensitive in GitHub. */
    static Expr endsWith(Expr searchString, Expr searchValue) {
        return call(Function.ENDS_WITH, searchString, searchValue);
    }

    /**
     * {@code format('template', values...)}; the template's {@code {N}} placeholders are checked
     * against the number of values.
     */
    static Expr format(String template, Expr... values) {
        List<Expr> args = new ArrayList<>(values.length + 1);
        args.add(lit(template));
        args.addAll(Arrays.asList(values));
        return new FunctionCall(Function.FORMAT, args);
    }

    /** {@code format(template, values...)}; checked only when the template is a string literal. */
    static Expr format(Expr template, Expr... values) {
        List<Expr> args = new ArrayList<>(values.length + 1);
        args.add(template);
        args.addAll(Arrays.asList(values));
        return new FunctionCall(Function.FORMAT, args);
    }

    /** {@code join(array)}, joined with {@code ','}. */
    static Expr join(Expr array) {
        return call(Function.JOIN, array);
    }

    /** {@code join(array, separator)}. */
    static Expr join(Expr array, Expr separator) {
        return call(Function.JOIN, array, separator);
    }

    /** {@code toJSON(value)}. */
    static Expr toJSON(Expr value) {
        return call(Function.TO_JSON, value);
    }

    /** {@code fromJSON(value)}. */
    static Expr fromJSON(Expr value) {
        return call(Function.FROM_JSON, value);
    }

    /** {@code hashFiles('pattern', ...)}. */
    static Expr hashFiles(String... patterns) {
        return new FunctionCall(
                Function.HASH_FILES, Arrays.stream(patterns).map(Expr::lit).toList());
    }

    /** {@code hashFiles(pattern, ...)}. */
    static Expr hashFiles(Expr... patterns) {
        return call(Function.HASH_FILES, patterns);
    }

    /** {@code success()}. */
    static Expr success() {
        return call(Function.SUCCESS);
    }

    /** {@code always()}. */
    static Expr always() {
        return call(Function.ALWAYS);
    }

    /** {@code failure()}. */
    static Expr failure() {
        return call(Function.FAILURE);
    }

    /** {@code cancelled()}. */
    static Expr cancelled() {
        return call(Function.CANCELLED);
    }
}
