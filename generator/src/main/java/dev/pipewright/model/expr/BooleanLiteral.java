package dev.pipewright.model.expr;

/** {@code true} or {@code false}. */
public record BooleanLiteral(boolean value) implements Expr {
    static final BooleanLiteral TRUE = new BooleanLiteral(true);
    static final BooleanLiteral FALSE = new BooleanLiteral(false);

    @Override
    public String render() {
        return Boolean.toString(value);
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
