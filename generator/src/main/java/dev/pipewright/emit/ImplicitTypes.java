package dev.pipewright.emit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers "would some YAML reader turn this plain scalar into something other than a string?".
 *
 * <p>Deliberately a superset of the implicit resolvers of YAML 1.1 (SnakeYAML, PyYAML, the 1.1
 * spec's type repository), YAML 1.2 core and JSON schemas, and snakeyaml-engine's ${ENV} resolver:
 * a false positive only costs a pair of quotes, a false negative corrupts a workflow.
 */
final class ImplicitTypes {
    private ImplicitTypes() {}

    // Booleans and nulls of every schema, matched case-insensitively: "yEs" is a string everywhere,
    // but quoting it too keeps the rule obvious. y/n are 1.1-spec booleans that SnakeYAML skips.
    private static final Set<String> WORDS =
            Set.of("", "~", "null", "y", "n", "yes", "no", "on", "off", "true", "false");

    private static final Pattern NUMBER =
            Pattern.compile(
                    String.join(
                            "|",
                            // decimal and 1.1 octal (0755) integers, with 1.1 underscores
                            "[-+]?[0-9][0-9_]*",
                            // 0x, 0o (1.2) and 0b (1.1) prefixes, any case, with 1.1 underscores
                            "[-+]?0[xXoObB][0-9a-fA-F_]*",
                            // floats: 3.10, .5, 1., 1e3, 1_0.5, 1.5E-3; underscores anywhere as in
                            // 1.1
                            "[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9_]*)?",
                            // 1.1 sexagesimal ints and floats: 12:30, 1:30.5 (any digits per part,
                            // to be safe)
                            "[-+]?[0-9][0-9_]*(?::[0-9_]*)+(?:\\.[0-9_]*)?",
                            // infinities and NaN in every case spelling, signed or not
                            "[-+]?\\.(?i:inf|nan)"));

    // 1.1 timestamps: anything that starts like a date (2001-12-14, 2001-1-2t10:00:00Z, ...).
    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9]).*", Pattern.DOTALL);

    // snakeyaml-engine's optional ${VAR} / ${VAR:-default} resolver. GitHub's ${{ expr }} is not
    // matched: its second character after '$' is '{', which that resolver never accepts.
    private static final Pattern ENV = Pattern.compile("\\$\\{(?!\\{).*\\}", Pattern.DOTALL);

    static boolean resolvesToNonString(String s) {
        return WORDS.contains(s.toLowerCase(Locale.ROOT))
                || s.equals("<<") // 1.1 merge key
                || s.equals("=") // 1.1 value key
                || NUMBER.matcher(s).matches()
                || TIMESTAMP.matcher(s).matches()
                || ENV.matcher(s).matches();
    }
}
