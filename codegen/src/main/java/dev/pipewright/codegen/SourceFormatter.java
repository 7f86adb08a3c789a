package dev.pipewright.codegen;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.ImportOrderer;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import com.google.googlejavaformat.java.RemoveUnusedImports;

/**
 * Formats a generated source as the build's format check ({@code spotless:check}:
 * google-java-format, AOSP style) wants every source, so generated files pass it and read like the
 * hand-written ones. The version is the parent POM's {@code google-java-format.version}, the one
 * Spotless runs.
 */
final class SourceFormatter {
    /**
     * What google-java-format reads of javac's internals; the JVM must export them to it (codegen's
     * POM does).
     */
    static final String JVM_OPTIONS =
            "--add-exports=jdk.compiler/com.sun.tools.javac.{api,code,file,parser,tree,util}"
                    + "=ALL-UNNAMED";

    private static final Formatter FORMATTER =
            new Formatter(
                    JavaFormatterOptions.builder().style(JavaFormatterOptions.Style.AOSP).build());

    private SourceFormatter() {}

    /**
     * {@code source} formatted, unused imports removed and the rest sorted: Spotless's steps, in
     * its order. Spotless sorts imports in Google style's order (static ones first, then one block
     * with no blank lines) whatever the formatting style, unless its {@code reorderImports} is set;
     * the POM leaves it unset.
     */
    static String format(String source) {
        try {
            String formatted = FORMATTER.formatSource(source);
            return ImportOrderer.reorderImports(
                    RemoveUnusedImports.removeUnusedImports(formatted),
                    JavaFormatterOptions.Style.GOOGLE);
        } catch (FormatterException e) {
            throw new IllegalStateException(
                    "google-java-format cannot parse a generated source: " + e.getMessage(), e);
        } catch (IllegalAccessError e) {
            throw new IllegalStateException(
                    "google-java-format cannot reach javac's internals; run the JVM with "
                            + JVM_OPTIONS
                            + " (each package its own flag)",
                    e);
        }
    }
}
