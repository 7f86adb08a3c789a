package dev.pipewright.model.expr;

/** Expression text that cannot be read, with the offset where reading failed. */
public final class ExpressionSyntaxException extends IllegalArgumentException {
    private final int position;

    ExpressionSyntaxException(String problem, int position, String text) {
        super(problem + " at position " + (position + 1) + " in: " + excerpt(text));
        this.position = position;
    }

    /** The 0-based offset in the scanned text. */
    public int position() {
        return position;
    }

    private static String excerpt(String text) {
        // keep messages readable when the text is a whole multi-line script
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
