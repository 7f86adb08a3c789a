package dev.pipewright.model.expr;

/** The binary operators, with GitHub's precedence (higher binds tighter). */
public enum Operator {
    OR("||", Precedence.OR),
    AND("&&", Precedence.AND),
    EQ("==", Precedence.EQUALITY),
    NE("!=", Precedence.EQUALITY),
    LT("<", Precedence.COMPARISON),
    LE("<=", Precedence.COMPARISON),
    GT(">", Precedence.COMPARISON),
    GE(">=", Precedence.COMPARISON);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator as written, e.g. {@code &&}. */
    public String symbol() {
        return symbol;
    }

    /** The binding strength: 1 for {@code ||} up to 4 for comparisons. */
    public int precedence() {
        return precedence;
    }
}
