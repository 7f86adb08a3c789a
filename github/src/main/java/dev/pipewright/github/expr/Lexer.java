package dev.pipewright.github.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an expression into tokens with the rules of GitHub's own lexer
 * ({@code @actions/expressions}): boundaries, {@code ''} escapes, hex and exponent numbers.
 */
public final class Lexer {
    // what JavaScript's Number() accepts, which is what GitHub's lexer checks numbers with: hex,
    // octal and binary only
    // unsigned (Number("-0x1F") is NaN)
    private static final Pattern NUMBER =
            Pattern.compile(
                    "[+-]?(Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+");

    private final String in;
    private final int end;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String in, int from, int to) {
        this.in = in;
        this.pos = from;
        this.end = to;
    }

    /** The tokens of {@code in}, ending with an EOF token. */
    public static List<Token> lex(String in) throws ExprException {
        return lex(in, 0, in.length());
    }

    /**
     * The tokens of {@code in[from, to)}, ending with an EOF token; offsets stay relative to the
     * whole text.
     */
    public static List<Token> lex(String in, int from, int to) throws ExprException {
        Lexer l = new Lexer(in, from, to);
        l.run();
        return l.tokens;
    }

    private Token.Kind previous() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).kind();
    }

    private void run() throws ExprException {
        while (pos < end) {
            int start = pos;
            char c = in.charAt(pos++);
            switch (c) {
                case '(' -> add(Token.Kind.LPAREN, start);
                case ')' -> add(Token.Kind.RPAREN, start);
                case '[' -> add(Token.Kind.LBRACKET, start);
                case ']' -> add(Token.Kind.RBRACKET, start);
                case ',' -> add(Token.Kind.COMMA, start);
                case '*' -> add(Token.Kind.STAR, start);
                case '.' -> {
                    Token.Kind p = previous();
                    if (p == Token.Kind.IDENT
                            || p == Token.Kind.RBRACKET
                            || p == Token.Kind.RPAREN
                            || p == Token.Kind.STAR) {
                        add(Token.Kind.DOT, start);
                    } else {
                        number(start);
                    }
                }
                case '-', '+' -> number(start);
                case '!' -> add(match('=') ? Token.Kind.NE : Token.Kind.BANG, start);
                case '<' -> add(match('=') ? Token.Kind.LE : Token.Kind.LT, start);
                case '>' -> add(match('=') ? Token.Kind.GE : Token.Kind.GT, start);
                case '=' ->
                        pair(
                                '=',
                                Token.Kind.EQ,
                                start,
                                "\"=\" is not an operator; compare with \"==\"");
                case '&' ->
                        pair('&', Token.Kind.AND, start, "\"&\" is not an operator; use \"&&\"");
                case '|' -> pair('|', Token.Kind.OR, start, "\"|\" is not an operator; use \"||\"");
                case ' ', '\t', '\r', '\n' -> {}
                case '\'' -> string(start);
                default -> {
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        // GitHub trims and skips Unicode spaces too (a no-break space pasted after
                        // a name)
                        continue;
                    }
                    if (c >= '0' && c <= '9') {
                        number(start);
                    } else {
                        identifier(start);
                    }
                }
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", null, end));
    }

    private boolean match(char c) {
        if (pos < end && in.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void pair(char c, Token.Kind kind, int start, String error) throws ExprException {
        if (!match(c)) {
            throw new ExprException(start, error);
        }
        add(kind, start);
    }

    private void add(Token.Kind kind, int start) {
        tokens.add(new Token(kind, in.substring(start, pos), null, start));
    }

    // where identifiers and numbers end: GitHub's isBoundary, whose /\s/ also matches Unicode
    // spaces; '*' and '\''
    // are not boundaries
    private static boolean boundary(char c) {
        return "([)],.!><=&|".indexOf(c) >= 0
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    private void number(int start) throws ExprException {
        while (pos < end && (!boundary(in.charAt(pos)) || in.charAt(pos) == '.')) {
            pos++;
        }
        String lexeme = in.substring(start, pos);
        if (!NUMBER.matcher(lexeme).matches()) {
            throw new ExprException(start, "\"" + lexeme + "\" is not a number");
        }
        tokens.add(new Token(Token.Kind.NUMBER, lexeme, lexeme, start));
    }

    private void string(int start) throws ExprException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw new ExprException(
                        start,
                        "string literal is not closed; add \"'\" (a quote inside a string is written \"''\")");
            }
            char c = in.charAt(pos++);
            if (c == '\'') {
                if (pos < end && in.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                    continue;
                }
                break;
            }
            sb.append(c);
        }
        tokens.add(new Token(Token.Kind.STRING, in.substring(start, pos), sb.toString(), start));
    }

    private void identifier(int start) throws ExprException {
        while (pos < end && !boundary(in.charAt(pos))) {
            pos++;
        }
        String lexeme = in.substring(start, pos);
        Token.Kind kind = Token.Kind.IDENT;
        if (previous() != Token.Kind.DOT) {
            switch (lexeme) {
                case "true" -> kind = Token.Kind.TRUE;
                case "false" -> kind = Token.Kind.FALSE;
                case "null" -> kind = Token.Kind.NULL;
                case "NaN", "Infinity" -> kind = Token.Kind.NUMBER;
                default -> {}
            }
        }
        if (kind == Token.Kind.IDENT && !isIdentifier(lexeme)) {
            String hint = lexeme.startsWith("\"") ? "; strings use single quotes: '...'" : "";
            throw new ExprException(start, "unexpected \"" + lexeme + "\"" + hint);
        }
        tokens.add(new Token(kind, lexeme, lexeme, start));
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_-]*}, checked by hand: every identifier of every expression passes
     * here.
     */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(letter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
