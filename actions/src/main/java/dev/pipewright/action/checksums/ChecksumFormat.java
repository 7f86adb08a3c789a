package dev.pipewright.action.checksums;

import dev.pipewright.action.InputException;

/**
 * The three line formats of GNU coreutils: text ({@code hex name}), binary ({@code hex *name}), BSD
 * {@code --tag}.
 */
public enum ChecksumFormat {
    TEXT,
    BINARY,
    TAG;

    public static ChecksumFormat parse(String input, String value) {
        return switch (value) {
            case "text", "" -> TEXT;
            case "binary" -> BINARY;
            case "tag", "bsd" -> TAG;
            default ->
                    throw InputException.forInput(
                            input, "expected text, binary or tag, got '" + value + "'");
        };
    }
}
