package dev.pipewright.model.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Lexer;
import dev.pipewright.github.expr.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property tests of rendering: the text reads back as the same tree (parentheses suffice) and
 * dropping any pair of grouping parentheses changes or breaks it (parentheses are minimal).
 */
class ExprPrecedencePropertyTest {
    private static final int TREES = 3000;

    @Test
    void renderingReadsBackAsTheSameTree() {
        RandomExprs random = new RandomExprs(20260101L);
        for (int i = 0; i < TREES; i++) {
            Expr tree = random.next(5);
            String text = tree.render();
            Expr parsed = ExpressionParser.parse(text);
            assertThat(ExprTrees.fullyParenthesised(parsed))
                    .as("tree #%d rendered as %s", i, text)
                    .isEqualTo(ExprTrees.fullyParenthesised(tree));
        }
    }

    @Test
    void everyGroupingParenthesisIsNeeded() throws ExprException {
        RandomExprs random = new RandomExprs(42L);
        int checked = 0;
        for (int i = 0; i < TREES; i++) {
            Expr tree = random.next(5);
            String text = tree.render();
            String expected = ExprTrees.fullyParenthesised(tree);
            for (int[] pair : groupingParentheses(text)) {
                String without =
                        text.substring(0, pair[0])
                                + text.substring(pair[0] + 1, pair[1])
                                + text.substring(pair[1] + 1);
                String reread;
                try {
                    reread = ExprTrees.fullyParenthesised(ExpressionParser.parse(without));
                } catch (IllegalArgumentException e) {
                    continue; // no longer valid: the parentheses were needed
                }
                assertThat(reread)
                        .as(
                                "%s without the parentheses at %d still means %s",
                                text, pair[0], expected)
                        .isNotEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).as("parenthesis pairs checked").isGreaterThan(100);
    }

    // "(" ... ")" pairs that group, i.e. not the argument list of a call (an identifier before "(")
    private static List<int[]> groupingParentheses(String text) throws ExprException {
        List<Token> tokens = Lexer.lex(text);
        List<int[]> pairs = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.LPAREN) {
                boolean call = i > 0 && tokens.get(i - 1).kind() == Token.Kind.IDENT;
                open.push(new int[] {call ? -1 : t.offset(), -1});
            } else if (t.kind() == Token.Kind.RPAREN) {
                int[] pair = open.pop();
                if (pair[0] >= 0) {
                    pair[1] = t.offset();
                    pairs.add(pair);
                }
            }
        }
        return pairs;
    }
}
