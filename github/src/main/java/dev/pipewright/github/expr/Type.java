package dev.pipewright.github.expr;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The static type of an expression value, used to check property access against typed contexts. */
public sealed interface Type {
    Type ANY = new Simple("any");
    Type NULL = new Simple("null");
    Type BOOL = new Simple("bool");
    Type NUMBER = new Simple("number");
    Type STRING = new Simple("string");

    /** A primitive or {@code any}. */
    record Simple(String name) implements Type {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An object: known properties (matched case-insensitively, as GitHub does), and the type of any
     * other property, or null when other properties do not exist (a strict object).
     */
    record Obj(Map<String, Type> props, Type rest) implements Type {
        public Obj {
            Map<String, Type> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            m.putAll(props);
            // shared between positions and files, so never changed after construction
            props = Collections.unmodifiableMap(m);
        }

        public static Obj strict(Map<String, Type> props) {
            return new Obj(props, null);
        }

        public static Obj loose(Type rest) {
            return new Obj(Map.of(), rest);
        }

        /** The property's type, or null when a strict object has no such property. */
        public Type get(String name) {
            Type t = props.get(name.toLowerCase(Locale.ROOT));
            if (t == null) {
                t = props.get(name);
            }
            return t != null ? t : rest;
        }

        @Override
        public String toString() {
            return rest == null ? "{" + String.join(", ", props.keySet()) + "}" : "object";
        }
    }

    /** An array, e.g. the result of an object filter. */
    record Arr(Type elem) implements Type {
        @Override
        public String toString() {
            return "array<" + elem + ">";
        }
    }
}
