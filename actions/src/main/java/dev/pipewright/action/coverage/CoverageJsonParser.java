package dev.pipewright.action.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pipewright.action.InputException;
import dev.pipewright.action.JsonErrors;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * coverage.py's {@code coverage json} report, read with Jackson's streaming parser:
 * executed/missing lines, and executed/missing arcs as branches keyed by their destination; totals
 * are coverage.py's own (its summaries).
 */
final class CoverageJsonParser {
    private static final JsonFactory JSON = new JsonFactory();

    private CoverageJsonParser() {}

    static void parse(Path file, String display, CoverageData into, UnaryOperator<String> paths)
            throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p, display, "expected a JSON object");
            }
            boolean sawFiles = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("files") && p.currentToken() == JsonToken.START_OBJECT) {
                    sawFiles = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        FileCoverage f = into.file(paths.apply(p.currentName().replace('\\', '/')));
                        expect(p, display, JsonToken.START_OBJECT);
                        readFile(p, display, f);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFiles) {
                throw error(
                        p,
                        display,
                        "no \"files\" object; is this coverage.py's 'coverage json' output?");
            }
        } catch (JsonParseException | CharConversionException e) {
            if (e instanceof JsonParseException jpe) {
                throw new InputException(JsonErrors.malformed(display, jpe));
            }
            throw new ReportParseException(display, 1, "malformed JSON: " + e.getMessage());
        }
    }

    /**
     * One file's entry. Its {@code executed_lines} is coverage.py's raw trace: it also holds
     * docstrings and lines excluded by {@code # pragma: no cover}, and {@code executed_branches}
     * arcs coverage.py did not predict; only the {@code summary} says what coverage.py counts. So
     * lines and arcs give each line's status, and the summary, when present, how many of them are
     * not statements or branches coverage.py counts.
     */
    private static void readFile(JsonParser p, String display, FileCoverage f) throws IOException {
        int line = p.currentLocation().getLineNr();
        BitSet executed = new BitSet();
        BitSet missing = new BitSet();
        BitSet excluded = new BitSet();
        // Sets: coverage.py 6.5 lists some arcs more than once (tomli's _parser.py has [94, 94]
        // seven times).
        Set<Arc> executedArcs = new LinkedHashSet<>();
        Set<Arc> missingArcs = new LinkedHashSet<>();
        Summary summary = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "executed_lines" -> lines(p, display, executed, true);
                case "missing_lines" -> lines(p, display, missing, false);
                case "excluded_lines" -> lines(p, display, excluded, true);
                case "executed_branches" -> arcs(p, display, executedArcs);
                case "missing_branches" -> arcs(p, display, missingArcs);
                case "summary" -> summary = summary(p, display);
                default -> p.skipChildren();
            }
        }
        // Line 0 is the module itself (coverage.py 6 lists it as executed for an empty file);
        // excluded lines
        // are not statements even when they ran.
        executed.clear(0);
        executed.andNot(excluded);
        executed.andNot(missing);
        missing.andNot(excluded);
        executed.stream().forEach(l -> f.line(l, 1));
        missing.stream().forEach(l -> f.line(l, 0));
        missingArcs.removeAll(executedArcs);
        executedArcs.forEach(a -> f.branch(a.from(), a.to(), 1));
        missingArcs.forEach(a -> f.branch(a.from(), a.to(), 0));
        f.coveragePy();
        if (summary != null) {
            Counter listedLines =
                    new Counter(
                            executed.cardinality(), executed.cardinality() + missing.cardinality());
            Counter listedBranches =
                    new Counter(executedArcs.size(), executedArcs.size() + missingArcs.size());
            f.overstated(
                    excess(display, line, f.path(), "statements", listedLines, summary.lines()),
                    summary.branches() == null
                            ? Counter.ZERO
                            : excess(
                                    display,
                                    line,
                                    f.path(),
                                    "branches",
                                    listedBranches,
                                    summary.branches()));
        }
    }

    /**
     * What the lists add to the summary: the same number of covered and total units, never fewer.
     */
    private static Counter excess(
            String display, int line, String path, String what, Counter listed, Counter summary) {
        long covered = listed.covered() - summary.covered();
        long total = listed.total() - summary.total();
        if (covered < 0 || total < 0 || covered > total) {
            throw new ReportParseException(
                    display,
                    line,
                    path
                            + ": the summary counts "
                            + summary.covered()
                            + " of "
                            + summary.total()
                            + " "
                            + what
                            + " covered, but the file lists "
                            + listed.covered()
                            + " of "
                            + listed.total()
                            + "; is the report complete?");
        }
        return new Counter(covered, total);
    }

    /**
     * coverage.py's per-file {@code summary}: covered of all statements, and of all branches when
     * measured.
     */
    private record Summary(Counter lines, Counter branches) {}

    private static Summary summary(JsonParser p, String display) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(p, display, "expected a summary object");
        }
        int line = p.currentLocation().getLineNr();
        long[] v = {-1, -1, -1, -1};
        List<String> names =
                List.of("covered_lines", "num_statements", "covered_branches", "num_branches");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int i = names.indexOf(p.currentName());
            p.nextToken();
            if (i < 0) {
                p.skipChildren();
            } else if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
                throw error(
                        p,
                        display,
                        "expected a count for summary." + names.get(i) + ", got " + p.getText());
            } else {
                v[i] = p.getLongValue();
            }
        }
        if (v[0] < 0 || v[1] < 0 || v[0] > v[1] || v[2] > v[3]) {
            throw new ReportParseException(
                    display,
                    line,
                    "summary lacks covered_lines/num_statements or covers more than it has");
        }
        return new Summary(
                new Counter(v[0], v[1]), v[3] < 0 ? null : new Counter(Math.max(0, v[2]), v[3]));
    }

    private static void lines(JsonParser p, String display, BitSet into, boolean zeroAllowed)
            throws IOException {
        requireArray(p, display);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (zeroAllowed
                    && p.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && p.getLongValue() == 0) {
                into.set(0);
            } else {
                into.set(lineNumber(p, display));
            }
        }
    }

    /** An arc between lines; a negative destination leaves the code object. */
    private record Arc(int from, long to) {}

    private static void arcs(JsonParser p, String display, Set<Arc> into) throws IOException {
        requireArray(p, display);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error(p, display, "expected an arc [from, to]");
            }
            expect(p, display, JsonToken.VALUE_NUMBER_INT);
            int from = lineNumber(p, display);
            expect(p, display, JsonToken.VALUE_NUMBER_INT);
            long to = p.getLongValue();
            expect(p, display, JsonToken.END_ARRAY);
            into.add(new Arc(from, to));
        }
    }

    private static int lineNumber(JsonParser p, String display) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1) {
            throw error(p, display, "expected a line number, got " + p.getText());
        }
        if (LineTable.badLine(p.getLongValue()) != null) {
            throw error(p, display, LineTable.badLine(p.getLongValue()));
        }
        return p.getIntValue();
    }

    private static void requireArray(JsonParser p, String display) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(p, display, "expected an array");
        }
    }

    private static void expect(JsonParser p, String display, JsonToken t) throws IOException {
        if (p.nextToken() != t) {
            throw error(p, display, "expected " + t + ", got " + p.currentToken());
        }
    }

    private static ReportParseException error(JsonParser p, String display, String reason) {
        return new ReportParseException(display, p.currentLocation().getLineNr(), reason);
    }
}
