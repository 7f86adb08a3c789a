package dev.pipewright.github.expr;

/** A syntax error in an expression at an offset of the expression text. */
public final class ExprException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public ExprException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
