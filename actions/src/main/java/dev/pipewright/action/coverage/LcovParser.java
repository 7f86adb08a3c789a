package dev.pipewright.action.coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * LCOV tracefiles; totals are recomputed from {@code DA}/{@code BRDA}/{@code FNDA} (summary lines
 * may be missing or stale) and records for the same file are merged like {@code lcov -a}: counts
 * summed per line and per branch.
 */
final class LcovParser {
    private LcovParser() {}

    static void parse(Path file, String display, CoverageData into, UnaryOperator<String> paths)
            throws IOException {
        try (LineReader r = new LineReader(file, display)) {
            FileCoverage current = null;
            for (String line = r.next(); line != null; line = r.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.equals("end_of_record")) {
                    current = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String key = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                switch (key) {
                    case "SF" -> current = into.file(paths.apply(value.trim()));
                    case "DA" -> {
                        String[] f = fields(r, value, 2, "DA:<line>,<count>[,<checksum>]");
                        need(r, current, key).line(intNum(r, f[0]), count(r, f[1]));
                    }
                    case "BRDA" -> {
                        String[] f = fields(r, value, 4, "BRDA:<line>,<block>,<branch>,<taken>");
                        long id = (longNum(r, f[1]) << 32) ^ longNum(r, f[2]);
                        // "-" means the block never ran: the branch exists but was not taken.
                        long taken = f[3].equals("-") ? 0 : count(r, f[3]);
                        // coverage.py 6 writes line 0 for arcs that leave a function; lcov reads
                        // and counts them.
                        need(r, current, key).branch(lineOrZero(r, f[0]), id, taken);
                    }
                    case "FNDA" -> {
                        int comma = value.indexOf(',');
                        if (comma < 0) {
                            throw r.error("expected FNDA:<count>,<name>");
                        }
                        need(r, current, key)
                                .function(
                                        value.substring(comma + 1),
                                        count(r, value.substring(0, comma)));
                    }
                    case "FN" -> {
                        // Declares the function, so one that never shows in FNDA still counts as
                        // not hit.
                        int comma = value.indexOf(',');
                        if (comma < 0) {
                            throw r.error("expected FN:<line>,<name>");
                        }
                        String name = value.substring(comma + 1);
                        // lcov 2 writes FN:<start>,<end>,<name>; names themselves may contain
                        // commas (C++).
                        name = name.replaceFirst("^\\d+,", "");
                        need(r, current, key).function(name, 0);
                    }
                    case "TN", "LF", "LH", "BRF", "BRH", "FNF", "FNH", "VER", "FNL", "FNA" -> {
                        // Summaries are recomputed; test names and lcov 2 function aliases carry
                        // nothing we need.
                    }
                    default ->
                            throw r.error(
                                    "unknown LCOV record '"
                                            + GoProfileParser.abbreviate(key)
                                            + "'; is this an LCOV tracefile?");
                }
            }
        }
    }

    private static FileCoverage need(LineReader r, FileCoverage current, String key) {
        if (current == null) {
            throw r.error(key + " outside a record (missing SF: line)");
        }
        return current;
    }

    private static String[] fields(LineReader r, String value, int min, String expected) {
        String[] f = value.split(",", -1);
        if (f.length < min) {
            throw r.error(
                    "expected " + expected + ", got '" + GoProfileParser.abbreviate(value) + "'");
        }
        return f;
    }

    private static long count(LineReader r, String s) {
        // gcov can report counts like "1.5e+06" for huge loops; take the integral part.
        try {
            return Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, (long) Double.parseDouble(s.trim()));
            } catch (NumberFormatException e2) {
                throw r.error("expected a count, got '" + GoProfileParser.abbreviate(s) + "'");
            }
        }
    }

    private static int intNum(LineReader r, String s) {
        long v = longNum(r, s);
        if (v < 1) {
            throw r.error("line number out of range: " + s);
        }
        if (v > LineTable.MAX_LINE) {
            throw r.error(LineTable.badLine(v));
        }
        return (int) v;
    }

    private static int lineOrZero(LineReader r, String s) {
        long v = longNum(r, s);
        if (v < 0) {
            throw r.error("line number out of range: " + s);
        }
        if (v > LineTable.MAX_LINE) {
            throw r.error(LineTable.badLine(v));
        }
        return (int) v;
    }

    private static long longNum(LineReader r, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw r.error("expected a number, got '" + GoProfileParser.abbreviate(s) + "'");
        }
    }
}
