package dev.pipewright.lint.rule;

import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.github.expr.Type;
import dev.pipewright.lint.expr.Checker;
import dev.pipewright.lint.expr.Types;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of the {@code matrix} context from a job's {@code strategy.matrix}: each key's type
 * merges the values its row and the {@code include} entries give it, so that {@code
 * matrix.config.os} is checked against the objects listed.
 */
final class MatrixTypes {
    /** The contexts a matrix value's expression may use (GitHub's schema for {@code strategy}). */
    private static final List<String> AVAILABLE = List.of("github", "inputs", "vars", "needs");

    private final Map<String, Type> contexts;

    /**
     * @param contexts the typed contexts of the job, for values written as expressions
     */
    MatrixTypes(Map<String, Type> contexts) {
        this.contexts = contexts;
    }

    /** The matrix context, or {@code any} when a key or a row is computed by an expression. */
    Type of(YMap matrix) {
        Map<String, Type> keys = new LinkedHashMap<>();
        for (YMap.Entry e : matrix.entries()) {
            String k = e.key().value();
            if (e.key().hasExpression()) {
                return Type.ANY;
            }
            if (k.equals("include")) {
                if (!(e.value() instanceof YSeq seq)) {
                    return Type.ANY;
                }
                for (YNode row : seq.items()) {
                    if (!(row instanceof YMap r)
                            || r.entries().stream().anyMatch(x -> x.key().hasExpression())) {
                        return Type.ANY;
                    }
                    r.entries()
                            .forEach(
                                    x ->
                                            keys.merge(
                                                    x.key().value(),
                                                    value(x.value()),
                                                    Types::merge));
                }
            } else if (!k.equals("exclude")) {
                keys.merge(k, row(e.value()), Types::merge);
            }
        }
        return Type.Obj.strict(keys);
    }

    /**
     * The element type of a row: its values merged, {@code any} for a row computed by an
     * expression.
     */
    private Type row(YNode n) {
        if (!(n instanceof YSeq seq) || seq.items().isEmpty()) {
            return Type.ANY;
        }
        Type t = null;
        for (YNode item : seq.items()) {
            t = t == null ? value(item) : Types.merge(t, value(item));
        }
        return t;
    }

    Type value(YNode n) {
        if (n instanceof YSeq seq) {
            Type elem = null;
            for (YNode item : seq.items()) {
                elem = elem == null ? value(item) : Types.merge(elem, value(item));
            }
            return new Type.Arr(elem == null ? Type.ANY : elem);
        }
        if (n instanceof YMap m) {
            Map<String, Type> props = new LinkedHashMap<>();
            for (YMap.Entry e : m.entries()) {
                if (e.key().hasExpression()) {
                    return Type.Obj.loose(Type.ANY);
                }
                props.put(e.key().value(), value(e.value()));
            }
            return Type.Obj.strict(props);
        }
        YScalar s = (YScalar) n;
        return switch (s.type()) {
            case NULL -> Type.NULL;
            case BOOL -> Type.BOOL;
            case INT, FLOAT -> Type.NUMBER;
            case STRING -> s.hasExpression() ? expression(s.value()) : Type.STRING;
        };
    }

    /**
     * A value that is one {@code ${{ }}} has the expression's type; text around it makes a string.
     */
    private Type expression(String v) {
        String t = v.strip();
        if (!t.startsWith("${{") || !t.endsWith("}}") || t.indexOf("${{", 3) >= 0) {
            return Type.STRING;
        }
        try {
            return new Checker(AVAILABLE, contexts)
                    .typeOf(Parser.parse(t.substring(3, t.length() - 2)));
        } catch (ExprException e) {
            return Type.ANY;
        }
    }
}
