package dev.pipewright.action;

import java.util.Objects;

/**
 * A file annotation shown on the PR diff ({@code ::warning file=…,line=…,col=…::msg}); lines and
 * columns are 1-based, 0 when unknown.
 */
public record Annotation(
        Level level, String file, int line, int column, int endLine, String title, String message) {
    /** The three annotation commands GitHub knows. */
    public enum Level {
        ERROR("error"),
        WARNING("warning"),
        NOTICE("notice");

        private final String command;

        Level(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    public Annotation {
        Objects.requireNonNull(level, "level == null");
        Objects.requireNonNull(message, "message == null");
        if (endLine != 0 && endLine < line) {
            throw new IllegalArgumentException("endLine " + endLine + " < line " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column " + column + " < 0");
        }
    }

    /** An annotation without a column. */
    public Annotation(
            Level level, String file, int line, int endLine, String title, String message) {
        this(level, file, line, 0, endLine, title, message);
    }
}
