package dev.pipewright.action.coverage;

import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads and merges any number of coverage reports, each in its given or detected format. */
public final class CoverageReader {
    private final Workspace workspace;
    private final PathMapper mapper;

    public CoverageReader(Workspace workspace, PathMapper mapper) {
        this.workspace = workspace;
        this.mapper = mapper;
    }

    public CoverageData read(List<Path> files, CoverageFormat format) throws IOException {
        CoverageData data = new CoverageData();
        for (Path file : files) {
            readInto(data, file, format);
        }
        return data;
    }

    public void readInto(CoverageData data, Path file, CoverageFormat format) throws IOException {
        String display = workspace.display(file);
        CoverageFormat f =
                format == CoverageFormat.AUTO ? CoverageFormat.detect(file, display) : format;
        long before = data.records();
        switch (f) {
            case GO -> GoProfileParser.parse(file, display, data, mapper::normalize);
            case LCOV -> LcovParser.parse(file, display, data, mapper::normalize);
            case JACOCO -> JacocoParser.parse(file, display, data);
            case COBERTURA -> CoberturaParser.parse(file, display, data, mapper::normalize);
            case COVERAGE_JSON -> CoverageJsonParser.parse(file, display, data, mapper::normalize);
            default -> throw new IllegalStateException("no parser for " + f);
        }
        data.read(f);
        if (data.records() == before) {
            throw new ReportParseException(
                    display,
                    1,
                    "empty report: no executable lines, statements or branches ("
                            + f.id()
                            + " format)");
        }
    }
}
