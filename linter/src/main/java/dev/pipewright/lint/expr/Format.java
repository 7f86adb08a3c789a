package dev.pipewright.lint.expr;

import java.util.List;

/** Checks {@code format()} strings: {@code {N}} placeholders, {@code {{}}/{@code }}} escapes, unused arguments. */
final class Format {
    private Format() {}

    static void check(String fmt, int args, int offset, List<Checker.Problem> problems) {
        boolean[] used = new boolean[args];
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
                    problems.add(new Checker.Problem(offset, "format string \"" + fmt + "\" has \"{\" that does not start a"
                            + " placeholder like {0}; write a literal brace as \"{{\""));
                    return;
                }
                // more digits than an int holds is past any argument list, not a number to parse (it would overflow)
                String digits = inner.replaceFirst("^0+(?=.)", "");
                int n = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (n >= args) {
                    problems.add(new Checker.Problem(offset, "format string \"" + fmt + "\" uses placeholder {" + inner + "} but only "
                            + args + " argument(s) follow it"));
                    return;
                }
                used[n] = true;
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                problems.add(new Checker.Problem(offset, "format string \"" + fmt + "\" has an unmatched \"}\"; write a literal"
                        + " brace as \"}}\""));
                return;
            } else {
                i++;
            }
        }
        for (int k = 0; k < args; k++) {
            if (!used[k]) {
                problems.add(new Checker.Problem(offset, "format string \"" + fmt + "\" never uses argument {" + k + "}"));
            }
        }
    }

}
