package dev.pipewright.model.expr;

/** Token kinds of GitHub's expression lexer. */
enum TokenKind {
  LEFT_PAREN,
  RIGHT_PAREN,
  LEFT_BRACKET,
  RIGHT_BRACKET,
  COMMA,
  DOT,
  STAR,
  BANG,
  EQUAL_EQUAL,
  BANG_EQUAL,
  LESS,
  LESS_EQUAL,
  GREATER,
  GREATER_EQUAL,
  AND,
  OR,
  NUMBER,
  STRING,
  IDENTIFIER,
  TRUE,
  FALSE,
  NULL
}
