package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;

/**
 * A test-only recursive-descent parser with GitHub's grammar, used to check that rendered text
 * reads back as the tree it came from.
 */
final class ExprParser {
  private final List<Token> tokens;
  private int next;

  private ExprParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Expr parse(String text) {
    ExprParser p = new ExprParser(Lexer.lex(text));
    Expr e = p.or();
    if (p.next < p.tokens.size()) {
      throw new IllegalArgumentException("unexpected " + p.tokens.get(p.next).text() + " in " + text);
    }
    return e;
  }

  private Expr or() {
    Expr e = and();
    while (match(TokenKind.OR)) {
      e = new Binary(e, Operator.OR, and());
    }
    return e;
  }

  private Expr and() {
    Expr e = equality();
    while (match(TokenKind.AND)) {
      e = new Binary(e, Operator.AND, equality());
    }
    return e;
  }

  private Expr equality() {
    Expr e = comparison();
    while (true) {
      if (match(TokenKind.EQUAL_EQUAL)) {
        e = new Binary(e, Operator.EQ, comparison());
      } else if (match(TokenKind.BANG_EQUAL)) {
        e = new Binary(e, Operator.NE, comparison());
      } else {
        return e;
      }
    }
  }

  private Expr comparison() {
    Expr e = unary();
    while (true) {
      if (match(TokenKind.LESS)) {
        e = new Binary(e, Operator.LT, unary());
      } else if (match(TokenKind.LESS_EQUAL)) {
        e = new Binary(e, Operator.LE, unary());
      } else if (match(TokenKind.GREATER)) {
        e = new Binary(e, Operator.GT, unary());
      } else if (match(TokenKind.GREATER_EQUAL)) {
        e = new Binary(e, Operator.GE, unary());
      } else {
        return e;
      }
    }
  }

  private Expr unary() {
    return match(TokenKind.BANG) ? new Not(unary()) : postfix();
  }

  // like GitHub's parser, '.x' and '[i]' may only follow a named value, a call or a group
  private Expr postfix() {
    boolean dereferenceable = peek(TokenKind.IDENTIFIER) || peek(TokenKind.LEFT_PAREN);
    Expr e = primary();
    while (dereferenceable) {
      if (match(TokenKind.DOT)) {
        if (match(TokenKind.STAR)) {
          e = new StarAccess(e);
        } else {
          e = new PropertyAccess(e, expect(TokenKind.IDENTIFIER).text());
        }
      } else if (match(TokenKind.LEFT_BRACKET)) {
        Expr index = or();
        expect(TokenKind.RIGHT_BRACKET);
        e = new IndexAccess(e, index);
      } else {
        break;
      }
    }
    return e;
  }

  private Expr primary() {
    Token t = advance();
    switch (t.kind()) {
      case TRUE:
        return Expr.lit(true);
      case FALSE:
        return Expr.lit(false);
      case NULL:
        return Expr.nullLiteral();
      case NUMBER:
        return new NumberLiteral(new BigDecimal(t.text()));
      case STRING:
        return new StringLiteral(t.value());
      case LEFT_PAREN: {
        Expr e = or();
        expect(TokenKind.RIGHT_PAREN);
        return e;
      }
      case IDENTIFIER: {
        if (!match(TokenKind.LEFT_PAREN)) {
          return new NamedValue(t.text());
        }
        Function f = Function.byName(t.text())
            .orElseThrow(() -> new IllegalArgumentException("unknown function " + t.text()));
        List<Expr> args = new ArrayList<>();
        if (!match(TokenKind.RIGHT_PAREN)) {
          do {
            args.add(or());
          } while (match(TokenKind.COMMA));
          expect(TokenKind.RIGHT_PAREN);
        }
        return new FunctionCall(f, args);
      }
      default:
        throw new IllegalArgumentException("unexpected " + t.text() + " at " + t.start());
    }
  }

  private boolean peek(TokenKind kind) {
    return next < tokens.size() && tokens.get(next).is(kind);
  }

  private boolean match(TokenKind kind) {
    if (peek(kind)) {
      next++;
      return true;
    }
    return false;
  }

  private Token advance() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("unexpected end of expression");
    }
    return tokens.get(next++);
  }

  private Token expect(TokenKind kind) {
    Token t = advance();
    if (!t.is(kind)) {
      throw new IllegalArgumentException("expected " + kind + ", got " + t.text() + " at " + t.start());
    }
    return t;
  }
}
