package dev.pipewright.action;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One-line {@code file:line:col: malformed JSON: reason} messages from Jackson's exceptions, whose
 * own messages span lines and name the parser's source ({@code at [Source: ...]}), which means
 * nothing to the user.
 */
public final class JsonErrors {
    private JsonErrors() {}

    /** {@code file:line:col: malformed JSON: reason}. */
    public static String malformed(String file, JsonProcessingException e) {
        return position(file, e) + ": malformed JSON: " + reason(e);
    }

    /** {@code file:line:col}, or {@code file:1} when the parser knows no location. */
    public static String position(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return file + ":1";
        }
        return file
                + ":"
                + loc.getLineNr()
                + (loc.getColumnNr() < 1 ? "" : ":" + loc.getColumnNr());
    }

    /** The parser's reason on one line, without the location and source it appends. */
    public static String reason(JsonProcessingException e) {
        String msg =
                e.getOriginalMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getOriginalMessage();
        // e.g. "... (start marker at [Source: REDACTED (...); line: 1, column: 1])"
        msg =
                msg.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                        .replaceAll(
                                "at \\[Source:[^\\]]*; line: (\\d+), column: (\\d+)\\]",
                                "at line $1, column $2")
                        .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                        .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
        String first = msg.strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "unexpected content" : first;
    }
}
