package dev.pipewright.cli;

import java.io.Console;

/**
 * Whether the CLI writes to a terminal, the condition for colour (never when piped or redirected).
 */
final class Terminal {
    private Terminal() {}

    /**
     * True when stdin and stdout are a terminal. {@code System.console()} is null when either is
     * redirected up to JDK 21; from JDK 22 it exists anyway and {@code Console.isTerminal()} (not
     * in Java 17's API, so called reflectively) tells.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
