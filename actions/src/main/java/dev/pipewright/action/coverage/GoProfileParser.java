package dev.pipewright.action.coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Go coverprofiles ({@code go test -coverprofile}); blocks listed once per test binary by {@code
 * -coverpkg} are merged by file and range instead of being counted again.
 */
final class GoProfileParser {
    private GoProfileParser() {}

    static void parse(Path file, String display, CoverageData into, UnaryOperator<String> paths)
            throws IOException {
        try (LineReader r = new LineReader(file, display)) {
            String mode = null;
            for (String line = r.next(); line != null; line = r.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("mode:")) {
                    mode = mode(r, line.substring(5).trim(), into);
                    continue;
                }
                if (mode == null) {
                    throw r.error(
                            "expected 'mode: set|count|atomic' before the first block; is this a Go coverprofile?");
                }
                block(r, line, mode, into, paths);
            }
            if (mode == null) {
                throw r.error("empty Go coverprofile (no 'mode:' line)");
            }
        }
    }

    private static String mode(LineReader r, String mode, CoverageData into) {
        if (!mode.equals("set") && !mode.equals("count") && !mode.equals("atomic")) {
            throw r.error("unknown cover mode '" + mode + "' (expected set, count or atomic)");
        }
        if (into.goMode() != null && !into.goMode().equals(mode)) {
            throw r.error(
                    "cover mode '"
                            + mode
                            + "' differs from '"
                            + into.goMode()
                            + "' of an earlier profile; profiles of different modes cannot be merged");
        }
        into.goMode(mode);
        return mode;
    }

    // name.go:startLine.startCol,endLine.endCol numStmt count
    private static void block(
            LineReader r,
            String line,
            String mode,
            CoverageData into,
            UnaryOperator<String> paths) {
        int countSep = line.lastIndexOf(' ');
        int stmtSep = countSep > 0 ? line.lastIndexOf(' ', countSep - 1) : -1;
        int colon = stmtSep > 0 ? line.lastIndexOf(':', stmtSep) : -1;
        if (colon <= 0) {
            throw r.error(
                    "expected 'file.go:line.col,line.col statements count', got '"
                            + abbreviate(line)
                            + "'");
        }
        String name = paths.apply(line.substring(0, colon));
        String[] range = line.substring(colon + 1, stmtSep).split("[.,]");
        if (range.length != 4) {
            throw r.error("bad block range '" + line.substring(colon + 1, stmtSep) + "'");
        }
        FileCoverage.GoBlock b =
                new FileCoverage.GoBlock(
                        num(r, range[0]), num(r, range[1]), num(r, range[2]), num(r, range[3]));
        if (b.startLine() < 1 || b.endLine() < b.startLine()) {
            throw r.error("block range ends before it starts");
        }
        if (LineTable.badLine(b.endLine()) != null) {
            throw r.error(LineTable.badLine(b.endLine()));
        }
        long statements = num(r, line.substring(stmtSep + 1, countSep));
        long count = longNum(r, line.substring(countSep + 1));
        if (!into.file(name).goBlock(b, statements, count, mode.equals("set"))) {
            throw r.error(
                    "block "
                            + name
                            + ":"
                            + line.substring(colon + 1, stmtSep)
                            + " has a different statement count than in an earlier profile; were they built from different sources?");
        }
    }

    private static int num(LineReader r, String s) {
        long v = longNum(r, s);
        if (v > Integer.MAX_VALUE) {
            throw r.error("number too large: " + s);
        }
        return (int) v;
    }

    private static long longNum(LineReader r, String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw r.error("negative number: " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw r.error("expected a number, got '" + abbreviate(s) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
