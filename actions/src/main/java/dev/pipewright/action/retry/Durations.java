package dev.pipewright.action.retry;

import dev.pipewright.action.InputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as workflow authors write them: {@code 60s}, {@code 2m}, {@code 1m30s}, {@code
 * 500ms}, {@code 90}.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String input, String raw) {
        String v = raw.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Matcher m = PART.matcher(v);
        Duration total = Duration.ZERO;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            long nanos =
                    switch (m.group(2)) {
                        case "ms" -> (long) (n * 1e6);
                        case "s" -> (long) (n * 1e9);
                        case "m" -> (long) (n * 60e9);
                        default -> (long) (n * 3600e9);
                    };
            total = total.plusNanos(nanos);
            pos = m.end();
        }
        if (pos == 0 || pos != v.length()) {
            throw InputException.forInput(
                    input,
                    "expected a duration such as 30s, 2m, 1m30s or 500ms, got '" + raw + "'");
        }
        return total;
    }

    /** {@code 1m30s}, {@code 2.5s}, {@code 250ms}: short and exact enough for logs and outputs. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0
                    ? ms / 1000 + "s"
                    : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
}
