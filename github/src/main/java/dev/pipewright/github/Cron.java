package dev.pipewright.github;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * POSIX cron as GitHub reads it: five fields, each a list of {@code *}, values, ranges and steps.
 * Each field has its own range (day-of-month is 1–31, not 0–59; day-of-week is 0–6, as in GitHub's
 * docs and its workflow parser's {@code DOW_RANGE}, so 7 is not Sunday).
 */
public final class Cron {
    private record Field(String name, int min, int max, List<String> names) {}

    private static final List<String> MONTHS =
            List.of(
                    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                    "DEC");
    private static final List<String> DAYS =
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<Field> FIELDS =
            List.of(
                    new Field("minute", 0, 59, List.of()),
                    new Field("hour", 0, 23, List.of()),
                    new Field("day-of-month", 1, 31, List.of()),
                    new Field("month", 1, 12, MONTHS),
                    new Field("day-of-week", 0, 6, DAYS));

    private Cron() {}

    /** The first problem of the expression, or empty when GitHub accepts it. */
    public static Optional<String> problem(String cron) {
        String[] parts = cron.trim().split("\\s+");
        if (cron.isBlank() || parts.length != 5) {
            return Optional.of(
                    "cron '"
                            + cron
                            + "' has "
                            + (cron.isBlank() ? 0 : parts.length)
                            + " fields; GitHub needs 5: minute hour day-of-month month day-of-week");
        }
        for (int i = 0; i < 5; i++) {
            Optional<String> p = fieldProblem(parts[i], FIELDS.get(i));
            if (p.isPresent()) {
                return Optional.of("cron '" + cron + "' " + FIELDS.get(i).name() + ": " + p.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fieldProblem(String text, Field f) {
        for (String item : text.split(",", -1)) {
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                Integer step = number(item.substring(slash + 1));
                if (step == null || step < 1) {
                    return Optional.of(
                            "step '" + item.substring(slash + 1) + "' must be a positive number");
                }
            }
            if (range.equals("*")) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return Optional.of("'" + item + "' is not a value, range or step");
            }
            Integer lo = value(bounds[0], f);
            Integer hi = bounds.length == 2 ? value(bounds[1], f) : lo;
            if (lo == null || hi == null) {
                String bad = lo == null ? bounds[0] : bounds[1];
                return Optional.of("'" + bad + "' is not a " + f.name() + " value");
            }
            if (lo < f.min() || lo > f.max() || hi < f.min() || hi > f.max()) {
                int out = lo < f.min() || lo > f.max() ? lo : hi;
                return Optional.of(out + " is outside " + f.min() + "-" + f.max());
            }
            if (lo > hi) {
                return Optional.of("range " + range + " runs backwards");
            }
        }
        return Optional.empty();
    }

    /**
     * The shortest gap between runs in minutes when it is under 5, else -1 (also for an invalid
     * expression).
     */
    public static int tooFrequent(String cron) {
        if (problem(cron).isPresent()) {
            return -1;
        }
        String minute = cron.trim().split("\\s+")[0];
        TreeSet<Integer> minutes = new TreeSet<>();
        for (String item : minute.split(",")) {
            int slash = item.indexOf('/');
            String range = slash < 0 ? item : item.substring(0, slash);
            int step = slash < 0 ? 1 : number(item.substring(slash + 1));
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = 0;
                hi = 59;
            } else if (range.contains("-")) {
                lo = number(range.substring(0, range.indexOf('-')));
                hi = number(range.substring(range.indexOf('-') + 1));
            } else {
                lo = number(range);
                hi = slash < 0 ? lo : 59;
            }
            for (int v = lo; v <= hi; v += step) {
                minutes.add(v);
            }
        }
        if (minutes.size() < 2) {
            return -1;
        }
        int gap = 60 - minutes.last() + minutes.first();
        Integer previous = null;
        for (int m : minutes) {
            if (previous != null) {
                gap = Math.min(gap, m - previous);
            }
            previous = m;
        }
        return gap < 5 ? gap : -1;
    }

    private static Integer value(String s, Field f) {
        int named = f.names().indexOf(s.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + (f.name().equals("month") ? 1 : 0);
        }
        return number(s);
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
