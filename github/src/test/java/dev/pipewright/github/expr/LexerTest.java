package dev.pipewright.github.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

    private static List<Token.Kind> kinds(String text) throws ExprException {
        List<Token> tokens = Lexer.lex(text);
        return tokens.subList(0, tokens.size() - 1).stream().map(Token::kind).toList();
    }

    @Test
    void operatorsAndPunctuation() throws ExprException {
        assertThat(kinds("( ) [ ] , *"))
                .containsExactly(
                        Token.Kind.LPAREN,
                        Token.Kind.RPAREN,
                        Token.Kind.LBRACKET,
                        Token.Kind.RBRACKET,
                        Token.Kind.COMMA,
                        Token.Kind.STAR);
        assertThat(kinds("a.* != b == c < d <= e > f >= g && !h || i[0]"))
                .containsExactly(
                        Token.Kind.IDENT,
                        Token.Kind.DOT,
                        Token.Kind.STAR,
                        Token.Kind.NE,
                        Token.Kind.IDENT,
                        Token.Kind.EQ,
                        Token.Kind.IDENT,
                        Token.Kind.LT,
                        Token.Kind.IDENT,
                        Token.Kind.LE,
                        Token.Kind.IDENT,
                        Token.Kind.GT,
                        Token.Kind.IDENT,
                        Token.Kind.GE,
                        Token.Kind.IDENT,
                        Token.Kind.AND,
                        Token.Kind.BANG,
                        Token.Kind.IDENT,
                        Token.Kind.OR,
                        Token.Kind.IDENT,
                        Token.Kind.LBRACKET,
                        Token.Kind.NUMBER,
                        Token.Kind.RBRACKET);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "42",
                "-1",
                "+1",
                "1.5",
                ".5",
                "1.",
                "1e3",
                "1E-3",
                "-2.5e+10",
                "0x1F",
                "0XfF",
                "0o17",
                "0b101",
                "NaN",
                "Infinity",
                "-Infinity"
            })
    void numbers(String text) throws ExprException {
        List<Token> tokens = Lexer.lex(text);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).kind()).isEqualTo(Token.Kind.NUMBER);
        assertThat(tokens.get(0).text()).isEqualTo(text);
    }

    // JavaScript's Number(), which GitHub's lexer checks numbers with, reads hex, octal and binary
    // only unsigned
    @ParameterizedTest
    @ValueSource(strings = {"1x", "0x", "-0x1F", "+0b1", "1e", "1.2.3", "-", "0xG"})
    void invalidNumbers(String text) {
        assertThatThrownBy(() -> Lexer.lex(text))
                .isInstanceOf(ExprException.class)
                .hasMessage("\"" + text + "\" is not a number");
    }

    @Test
    void strings() throws ExprException {
        Token t = Lexer.lex("'it''s a ''test'''").get(0);
        assertThat(t.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(t.value()).isEqualTo("it's a 'test'");
        assertThat(Lexer.lex("''").get(0).value()).isEqualTo("");
        assertThat(Lexer.lex("'}} ${{ \n'").get(0).value()).isEqualTo("}} ${{ \n");
    }

    @Test
    void unterminatedString() {
        assertThatThrownBy(() -> Lexer.lex("a == 'it''s"))
                .isInstanceOf(ExprException.class)
                .hasMessageStartingWith("string literal is not closed")
                .extracting(e -> ((ExprException) e).offset())
                .isEqualTo(5);
    }

    @Test
    void identifiersWithHyphensAndKeywords() throws ExprException {
        assertThat(Lexer.lex("needs.build-linux.result").stream().map(Token::text))
                .containsExactly("needs", ".", "build-linux", ".", "result", "");
        assertThat(kinds("true false null"))
                .containsExactly(Token.Kind.TRUE, Token.Kind.FALSE, Token.Kind.NULL);
        // keywords are case-sensitive and are plain names after a dot
        assertThat(kinds("True x.null"))
                .containsExactly(
                        Token.Kind.IDENT, Token.Kind.IDENT, Token.Kind.DOT, Token.Kind.IDENT);
    }

    @Test
    void unicodeSpacesAreSpacesAsOnGitHubsServer() throws ExprException {
        // GitHub's TypeScript lexer reads a no-break space after a name as an illegal name, but its
        // server takes it as
        // a space (its parser test bad-character.yml: "${{ secrets.API_TOKEN\u00a0}}" is accepted,
        // the expression
        // "secrets.API_TOKEN"), and the server decides whether a workflow runs
        assertThat(Lexer.lex("a\u00a0").stream().map(Token::text)).containsExactly("a", "");
        assertThat(kinds("a\u2003==\u00a0b"))
                .containsExactly(Token.Kind.IDENT, Token.Kind.EQ, Token.Kind.IDENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = b", "a & b", "a | b", "$x", "a#b", "'a'\\'b'", "ü"})
    void illegalSymbols(String text) {
        assertThatThrownBy(() -> Lexer.lex(text)).isInstanceOf(ExprException.class);
    }
}
