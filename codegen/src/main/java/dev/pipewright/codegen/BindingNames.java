package dev.pipewright.codegen;

import java.util.Locale;
import java.util.Set;

/**
 * Java names for action inputs and outputs: setters in lowerCamelCase, output constants in
 * UPPER_SNAKE_CASE.
 */
final class BindingNames {
    /** Java keywords and literals, which can appear as input names. */
    static final Set<String> KEYWORDS =
            Set.of(
                    "abstract",
                    "assert",
                    "boolean",
                    "break",
                    "byte",
                    "case",
                    "catch",
                    "char",
                    "class",
                    "const",
                    "continue",
                    "default",
                    "do",
                    "double",
                    "else",
                    "enum",
                    "extends",
                    "final",
                    "finally",
                    "float",
                    "for",
                    "goto",
                    "if",
                    "implements",
                    "import",
                    "instanceof",
                    "int",
                    "interface",
                    "long",
                    "native",
                    "new",
                    "package",
                    "private",
                    "protected",
                    "public",
                    "return",
                    "short",
                    "static",
                    "strictfp",
                    "super",
                    "switch",
                    "synchronized",
                    "this",
                    "throw",
                    "throws",
                    "transient",
                    "try",
                    "void",
                    "volatile",
                    "while",
                    "true",
                    "false",
                    "null",
                    "var",
                    "record",
                    "yield",
                    "sealed",
                    "permits");

    /** Methods of ActionBinding, its step builder and Object that a setter must not shadow. */
    static final Set<String> BINDING_METHODS =
            Set.of(
                    "id",
                    "name",
                    "ifCondition",
                    "env",
                    "continueOnError",
                    "timeoutMinutes",
                    "customInput",
                    "customVersion",
                    "build",
                    "actionRef",
                    "builder",
                    "input",
                    "required",
                    "equals",
                    "hashCode",
                    "toString",
                    "getClass",
                    "notify",
                    "notifyAll",
                    "wait");

    private BindingNames() {}

    /**
     * lowerCamelCase of an input name, split at {@code - _ . } and blanks; {@code Input} is
     * appended to a keyword or to a name in {@code taken}, and prefixed where the name would not
     * start a Java identifier.
     */
    static String method(String input, Set<String> taken) {
        StringBuilder sb = new StringBuilder();
        for (String p : input.split("[-_ .]+")) {
            if (p.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(p.charAt(0))).append(p.substring(1));
            } else {
                sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
            }
        }
        String name = sb.toString();
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "input" + name;
        }
        return KEYWORDS.contains(name) || taken.contains(name) ? name + "Input" : name;
    }

    /** UPPER_SNAKE_CASE of an output name. */
    static String constant(String output) {
        String c =
                output.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .replaceAll("[^A-Za-z0-9]+", "_")
                        .toUpperCase(Locale.ROOT)
                        .replaceAll("^_+|_+$", "");
        return c.isEmpty() || Character.isDigit(c.charAt(0)) ? "OUTPUT_" + c : c;
    }
}
