package dev.pipewright.model.expr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A call of a built-in function, rendered with the function's canonical casing. */
public record FunctionCall(Function function, List<Expr> args) implements Expr {
  public FunctionCall {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
    function.checkArity(args.size());
    if (function == Function.FORMAT && args.get(0) instanceof StringLiteral template) {
      FormatTemplate.check(template.value(), args.size() - 1);
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
}
