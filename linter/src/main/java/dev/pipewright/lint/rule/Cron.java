package dev.pipewright.lint.rule;

import java.util.Locale;
import java.util.TreeSet;

/** POSIX cron as GitHub's scheduler reads it: five fields, names for months and weekdays. */
final class Cron {
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private Cron() {}

    /** An error message, or null when the expression is valid. */
    static String validate(String expr) {
        String[] f = expr.trim().split("\\s+");
        if (f.length != 5) {
            return "cron \"" + expr + "\" has " + f.length + " fields; GitHub expects 5: minute hour day-of-month month"
                    + " day-of-week (no seconds, no @daily shortcuts)";
        }
        for (int i = 0; i < 5; i++) {
            String err = field(f[i], i);
            if (err != null) {
                return "cron \"" + expr + "\": " + FIELDS[i] + " field \"" + f[i] + "\" " + err;
            }
        }
        return null;
    }

    /** The shortest gap between runs in minutes when it is under 5, else -1. */
    static int tooFrequent(String expr) {
        String[] f = expr.trim().split("\\s+");
        if (f.length != 5 || field(f[0], 0) != null) {
            return -1;
        }
        TreeSet<Integer> minutes = new TreeSet<>();
        for (String item : f[0].split(",")) {
            expand(item, 0, minutes);
        }
        if (minutes.size() < 2) {
            return -1;
        }
        int gap = 60 - minutes.last() + minutes.first();
        Integer prev = null;
        for (int m : minutes) {
            if (prev != null) {
                gap = Math.min(gap, m - prev);
            }
            prev = m;
        }
        return gap < 5 ? gap : -1;
    }

    private static void expand(String item, int i, TreeSet<Integer> out) {
        String[] stepParts = item.split("/", -1);
        int step = stepParts.length == 2 ? Integer.parseInt(stepParts[1]) : 1;
        int lo;
        int hi;
        if (stepParts[0].equals("*")) {
            lo = RANGES[i][0];
            hi = RANGES[i][1];
        } else if (stepParts[0].contains("-")) {
            String[] r = stepParts[0].split("-");
            lo = value(r[0], i);
            hi = value(r[1], i);
        } else {
            lo = value(stepParts[0], i);
            hi = stepParts.length == 2 ? RANGES[i][1] : lo;
        }
        for (int v = lo; v <= hi; v += step) {
            out.add(v);
        }
    }

    private static String field(String field, int i) {
        for (String item : field.split(",", -1)) {
            String[] stepParts = item.split("/", -1);
            if (stepParts.length > 2) {
                return "has more than one \"/\"";
            }
            if (stepParts.length == 2) {
                if (!stepParts[1].matches("[0-9]+") || Integer.parseInt(stepParts[1]) == 0) {
                    return "has an invalid step \"" + stepParts[1] + "\"";
                }
            }
            String base = stepParts[0];
            if (base.equals("*")) {
                continue;
            }
            String[] range = base.split("-", -1);
            if (range.length > 2) {
                return "has an invalid range \"" + base + "\"";
            }
            for (String v : range) {
                if (value(v, i) < 0) {
                    return "has \"" + v + "\" out of range " + RANGES[i][0] + "-" + RANGES[i][1];
                }
            }
            if (range.length == 2 && value(range[0], i) > value(range[1], i)) {
                return "has a backwards range \"" + base + "\"";
            }
        }
        return null;
    }

    private static int value(String s, int i) {
        String u = s.toUpperCase(Locale.ROOT);
        String[] names = i == 3 ? MONTHS : i == 4 ? DAYS : null;
        if (names != null) {
            for (int k = 0; k < names.length; k++) {
                if (names[k].equals(u)) {
                    return i == 3 ? k + 1 : k;
                }
            }
        }
        if (!s.matches("[0-9]{1,2}")) {
            return -1;
        }
        int v = Integer.parseInt(s);
        return v < RANGES[i][0] || v > RANGES[i][1] ? -1 : v;
    }
}
