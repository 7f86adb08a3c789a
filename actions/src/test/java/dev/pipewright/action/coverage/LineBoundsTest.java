package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.action.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line number or branch count no source file has is refused where the report gives it: the line
 * table is sized by the largest line, so Cobertura's {@code number="99999999999"} (found by the
 * fuzz campaign) ran the JVM out of heap, and a huge branch count looped for hours.
 */
class LineBoundsTest {
    @TempDir Path tmp;

    private CoverageData read(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return CoveragePyJsonTest.read(f);
    }

    private static String cobertura(String line) {
        return "<?xml version=\"1.0\" ?>\n<coverage><packages><package name=\"p\"><classes>\n"
                + "<class name=\"a\" filename=\"a.py\"><lines>\n"
                + line
                + "\n</lines></class></classes></package></packages></coverage>\n";
    }

    private static String jacoco(String line) {
        return "<?xml version=\"1.0\"?>\n<report name=\"r\"><package name=\"p\"><sourcefile name=\"A.java\">\n"
                + line
                + "\n</sourcefile></package></report>\n";
    }

    @Test
    void theCampaignsCoberturaCrasherIsRefusedAtItsLine() {
        Path report = TestData.resource("fuzz/coverage-cobertura/line-99999999999-oom.xml");
        assertThatThrownBy(() -> CoveragePyJsonTest.read(report))
                .isInstanceOf(ReportParseException.class)
                .hasMessage(
                        "line-99999999999-oom.xml:28: <line number=\"99999999999\">: line number 99999999999 is outside"
                                + " 1..5000000; is the report corrupt? generate it again");
    }

    @Test
    void everyFormatRefusesALineNumberPastTheBound() {
        String bad =
                "line number 5000001 is outside 1..5000000; is the report corrupt? generate it again";
        String[][] cases = {
            {
                "coverage.xml",
                cobertura("<line number=\"5000001\" hits=\"1\"/>"),
                "coverage.xml:4: <line number=\"5000001\">: " + bad
            },
            {
                "jacoco.xml",
                jacoco("<line nr=\"5000001\" mi=\"0\" ci=\"1\" mb=\"0\" cb=\"0\"/>"),
                "jacoco.xml:3: <line nr=\"5000001\">: " + bad
            },
            {"lcov.info", "TN:\nSF:a.c\nDA:5000001,1\nend_of_record\n", "lcov.info:3: " + bad},
            {
                "cover.out",
                "mode: set\nexample.com/a/a.go:1.1,5000001.2 1 1\n",
                "cover.out:2: " + bad
            },
            {
                "coverage.json",
                "{\"files\": {\"a.py\": {\"executed_lines\": [1, 5000001], \"missing_lines\": []}}}",
                "coverage.json:1:"
            },
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(c[0], c[1]))
                    .as(c[0])
                    .isInstanceOf(ReportParseException.class)
                    .hasMessageStartingWith(c[2])
                    .hasMessageEndingWith(bad);
        }
    }

    @Test
    void theLastLineAllowedIsRead() throws IOException {
        assertThat(read("coverage.xml", cobertura("<line number=\"5000000\" hits=\"1\"/>")).lines())
                .isEqualTo(new Counter(1, 1));
    }

    @Test
    void aBranchCountPastTheBoundIsRefused() {
        String[][] cases = {
            {
                "coverage.xml",
                cobertura(
                        "<line number=\"1\" hits=\"1\" branch=\"true\" condition-coverage=\"50% (1/99999999999999999999)\"/>"),
                "coverage.xml:4: <line> claims 9223372036854775807 branches on one line, more than 100000;"
            },
            {
                "jacoco.xml",
                jacoco("<line nr=\"1\" mi=\"0\" ci=\"1\" mb=\"99999999999\" cb=\"0\"/>"),
                "jacoco.xml:3: <line> claims 99999999999 branches on one line, more than 100000;"
            },
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(c[0], c[1]))
                    .as(c[0])
                    .isInstanceOf(ReportParseException.class)
                    .hasMessageStartingWith(c[2]);
        }
    }
}
