package dev.pipewright.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

  private static List<TokenKind> kinds(String text) {
    return Lexer.lex(text).stream().map(Token::kind).toList();
  }

  @Test
  void operatorsAndPunctuation() {
    assertThat(kinds("( ) [ ] , *")).containsExactly(TokenKind.LEFT_PAREN, TokenKind.RIGHT_PAREN,
        TokenKind.LEFT_BRACKET, TokenKind.RIGHT_BRACKET, TokenKind.COMMA, TokenKind.STAR);
    assertThat(kinds("a.* != b == c < d <= e > f >= g && !h || i[0]"))
        .containsExactly(TokenKind.IDENTIFIER, TokenKind.DOT, TokenKind.STAR, TokenKind.BANG_EQUAL,
            TokenKind.IDENTIFIER, TokenKind.EQUAL_EQUAL, TokenKind.IDENTIFIER, TokenKind.LESS,
            TokenKind.IDENTIFIER, TokenKind.LESS_EQUAL, TokenKind.IDENTIFIER, TokenKind.GREATER,
            TokenKind.IDENTIFIER, TokenKind.GREATER_EQUAL, TokenKind.IDENTIFIER, TokenKind.AND,
            TokenKind.BANG, TokenKind.IDENTIFIER, TokenKind.OR, TokenKind.IDENTIFIER,
            TokenKind.LEFT_BRACKET, TokenKind.NUMBER, TokenKind.RIGHT_BRACKET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "42", "-1", "+1", "1.5", ".5", "1.", "1e3", "1E-3", "-2.5e+10", "0x1F", "0XfF", "0o17", "0b101", "NaN", "Infinity", "-Infinity"})
  void numbers(String text) {
    assertThat(Lexer.lex(text)).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TokenKind.NUMBER);
      assertThat(t.text()).isEqualTo(text);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1x", "0x", "-0x1F", "1e", "1.2.3", "-", "0xG"})
  void invalidNumbers(String text) {
    assertThatThrownBy(() -> Lexer.lex(text)).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("invalid number");
  }

  @Test
  void strings() {
    Token t = Lexer.lex("'it''s a ''test'''").get(0);
    assertThat(t.kind()).isEqualTo(TokenKind.STRING);
    assertThat(t.value()).isEqualTo("it's a 'test'");
    assertThat(Lexer.lex("''").get(0).value()).isEmpty();
    assertThat(Lexer.lex("'}} ${{ \n'").get(0).value()).isEqualTo("}} ${{ \n");
  }

  @Test
  void unterminatedString() {
    assertThatThrownBy(() -> Lexer.lex("a == 'it''s"))
        .isInstanceOf(ExpressionSyntaxException.class)
        .hasMessage("unterminated string literal at position 6 in: a == 'it''s")
        .extracting(e -> ((ExpressionSyntaxException) e).position()).isEqualTo(5);
  }

  @Test
  void identifiersWithHyphensAndKeywords() {
    assertThat(Lexer.lex("needs.build-linux.result").stream().map(Token::text))
        .containsExactly("needs", ".", "build-linux", ".", "result");
    assertThat(kinds("true false null")).containsExactly(TokenKind.TRUE, TokenKind.FALSE, TokenKind.NULL);
    // keywords are case-sensitive and are plain names after a dot
    assertThat(kinds("True x.null")).containsExactly(TokenKind.IDENTIFIER, TokenKind.IDENTIFIER,
        TokenKind.DOT, TokenKind.IDENTIFIER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a = b", "a & b", "a | b", "$x", "a#b", "'a'\\'b'", "ü"})
  void illegalSymbols(String text) {
    assertThatThrownBy(() -> Lexer.lex(text)).isInstanceOf(ExpressionSyntaxException.class)
        .hasMessageContaining("unexpected symbol");
  }
}
