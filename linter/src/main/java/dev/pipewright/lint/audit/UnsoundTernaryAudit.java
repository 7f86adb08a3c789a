package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.Token;
import dev.pipewright.github.expr.Type;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cond && value || fallback} acts as a ternary only while {@code value} is truthy: with
 * {@code ''}, {@code 0}, {@code false} or {@code null} as the "true" value the expression gives
 * {@code fallback} whatever {@code cond} is.
 */
@Rule(
        id = "unsound-ternary",
        summary = "a && b || c pseudo-ternary has a truthy b",
        severity = Severity.NOTE,
        category = "security")
@Audit(severity = Audit.Level.LOW, confidence = Audit.Confidence.HIGH)
public final class UnsoundTernaryAudit extends ExpressionAudit {
    @Override
    protected void expression(YScalar s, Exprs.Span span) {
        List<Expr> found = new ArrayList<>();
        falsyTrueValues(span.ast(), found);
        for (Expr v : found) {
            report(
                    at(s, span, v),
                    "the true value "
                            + ExprTree.render(v)
                            + " of this \"&& ... ||\" pseudo-ternary is falsy,"
                            + " so the expression gives the fallback whatever the condition is; use case(condition, value, fallback)");
        }
    }

    private static void falsyTrueValues(Expr e, List<Expr> out) {
        if (ExprTree.constant(e)) {
            return;
        }
        if (e instanceof Expr.Binary b && b.op() == Token.Kind.OR) {
            List<Expr> operands = new ArrayList<>();
            orOperands(e, operands);
            for (int i = 0; i < operands.size() - 1; i++) {
                if (operands.get(i) instanceof Expr.Binary and
                        && and.op() == Token.Kind.AND
                        && falsy(and.right())) {
                    out.add(and.right());
                }
            }
            operands.forEach(o -> falsyTrueValues(o, out));
            return;
        }
        ExprTree.children(e).forEach(c -> falsyTrueValues(c, out));
    }

    private static void orOperands(Expr e, List<Expr> out) {
        if (!ExprTree.constant(e) && e instanceof Expr.Binary b && b.op() == Token.Kind.OR) {
            orOperands(b.left(), out);
            orOperands(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** True when the expression is a constant whose value is falsy. */
    static boolean falsy(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() == null
                    || Boolean.FALSE.equals(l.value())
                    || "".equals(l.value())
                    || l.value() instanceof String n && l.type() == Type.NUMBER && zero(n);
        }
        if (e instanceof Expr.Call c
                && c.args().size() == 1
                && c.args().get(0) instanceof Expr.Literal l
                && l.value() instanceof String json
                && c.name().equalsIgnoreCase("fromJSON")) {
            String j = json.strip();
            return j.equals("false") || j.equals("null") || j.equals("\"\"") || zero(j);
        }
        if (e instanceof Expr.Call c
                && c.name().equalsIgnoreCase("format")
                && !c.args().isEmpty()
                && c.args().stream().allMatch(a -> a instanceof Expr.Literal)) {
            // format() of constants is empty only when its template is placeholders of empty
            // strings
            String template = String.valueOf(((Expr.Literal) c.args().get(0)).value());
            String rest = template.replaceAll("\\{\\d+}", "");
            return rest.isEmpty()
                    && c.args().stream()
                            .skip(1)
                            .allMatch(a -> "".equals(((Expr.Literal) a).value()));
        }
        return false;
    }

    private static boolean zero(String number) {
        try {
            return Double.parseDouble(
                            number.toLowerCase(Locale.ROOT).startsWith("0x")
                                    ? String.valueOf(Long.parseLong(number.substring(2), 16))
                                    : number)
                    == 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
