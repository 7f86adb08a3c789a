package dev.pipewright.model.expr;

/** Token kinds of GitHub's expression lexer. */
enum TokenKind {
  LEFT_PAREN("'('"),
  RIGHT_PAREN("')'"),
  LEFT_BRACKET("'['"),
  RIGHT_BRACKET("']'"),
  COMMA("','"),
  DOT("'.'"),
  STAR("'*'"),
  BANG("'!'"),
  EQUAL_EQUAL("'=='"),
  BANG_EQUAL("'!='"),
  LESS("'<'"),
  LESS_EQUAL("'<='"),
  GREATER("'>'"),
  GREATER_EQUAL("'>='"),
  AND("'&&'"),
  OR("'||'"),
  NUMBER("a number"),
  STRING("a string"),
  IDENTIFIER("a name"),
  TRUE("'true'"),
  FALSE("'false'"),
  NULL("'null'");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How messages name the kind: {@code ')'}, {@code a name}. */
  String describe() {
    return description;
  }
}
