package dev.pipewright.lint.expr;

import dev.pipewright.github.ContextAvailability;
import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.Format;
import dev.pipewright.github.expr.Functions;
import dev.pipewright.github.expr.Token;
import dev.pipewright.github.expr.Type;
import dev.pipewright.lint.schema.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type-checks an expression against the contexts available where it appears: unknown contexts and
 * functions, arity, {@code format()} placeholders, properties of typed contexts.
 */
public final class Checker {
    /**
     * A problem at an offset of the expression text; {@code likely} marks mistakes that give a
     * useless value at run time (null for an undefined property, false for a comparison of
     * mismatched types) rather than failing the run.
     */
    public record Problem(int offset, String message, boolean likely) {
        public Problem(int offset, String message) {
            this(offset, message, false);
        }
    }

    private static final Pattern SPECIAL_SIG =
            Pattern.compile("([A-Za-z]+)\\((\\d+),(\\d+|MAX)\\)");

    /**
     * What a schema context list means, parsed once per distinct list: the functions, and the
     * context names.
     */
    private record Available(Map<String, Functions.Sig> functions, List<String> names) {}

    private static final Map<List<String>, Available> PARSED = new ConcurrentHashMap<>();

    private final Map<String, Type> contexts;
    private final Map<String, Functions.Sig> functions;
    private final List<Problem> problems = new ArrayList<>();
    private Type result = Type.ANY;

    /**
     * @param available the schema's context list at this key: names and {@code fn(min,max)} entries
     * @param types the typed contexts of this position
     */
    public Checker(List<String> available, Map<String, Type> types) {
        Available a = PARSED.computeIfAbsent(List.copyOf(available), Checker::parse);
        this.functions = a.functions();
        this.contexts = new LinkedHashMap<>();
        for (String name : a.names()) {
            contexts.put(name.toLowerCase(Locale.ROOT), types.getOrDefault(name, Type.ANY));
        }
    }

    private static Available parse(List<String> available) {
        Map<String, Functions.Sig> functions = new LinkedHashMap<>(Functions.GENERAL);
        List<String> names = new ArrayList<>();
        for (String a : available) {
            Matcher m = SPECIAL_SIG.matcher(a);
            if (m.matches()) {
                String name = m.group(1);
                int max = m.group(3).equals("MAX") ? 255 : Integer.parseInt(m.group(3));
                functions.put(
                        Functions.key(name),
                        new Functions.Sig(
                                name,
                                Integer.parseInt(m.group(2)),
                                max,
                                Functions.SPECIAL.getOrDefault(Functions.key(name), Type.ANY)));
            } else {
                names.add(a);
            }
        }
        return new Available(Collections.unmodifiableMap(functions), List.copyOf(names));
    }

    public List<Problem> check(Expr e) {
        result = type(e);
        return problems;
    }

    /** The type of an expression, its problems left to whoever reports them. */
    public Type typeOf(Expr e) {
        check(e);
        return result;
    }

    /** The type of the expression last {@linkplain #check checked}. */
    public Type result() {
        return result;
    }

    /**
     * Where an expression starts in the text: its leftmost operand, as actionlint positions its
     * findings.
     */
    public static int start(Expr e) {
        if (e instanceof Expr.Property p) {
            return start(p.receiver());
        } else if (e instanceof Expr.Index i) {
            return start(i.receiver());
        } else if (e instanceof Expr.Star s) {
            return start(s.receiver());
        } else if (e instanceof Expr.Binary b) {
            return start(b.left());
        }
        return e.offset();
    }

