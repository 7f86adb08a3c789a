package dev.pipewright.stacks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A small evaluator of GitHub's {@code ${{ }}} expressions: literals, context paths, {@code ! == !=
 * < <= > >= && ||}, parentheses, and the functions a generated job uses (status checks, contains,
 * startsWith, endsWith, format). Anything else throws {@link Unsupported} so the harness rejects
 * the job instead of guessing a value.
 */
final class Expressions {
    /**
     * An expression the harness cannot evaluate faithfully; the job is rejected with this message.
     */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    private final Map<String, Object> contexts;
    private final Function<String, Boolean> status;

    /**
     * @param contexts top-level contexts ({@code github}, {@code env}, {@code secrets}, {@code
     *     vars}, {@code inputs}, {@code steps}, {@code needs}, {@code job}…); a root not given here
     *     is rejected
     * @param status answers {@code success}, {@code failure}, {@code always} and {@code cancelled}
     */
    Expressions(Map<String, Object> contexts, Function<String, Boolean> status) {
        this.contexts = contexts;
        this.status = status;
    }

    /** Replaces every {@code ${{ … }}} in {@code text} by its value as a string. */
    String interpolate(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = text.indexOf("${{", i);
            if (start < 0) {
                out.append(text.substring(i));
                return out.toString();
            }
            int end = text.indexOf("}}", start);
            if (end < 0) {
                throw new Unsupported("unterminated ${{ in: " + text);
            }
            out.append(text, i, start).append(asString(evaluate(text.substring(start + 3, end))));
            i = end + 2;
        }
    }

    /**
     * An {@code if:} condition: with or without {@code ${{ }}}; a condition without a status
     * function implies success().
     */
    boolean condition(String text) {
        String t = text.strip();
        if (t.startsWith("${{") && t.endsWith("}}")) {
            t = t.substring(3, t.length() - 2);
        }
        boolean hasStatus = t.matches("(?s).*\\b(success|failure|always|cancelled)\\(.*");
        boolean value = truthy(evaluate(t));
        return hasStatus ? value : value && status.apply("success");
    }

    Object evaluate(String expression) {
        Parser p = new Parser(tokens(expression), expression);
        Object v = p.or();
        if (p.pos != p.tokens.size()) {
            throw new Unsupported("unexpected '" + p.tokens.get(p.pos) + "' in: " + expression);
        }
        return v;
    }

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    static String asString(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite()
                    ? String.valueOf(d.longValue())
                    : d.toString();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new Unsupported("an object or array interpolated as a string");
        }
        return v.toString();
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder b = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new Unsupported("unterminated string in: " + s);
                    }
                    if (s.charAt(i) == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            b.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(s.charAt(i++));
                }
                out.add(b.toString());
            } else if ("=!<>&|".indexOf(c) >= 0) {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    out.add(two);
                    i += 2;
                } else if (c == '!' || c == '<' || c == '>') {
                    out.add(String.valueOf(c));
                    i++;
                } else {
                    throw new Unsupported("operator '" + c + "' in: " + s);
                }
            } else if ("(),[]".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c)
                    || c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '*') {
                int j = i;
                while (j < s.length()
                        && (Character.isLetterOrDigit(s.charAt(j))
                                || "_-.*".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw new Unsupported("character '" + c + "' in: " + s);
            }
        }
        return out;
    }

    private final class Parser {
        final List<String> tokens;
        final String source;
        int pos;

        Parser(List<String> tokens, String source) {
            this.tokens = tokens;
            this.source = source;
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "";
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new Unsupported("unexpected end of: " + source);
            }
            return tokens.get(pos++);
        }

        void expect(String t) {
            String n = next();
            if (!n.equals(t)) {
                throw new Unsupported("expected '" + t + "' but found '" + n + "' in: " + source);
            }
        }

        // a || b returns the first truthy operand (or the last), a && b the first falsy (or the
        // last): GitHub's rules.
        Object or() {
            Object left = and();
            while (peek().equals("||")) {
                next();
                Object right = and();
                left = truthy(left) ? left : right;
            }
            return left;
        }

        Object and() {
            Object left = comparison();
            while (peek().equals("&&")) {
                next();
                Object right = comparison();
                left = truthy(left) ? right : left;
            }
            return left;
        }

        Object comparison() {
            Object left = unary();
            while (List.of("==", "!=", "<", "<=", ">", ">=").contains(peek())) {
                String op = next();
                Object right = unary();
                left =
                        switch (op) {
                            case "==" -> looseEquals(left, right);
                            case "!=" -> !looseEquals(left, right);
                            case "<" -> number(left) < number(right);
                            case "<=" -> number(left) <= number(right);
                            case ">" -> number(left) > number(right);
                            default -> number(left) >= number(right);
                        };
            }
            return left;
        }

        Object unary() {
            if (peek().equals("!")) {
                next();
                return !truthy(unary());
            }
            return primary();
        }

        Object primary() {
            String t = next();
            if (t.equals("(")) {
                Object v = or();
                expect(")");
                return v;
            }
            if (t.startsWith("'")) {
                return t.substring(1);
            }
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            if (t.equals("null")) {
                return null;
            }
            if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
                return Double.valueOf(t);
            }
            if (peek().equals("(")) {
                return call(t);
            }
            return path(t);
        }

        Object call(String name) {
            next();
            List<Object> args = new ArrayList<>();
            while (!peek().equals(")")) {
                args.add(or());
                if (peek().equals(",")) {
                    next();
                }
            }
            expect(")");
            String n = name.toLowerCase(Locale.ROOT);
            return switch (n) {
                case "success", "failure", "always", "cancelled" -> status.apply(n);
                case "contains" ->
                        args.get(0) instanceof List<?> l
                                ? l.stream().anyMatch(e -> looseEquals(e, args.get(1)))
                                : asString(args.get(0))
                                        .toLowerCase(Locale.ROOT)
                                        .contains(asString(args.get(1)).toLowerCase(Locale.ROOT));
                case "startswith" ->
                        asString(args.get(0))
                                .toLowerCase(Locale.ROOT)
                                .startsWith(asString(args.get(1)).toLowerCase(Locale.ROOT));
                case "endswith" ->
                        asString(args.get(0))
                                .toLowerCase(Locale.ROOT)
                                .endsWith(asString(args.get(1)).toLowerCase(Locale.ROOT));
                case "format" -> {
                    String f = asString(args.get(0));
                    for (int i = 1; i < args.size(); i++) {
                        f = f.replace("{" + (i - 1) + "}", asString(args.get(i)));
                    }
                    yield f;
                }
                default ->
                        throw new Unsupported(
                                "function "
                                        + name
                                        + "() is not evaluated by the harness: "
                                        + source);
            };
        }

        Object path(String dotted) {
            String[] parts = dotted.split("\\.");
            if (!contexts.containsKey(parts[0])) {
                throw new Unsupported(
                        "context '" + parts[0] + "' is not given to the harness: " + source);
            }
            Object v = contexts.get(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                v = member(v, parts[i]);
            }
            while (peek().equals("[")) {
                next();
                Object key = or();
                expect("]");
                v = member(v, asString(key));
                while (peek().startsWith(".")) {
                    for (String p : next().substring(1).split("\\.")) {
                        v = member(v, p);
                    }
                }
            }
            return v;
        }

        Object member(Object v, String key) {
            if (key.equals("*")) {
                throw new Unsupported("object filter .* in: " + source);
            }
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getKey().toString().equalsIgnoreCase(key)) {
                        return e.getValue();
                    }
                }
            }
            return null;
        }
    }

    private static boolean looseEquals(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.equalsIgnoreCase(y);
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() == b.getClass()) {
            return a.equals(b);
        }
        return number(a) == number(b);
    }

    private static double number(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d) {
            return d;
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
