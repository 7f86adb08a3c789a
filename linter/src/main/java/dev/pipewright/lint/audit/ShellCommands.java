package dev.pipewright.lint.audit;

import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simple commands of a {@code run:} script, enough to recognise {@code npm install x} or {@code
 * twine upload}: words split at blanks outside quotes, commands split at line ends (not continued),
 * {@code ; & | ( ) { }} and {@code $(}; comments dropped; leading variable assignments and shell
 * keywords ({@code if}, {@code then}, {@code do}, ...) skipped. Not a shell parser: expansions stay
 * as written. Works for sh, bash and PowerShell scripts alike.
 */
final class ShellCommands {
    private ShellCommands() {}

    /** One command: its words (the name first) and the offset of the name in the script. */
    record Command(List<String> words, int offset) {
        String name() {
            return words.get(0);
        }

        List<String> args() {
            return words.subList(1, words.size());
        }
    }

    private static final Set<String> KEYWORDS =
            Set.of(
                    "if", "then", "else", "elif", "do", "while", "until", "!", "time", "exec",
                    "command");

    static List<Command> parse(String script) {
        List<Command> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int[] start = {-1};
        StringBuilder word = null;
        int wordStart = -1;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if ((c == '\\' || c == '`') && i + 1 < n && script.charAt(i + 1) == '\n') {
                i++;
                continue;
            }
            if (c == '$' && i + 1 < n && script.charAt(i + 1) == '{') {
                // ${VAR} and ${{ expression }} are one piece of a word, braces and all
                String close = i + 2 < n && script.charAt(i + 2) == '{' ? "}}" : "}";
                int end = script.indexOf(close, i + 2);
                end = end < 0 ? n : end + close.length();
                if (word == null) {
                    word = new StringBuilder();
                    wordStart = i;
                }
                word.append(script, i, end);
                i = end - 1;
                continue;
            }
            if (c == '\'' || c == '"') {
                if (word == null) {
                    word = new StringBuilder();
                    wordStart = i;
                }
                int close = script.indexOf(c, i + 1);
                int end = close < 0 ? n : close;
                word.append(script, i + 1, end);
                i = end;
                continue;
            }
            boolean blank = c == ' ' || c == '\t' || c == '\r';
            boolean separator =
                    c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                            || c == '{' || c == '}';
            if (c == '#' && word == null) {
                int eol = script.indexOf('\n', i);
                i = (eol < 0 ? n : eol) - 1;
                continue;
            }
            if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(') {
                separator = true;
                i++;
            }
            if (blank || separator) {
                if (word != null) {
                    add(words, start, word.toString(), wordStart);
                    word = null;
                }
                if (separator) {
                    flush(out, words, start);
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                wordStart = i;
            }
            word.append(c);
        }
        if (word != null) {
            add(words, start, word.toString(), wordStart);
        }
        flush(out, words, start);
        return out;
    }

    /**
     * {@code NAME=} at the start of a word; compiled once, as every word of every script is tested.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");

    /** A Windows program extension. */
    private static final Pattern WINDOWS_EXTENSION = Pattern.compile("\\.(exe|cmd|bat|ps1)$");

    private static void add(List<String> words, int[] start, String word, int at) {
        // Leading assignments (FOO=1 cmd) and keywords (if cmd; then cmd) are not the command's
        // name.
        if (words.isEmpty() && (KEYWORDS.contains(word) || ASSIGNMENT.matcher(word).lookingAt())) {
            return;
        }
        if (words.isEmpty()) {
            start[0] = at;
        }
        words.add(word);
    }

    private static void flush(List<Command> out, List<String> words, int[] start) {
        if (!words.isEmpty()) {
            out.add(new Command(List.copyOf(words), start[0]));
            words.clear();
        }
    }

    /**
     * The base name of a command without a Windows extension: {@code /usr/bin/npm} and {@code
     * npm.cmd} are npm.
     */
    static String base(String name) {
        String b =
                name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                        .toLowerCase(Locale.ROOT);
        return WINDOWS_EXTENSION.matcher(b).replaceFirst("");
    }

    /**
     * The shell a workflow step runs in: its {@code shell:}, else the job's and then the workflow's
     * {@code defaults.run.shell}; empty when none is written (the runner's default: bash, or pwsh
     * on Windows) or when it is an expression.
     */
    static Optional<YScalar> shell(Workflow wf, Workflow.Job job, YMap step) {
        Optional<YScalar> s = step.scalar("shell");
        if (s.isEmpty() && job != null) {
            s =
                    job.body()
                            .map("defaults")
                            .flatMap(d -> d.map("run"))
                            .flatMap(r -> r.scalar("shell"));
        }
        if (s.isEmpty() && wf != null) {
            s =
                    wf.root()
                            .map("defaults")
                            .flatMap(d -> d.map("run"))
                            .flatMap(r -> r.scalar("shell"));
        }
        return s.filter(v -> v.isString() && !v.hasExpression());
    }

    /**
     * zizmor's normalisation: the program's file name, without its arguments ({@code bash -e {0}}
     * is bash).
     */
    static String shellName(String shell) {
        String program = shell.strip().split("\\s+", 2)[0];
        return program.substring(program.lastIndexOf('/') + 1);
    }

    /**
     * True for the shells whose scripts {@link #parse} reads: sh, bash, zsh, pwsh, powershell (or
     * none written).
     */
    static boolean readable(Optional<YScalar> shell) {
        return shell.map(
                        s ->
                                Set.of("bash", "sh", "zsh", "pwsh", "powershell")
                                        .contains(shellName(s.value())))
                .orElse(true);
    }
}
