package dev.pipewright.model.expr;

import dev.pipewright.github.expr.Format;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A call of a built-in function, rendered with the function's canonical casing. */
public record FunctionCall(Function function, List<Expr> args) implements Expr {
    public FunctionCall {
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
        function.checkArity(args.size());
        // not a dispatch over the kinds of Expr: only a literal's text is known before GitHub
        // evaluates it, so
        // every other kind, present or future, is a template this check cannot see
        if (function == Function.FORMAT && args.get(0) instanceof StringLiteral template) {
            // GitHub's run-time check, from the table the linter uses; unused arguments are the
            // linter's warning
            String error = Format.error(template.value(), args.size() - 1);
            if (error != null) {
                throw new IllegalArgumentException(error);
            }
        }
    }

    @Override
    public String render() {
        // arguments are whole expressions between commas, so none needs parentheses
        return function.functionName()
                + args.stream().map(Expr::render).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String toString() {
        return wrapped();
    }

    @Override
    public <R> R accept(Expr.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
