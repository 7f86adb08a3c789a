package dev.pipewright.model.expr;

import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Lexer;
import dev.pipewright.github.expr.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the contexts an expression uses ({@code needs.build}, {@code secrets.TOKEN}, ...) in any
 * string, whether written by hand or rendered by {@link Expr}.
 */
public final class ExpressionScanner {
    private ExpressionScanner() {}

    /** References inside every {@code ${{ … }}} of a string value. */
    public static List<ContextReference> inTemplate(String text) {
        List<ContextReference> references = new ArrayList<>();
        for (TemplateSegments.Segment s : TemplateSegments.of(text)) {
            // "${{ insert }}" is a directive (a mapping key that merges a map), not a context
            if (!text.substring(s.start(), s.end()).strip().equals("insert")) {
                collect(lex(text, s.start(), s.end()), references);
            }
        }
        return List.copyOf(references);
    }

    /**
     * References in a bare condition (an {@code if:} value with or without {@code ${{ }}} around
     * it). Like GitHub, a value that contains <code>${{</code> anywhere is read as a template.
     */
    public static List<ContextReference> inCondition(String text) {
        if (text.contains("${{")) {
            return inTemplate(text);
        }
        List<ContextReference> references = new ArrayList<>();
        collect(lex(text, 0, text.length()), references);
        return List.copyOf(references);
    }

    /**
     * The {@code ${{ … }}} segments' inner texts, handling {@code '…'} string literals that contain
     * <code>}}</code>.
     */
    public static List<String> expressions(String text) {
        return TemplateSegments.of(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    private static List<Token> lex(String text, int from, int to) {
        try {
            return Lexer.lex(text, from, to);
        } catch (ExprException e) {
            throw new ExpressionSyntaxException(e.getMessage(), e.offset(), text);
        }
    }

    // a named value is an identifier that is neither a property (after '.') nor a function name
    // (before '('); its property is the '.name' or "['name']" right after it
    private static void collect(List<Token> tokens, List<ContextReference> out) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.IDENT
                    || (i > 0 && tokens.get(i - 1).kind() == Token.Kind.DOT)
                    || kindAt(tokens, i + 1) == Token.Kind.LPAREN) {
                continue;
            }
            String property = null;
            if (kindAt(tokens, i + 1) == Token.Kind.DOT
                    && kindAt(tokens, i + 2) == Token.Kind.IDENT) {
                property = tokens.get(i + 2).text();
            } else if (kindAt(tokens, i + 1) == Token.Kind.LBRACKET
                    && kindAt(tokens, i + 2) == Token.Kind.STRING
                    && kindAt(tokens, i + 3) == Token.Kind.RBRACKET) {
                property = (String) tokens.get(i + 2).value();
            }
            out.add(new ContextReference(t.text().toLowerCase(Locale.ROOT), property));
        }
    }

    private static Token.Kind kindAt(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).kind() : null;
    }
}
