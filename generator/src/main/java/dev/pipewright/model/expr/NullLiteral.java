package dev.pipewright.model.expr;

/** {@code null}. */
public record NullLiteral() implements Expr {
    static final NullLiteral INSTANCE = new NullLiteral();

    @Override
    public String render() {
        return "null";
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
