package dev.pipewright.github.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code format()} strings the way GitHub evaluates them: {@code {N}} placeholders, {@code
 * {{}}/{@code }}} escapes; and, as a lint, arguments the string never uses.
 */
public final class Format {
    private Format() {}

    /**
     * Why GitHub fails {@code format(fmt, ...)} with {@code args} arguments after the string at run
     * time, or null when it does not.
     */
    public static String error(String fmt, int args) {
        return scan(fmt, args, new boolean[args]);
    }

    /** The arguments {@code fmt} never uses, when it has no {@link #error}. */
    public static List<Integer> unused(String fmt, int args) {
        boolean[] used = new boolean[args];
        List<Integer> unused = new ArrayList<>();
        if (scan(fmt, args, used) == null) {
            for (int k = 0; k < args; k++) {
                if (!used[k]) {
                    unused.add(k);
                }
            }
        }
        return unused;
    }

    private static String scan(String fmt, int args, boolean[] used) {
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                    i += 2;
                    continue;
                }
                int close = fmt.indexOf('}', i);
                String inner = close < 0 ? null : fmt.substring(i + 1, close);
                if (inner == null || !inner.matches("[0-9]+")) {
                    return "format string \""
                            + fmt
                            + "\" has \"{\" that does not start a placeholder like {0}; write a"
                            + " literal brace as \"{{\"";
                }
                // more digits than an int holds is past any argument list, not a number to parse
                // (it would overflow)
                String digits = inner.replaceFirst("^0+(?=.)", "");
                int n = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (n >= args) {
                    return "format string \""
                            + fmt
                            + "\" uses placeholder {"
                            + inner
                            + "} but only "
                            + args
                            + " argument(s) follow it";
                }
                used[n] = true;
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                return "format string \""
                        + fmt
                        + "\" has an unmatched \"}\"; write a literal brace as \"}}\"";
            } else {
                i++;
            }
        }
        return null;
    }
}