    private Type type(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.type();
        } else if (e instanceof Expr.Context c) {
            Type t = contexts.get(c.name().toLowerCase(Locale.ROOT));
            if (t == null) {
                problems.add(new Problem(c.offset(), unknownContext(c.name())));
                return Type.ANY;
            }
            return t;
        } else if (e instanceof Expr.Property p) {
            return property(type(p.receiver()), p);
        } else if (e instanceof Expr.Index ix) {
            return index(type(ix.receiver()), ix);
        } else if (e instanceof Expr.Star s) {
            Type r = type(s.receiver());
            if (r instanceof Type.Obj o) {
                return new Type.Arr(o.rest() != null && o.props().isEmpty() ? o.rest() : Type.ANY);
            }
            return r instanceof Type.Arr a ? a : new Type.Arr(Type.ANY);
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Not n) {
            type(n.operand());
            return Type.BOOL;
        }
        Expr.Binary b = (Expr.Binary) e;
        Type l = type(b.left());
        Type r = type(b.right());
        if (b.op() == Token.Kind.AND || b.op() == Token.Kind.OR) {
            return l.equals(r) ? l : Type.ANY;
        }
        String op = operator(b.op());
        if (!Types.comparable(op, l, r)) {
            problems.add(
                    new Problem(
                            start(b),
                            "\""
                                    + TypeNames.of(l)
                                    + "\" value cannot be compared to \""
                                    + TypeNames.of(r)
                                    + "\" value with \""
                                    + op
                                    + "\" operator",
                            true));
        }
        return Type.BOOL;
    }

    private static final String[] ORDINALS = {"1st", "2nd", "3rd"};

    /**
     * Objects and arrays where a function takes strings: GitHub coerces them to NaN-like text, so
     * {@code startsWith(github.event, 'x')} is always false. {@code contains} also takes an array
     * as its first argument.
     */
    private void arguments(String name, List<Expr> exprs, List<Type> types) {
        String signature =
                switch (name) {
                    case "startsWith", "endsWith" -> name + "(string, string) -> bool";
                    case "contains" ->
                            "contains(string, string) -> bool\" or \"contains(array<any>, any) -> bool";
                    case "join" -> "join(array<string>, string) -> string";
                    default -> null;
                };
        if (signature == null) {
            return;
        }
        for (int i = 0; i < types.size() && i < ORDINALS.length; i++) {
            Type t = types.get(i);
            boolean collection = name.equals("contains") || name.equals("join");
            boolean wrong =
                    i == 0 && collection
                            ? t instanceof Type.Obj
                            : name.equals("contains") && i == 1
                                    ? false
                                    : t instanceof Type.Obj || t instanceof Type.Arr;
            if (wrong) {
                String want = i == 0 && collection ? "\"string\" or \"array<any>\"" : "\"string\"";
                problems.add(
                        new Problem(
                                start(exprs.get(i)),
                                ORDINALS[i]
                                        + " argument of function call is not assignable. \""
                                        + TypeNames.of(t)
                                        + "\" cannot be assigned to "
                                        + want
                                        + ". called function type is \""
                                        + signature
                                        + "\"",
                                true));
            }
        }
    }

    private static String operator(Token.Kind k) {
        return switch (k) {
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            default -> ">=";
        };
    }

    /**
     * An index into an object takes a property name, one into an array a number; anything else
     * always gives null (GitHub does not coerce the index), which actionlint reports as a type
     * error.
     */
    private Type index(Type r, Expr.Index ix) {
        Type idx = type(ix.index());
        if (ix.index() instanceof Expr.Literal lit
                && lit.type() == Type.STRING
                && r instanceof Type.Obj) {
            return property(
                    r, new Expr.Property(ix.receiver(), (String) lit.value(), ix.index().offset()));
        }
        if (r instanceof Type.Arr a) {
            if (idx != Type.ANY && idx != Type.NUMBER) {
                problems.add(
                        new Problem(
                                start(ix.index()),
                                "index access of array must be type of number but got \""
                                        + TypeNames.of(idx)
                                        + "\"",
                                true));
            }
            return a.elem();
        }
        if (r instanceof Type.Obj o) {
            if (idx != Type.ANY && idx != Type.STRING) {
                problems.add(
                        new Problem(
                                start(ix.index()),
                                "property access of object must be type of string but got \""
                                        + TypeNames.of(idx)
                                        + "\"",
                                true));
            }
            return o.rest() != null ? o.rest() : Type.ANY;
        }
        return Type.ANY;
    }

    private String unknownContext(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean known = ContextAvailability.CONTEXTS.contains(lower);
        String available = String.join(", ", new TreeSet<>(contexts.keySet()));
        if (known) {
            return "context \""
                    + name
                    + "\" is not available here; available: "
                    + (available.isEmpty() ? "none" : available);
        }
        return "unknown context \""
                + name
                + "\"; available here: "
                + (available.isEmpty() ? "none" : available)
                + " (strings need single quotes: '"
                + name
                + "')";
    }

    /** The known property {@code name} differs from only in "-" and "_", or null. */
    private static String separatorVariant(Type.Obj o, String name) {
        if (o.props().containsKey(name)) {
            return null;
        }
        String plain = name.replace('_', '-');
        for (String known : o.props().keySet()) {
            if (known.replace('_', '-').equalsIgnoreCase(plain)) {
                return known;
            }
        }
        return null;
    }

    /** Reports a property the object does not have: it evaluates to null. */
    private Type undefined(Expr.Property p, String hint) {
        problems.add(
                new Problem(
                        p.offset(),
                        "property \""
                                + p.name()
                                + "\" is not defined in "
                                + describe(p.receiver())
                                + " and evaluates to null"
                                + hint,
                        true));
        return Type.ANY;
    }

    private Type property(Type receiver, Expr.Property p) {
        if (receiver instanceof Type.Obj o) {
            Type t = o.get(p.name());
            String variant = t == null || o.rest() == null ? null : separatorVariant(o, p.name());
            if (variant != null) {
                // an open object (an action's outputs when its metadata may be older than the
                // release) may hold names we do not know, but not one that differs from a known
                // name only in "-" and "_": that is a typo, and it evaluates to null
                return undefined(p, "; did you mean \"" + variant + "\"?");
            }
            if (t == null) {
                String close = Suggest.closest(p.name(), o.props().keySet());
                if (p.receiver() instanceof Expr.Context c
                        && c.name().equalsIgnoreCase("secrets")) {
                    // secrets is strict only in a workflow run by workflow_call alone that declares
                    // its secrets; an error,
                    // as actionlint's: a caller passing secrets explicitly leaves this one empty
                    problems.add(
                            new Problem(
                                    p.offset(),
                                    "secret \""
                                            + p.name()
                                            + "\" is not declared in"
                                            + " on.workflow_call.secrets, so it is empty unless the caller passes \"secrets: inherit\"; "
                                            + (close != null
                                                    ? "did you mean \""
                                                            + close
                                                            + "\"? Else declare it"
                                                    : "declare it there"),
                                    false));
                    return Type.ANY;
                }
                List<String> names = new ArrayList<>(o.props().keySet());
                String defined =
                        o.props().isEmpty()
                                ? "; it has no properties here"
                                : names.size() > 12 ? "" : "; defined: " + String.join(", ", names);
                return undefined(p, close != null ? "; did you mean \"" + close + "\"?" : defined);
            }
            return t;
        }
        if (receiver instanceof Type.Arr a) {
            // Property of a filtered array maps over its elements.
            return new Type.Arr(
                    a.elem() instanceof Type.Obj o && o.get(p.name()) != null
                            ? o.get(p.name())
                            : Type.ANY);
        }
        if (receiver == Type.STRING || receiver == Type.NUMBER || receiver == Type.BOOL) {
            problems.add(
                    new Problem(
                            p.offset(),
                            "property \""
                                    + p.name()
                                    + "\" of "
                                    + describe(p.receiver())
                                    + ", which is a "
                                    + receiver
                                    + ", is always null",
                            true));
        }
        return Type.ANY;
    }

    private static String describe(Expr e) {
        return "\"" + render(e) + "\"";
    }

    static String render(Expr e) {
        if (e instanceof Expr.Context c) {
            return c.name();
        } else if (e instanceof Expr.Property p) {
            return render(p.receiver()) + "." + p.name();
        } else if (e instanceof Expr.Star s) {
            return render(s.receiver()) + ".*";
        } else if (e instanceof Expr.Index i) {
            return render(i.receiver()) + "[...]";
        } else if (e instanceof Expr.Call c) {
            return c.name() + "(...)";
        }
        return "value";
    }

    private Type call(Expr.Call c) {
        List<Type> args = new ArrayList<>();
        c.args().forEach(a -> args.add(type(a)));
        Functions.Sig sig = functions.get(Functions.key(c.name()));
        if (sig == null) {
            if (Functions.SPECIAL.containsKey(Functions.key(c.name()))) {
                problems.add(
                        new Problem(
                                c.offset(), "function \"" + c.name() + "\" is not available here"));
            } else {
                String close =
                        Suggest.closest(
                                c.name(),
                                functions.values().stream().map(Functions.Sig::name).toList());
                problems.add(
                        new Problem(
                                c.offset(),
                                "unknown function \""
                                        + c.name()
                                        + "\""
                                        + (close != null
                                                ? "; did you mean \"" + close + "\"?"
                                                : "")));
            }
            return Type.ANY;
        }
        int n = c.args().size();
        String arity = Functions.arityProblem(sig, n);
        if (arity != null) {
            problems.add(new Problem(c.offset(), arity));
            if (n < sig.min() || n > sig.max()) {
                return sig.result();
            }
        }
        arguments(sig.name(), c.args(), args);
        if (sig.name().equals("fromJSON")
                && c.args().get(0) instanceof Expr.Literal lit
                && lit.value() instanceof String json) {
            JsonLiterals.Result parsed = JsonLiterals.parse(json);
            if (parsed.error() != null) {
                problems.add(
                        new Problem(
                                lit.offset(),
                                "broken JSON string is passed to fromJSON() at offset "
                                        + parsed.offset()
                                        + ": "
                                        + parsed.error()));
                return Type.ANY;
            }
            return parsed.type();
        }
        if (sig.name().equals("format")
                && c.args().get(0) instanceof Expr.Literal lit
                && lit.value() instanceof String fmt) {
            String error = Format.error(fmt, n - 1);
            if (error != null) {
                problems.add(new Problem(c.offset(), error));
            }
            for (int k : Format.unused(fmt, n - 1)) {
                problems.add(
                        new Problem(
                                c.offset(),
                                "format string \"" + fmt + "\" never uses argument {" + k + "}"));
            }
        }
        return sig.result();
    }
}
