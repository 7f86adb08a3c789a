package dev.pipewright.action.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * coverage.py's {@code coverage json} report, read with Jackson's streaming parser: executed/missing lines, and
 * executed/missing arcs as branches keyed by their destination.
 */
final class CoverageJsonParser {
    private static final JsonFactory JSON = new JsonFactory();

    private CoverageJsonParser() {}

    static void parse(Path file, String display, CoverageData into, UnaryOperator<String> paths) throws IOException {
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
                throw error(p, display, "no \"files\" object; is this coverage.py's 'coverage json' output?");
            }
        } catch (JsonParseException | CharConversionException e) {
            if (e instanceof JsonParseException jpe) {
                throw new dev.pipewright.action.InputException(dev.pipewright.action.JsonErrors.malformed(display, jpe));
            }
            throw new ReportParseException(display, 1, "malformed JSON: " + e.getMessage());
        }
    }

    private static void readFile(JsonParser p, String display, FileCoverage f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "executed_lines" -> lines(p, display, f, 1);
                case "missing_lines" -> lines(p, display, f, 0);
                case "executed_branches" -> arcs(p, display, f, 1);
                case "missing_branches" -> arcs(p, display, f, 0);
                default -> p.skipChildren();
            }
        }
    }

    private static void lines(JsonParser p, String display, FileCoverage f, long hits) throws IOException {
        requireArray(p, display);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            f.line(lineNumber(p, display), hits);
        }
    }

    private static void arcs(JsonParser p, String display, FileCoverage f, long taken) throws IOException {
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
            f.branch(from, to, taken);
        }
    }

    private static int lineNumber(JsonParser p, String display) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1 || p.getLongValue() > Integer.MAX_VALUE) {
            throw error(p, display, "expected a line number, got " + p.getText());
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
