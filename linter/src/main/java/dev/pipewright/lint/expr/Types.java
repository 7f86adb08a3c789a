package dev.pipewright.lint.expr;

import dev.pipewright.github.expr.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operations on static types shared by the checker and the builders of typed contexts. */
public final class Types {
    private Types() {}

    /**
     * The type that holds values of both {@code a} and {@code b}, as actionlint merges the values
     * of a matrix row or a JSON array: equal types stay, a string absorbs numbers and booleans
     * (GitHub coerces them to strings where a string is wanted), arrays merge their elements,
     * objects their properties, anything else is {@code any}.
     */
    public static Type merge(Type a, Type b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == Type.STRING && (b == Type.NUMBER || b == Type.BOOL)
                || b == Type.STRING && (a == Type.NUMBER || a == Type.BOOL)) {
            return Type.STRING;
        }
        if (a instanceof Type.Arr x && b instanceof Type.Arr y) {
            return new Type.Arr(merge(x.elem(), y.elem()));
        }
        if (a instanceof Type.Obj x && b instanceof Type.Obj y) {
            Map<String, Type> props = new LinkedHashMap<>(x.props());
            y.props().forEach((k, v) -> props.merge(k, v, Types::merge));
            Type rest =
                    x.rest() == null
                            ? y.rest()
                            : y.rest() == null ? x.rest() : merge(x.rest(), y.rest());
            return new Type.Obj(props, rest);
        }
        return Type.ANY;
    }

    /**
     * Whether {@code op} compares its operands meaningfully, with actionlint's rules: {@code ==}
     * and {@code !=} between a primitive and an object or array always give false (the latter
     * coerces to NaN), and ordering operators take only numbers and strings.
     */
    public static boolean comparable(String op, Type l, Type r) {
        if (op.equals("==") || op.equals("!=")) {
            if (l == Type.ANY || l == Type.NULL || r == Type.ANY || r == Type.NULL) {
                return true;
            }
            if (l instanceof Type.Simple) {
                return r instanceof Type.Simple;
            }
            if (l instanceof Type.Obj) {
                return r instanceof Type.Obj;
            }
            Type.Arr la = (Type.Arr) l;
            return r instanceof Type.Arr ra && comparable(op, la.elem(), ra.elem());
        }
        return ordered(l) && ordered(r);
    }

    private static boolean ordered(Type t) {
        return t == Type.ANY || t == Type.NUMBER || t == Type.STRING;
    }
}
