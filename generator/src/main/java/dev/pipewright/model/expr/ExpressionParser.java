package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;

/**
 * A recursive-descent parser with GitHub's expression grammar and precedence. It checks what
 * GitHub's parser checks before a workflow runs — syntax, known functions, their arity — so a
 * workflow with {@code ${{ github.ref == }}} fails when it is built, not when it is pushed.
 */
public final class ExpressionParser {
  private final String text;
  private final List<Token> tokens;
  private int next;

  private ExpressionParser(String text) {
    this.text = text;
    this.tokens = Lexer.lex(text);
  }

  /** The expression tree of {@code text} (the inside of a {@code ${{ }}}). */
  public static Expr parse(String text) {
    ExpressionParser p = new ExpressionParser(text);
    if (p.tokens.isEmpty()) {
      throw new ExpressionSyntaxException("empty expression", 0, text);
    }
    Expr e = p.or();
    if (p.next < p.tokens.size()) {
      Token t = p.tokens.get(p.next);
      throw new ExpressionSyntaxException("unexpected '" + t.text() + "'", t.start(), text);
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
        return new NumberLiteral(number(t));
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
            .orElseThrow(() -> new ExpressionSyntaxException("unknown function " + t.text() + "()", t.start(), text));
        List<Expr> args = new ArrayList<>();
        if (!match(TokenKind.RIGHT_PAREN)) {
          do {
            args.add(or());
          } while (match(TokenKind.COMMA));
          expect(TokenKind.RIGHT_PAREN);
        }
        try {
          return new FunctionCall(f, args);
        } catch (IllegalArgumentException arity) {
          throw new ExpressionSyntaxException(arity.getMessage(), t.start(), text);
        }
      }
      default:
        throw new ExpressionSyntaxException("unexpected '" + t.text() + "'", t.start(), text);
    }
  }

  /** GitHub reads numbers with JavaScript's Number(): hex, octal and binary prefixes included. */
  private BigDecimal number(Token t) {
    String n = t.text();
    String digits = n.startsWith("+") || n.startsWith("-") ? n.substring(1) : n;
    boolean negative = n.startsWith("-");
    try {
      BigDecimal value;
      if (digits.length() > 2 && digits.charAt(0) == '0' && "xXoObB".indexOf(digits.charAt(1)) >= 0) {
        int radix = switch (Character.toLowerCase(digits.charAt(1))) {
          case 'x' -> 16;
          case 'o' -> 8;
          default -> 2;
        };
        value = new BigDecimal(new java.math.BigInteger(digits.substring(2), radix));
      } else {
        value = new BigDecimal(digits);
      }
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw new ExpressionSyntaxException("'" + n + "' is not a number", t.start(), text);
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
      throw new ExpressionSyntaxException("unexpected end of expression", text.length(), text);
    }
    return tokens.get(next++);
  }

  private Token expect(TokenKind kind) {
    Token t = advance();
    if (!t.is(kind)) {
      throw new ExpressionSyntaxException("expected " + kind.describe() + " but found '" + t.text() + "'", t.start(), text);
    }
    return t;
  }
}
