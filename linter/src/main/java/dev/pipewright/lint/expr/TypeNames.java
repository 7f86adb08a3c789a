package dev.pipewright.lint.expr;

import dev.pipewright.github.expr.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spells a type the way actionlint does in its messages ({@code {a: string; b: number}}, {@code
 * {string => string}}, {@code object}, {@code array<bool>}), so that findings read alike in both
 * tools.
 */
public final class TypeNames {
    private TypeNames() {}

    public static String of(Type t) {
        if (t instanceof Type.Arr a) {
            return "array<" + of(a.elem()) + ">";
        }
        if (t instanceof Type.Obj o) {
            if (o.rest() != null && !o.props().isEmpty()) {
                return "object";
            }
            if (o.rest() != null) {
                return o.rest() == Type.ANY ? "object" : "{string => " + of(o.rest()) + "}";
            }
            List<String> props = new ArrayList<>();
            for (Map.Entry<String, Type> e : o.props().entrySet()) {
                props.add(e.getKey() + ": " + of(e.getValue()));
            }
            return "{" + String.join("; ", props) + "}";
        }
        return t.toString();
    }

    /**
     * True for objects, arrays and null: values a {@code ${{ }}} template renders as text nobody
     * wants.
     */
    public static boolean isStructured(Type t) {
        return t instanceof Type.Obj || t instanceof Type.Arr || t == Type.NULL;
    }
}
