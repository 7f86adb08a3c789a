package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipewright.action.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our totals against the reference tools themselves, where Debian's golang-go and lcov are
 * installed.
 */
class ExternalToolsTest {
    @TempDir Path tmp;

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String exec(Path cwd, Map<String, String> env, String... cmd)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @Test
    void goTotalsMatchGoToolCoverFunc() throws Exception {
        assumeTrue(
                onPath("go"),
                "go not installed (apt-get install golang-go); skipping the go tool cover comparison");
        Path src = TestData.sample("go/sources");
        Path mod = Files.createDirectories(tmp.resolve("covdemo"));
        Files.copy(src.resolve("go.mod.txt"), mod.resolve("go.mod"));
        Files.createDirectories(mod.resolve("calc"));
        Files.createDirectories(mod.resolve("strutil"));
        Files.copy(src.resolve("calc_calc.go.txt"), mod.resolve("calc/calc.go"));
        Files.copy(src.resolve("strutil_strutil.go.txt"), mod.resolve("strutil/strutil.go"));
        Map<String, String> env =
                Map.of(
                        "GOFLAGS",
                        "-mod=mod",
                        "GOPROXY",
                        "off",
                        "GOTOOLCHAIN",
                        "local",
                        "GOCACHE",
                        tmp.resolve("cache").toString(),
                        "GOPATH",
                        tmp.resolve("gopath").toString(),
                        "HOME",
                        tmp.toString());
        for (String profile : List.of("cover.set.out", "cover.coverpkg.count.out")) {
            String out =
                    exec(
                            mod,
                            env,
                            "go",
                            "tool",
                            "cover",
                            "-func=" + TestData.sample("go/" + profile));
            Matcher m = Pattern.compile("total:\\s+\\(statements\\)\\s+([0-9.]+)%").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            Counter ours = CoverageSamplesTest.read("go/" + profile).primary();
            assertThat(Percent.goStyle(ours.covered(), ours.total()))
                    .as(profile)
                    .isEqualTo(m.group(1));
        }
    }

    @Test
    void lcovTotalsMatchLcovSummary() throws Exception {
        assumeTrue(
                onPath("lcov"),
                "lcov not installed (apt-get install lcov); skipping the lcov --summary comparison");
        Pattern line =
                Pattern.compile("(lines|functions|branches)\\.*: [0-9.]+% \\((\\d+) of (\\d+)");
        // coverage-real: coverage.py 6.5's LCOV of tomli (BRDA:0 lines) and c8's LCOV of ms.
        for (String info :
                List.of(
                        "coverage-samples/lcov/run1.info",
                        "coverage-samples/lcov/runB.info",
                        "coverage-samples/lcov/merged.info",
                        "coverage-samples/python/coverage.lcov",
                        "coverage-real/tomli/coverage.lcov",
                        "coverage-real/c8-ms/lcov.info")) {
            Path file = TestData.resource(info);
            String out =
                    exec(
                            tmp,
                            Map.of("HOME", tmp.toString()),
                            "lcov",
                            "--summary",
                            file.toString(),
                            "--rc",
                            "lcov_branch_coverage=1");
            CoverageData ours = CoveragePyJsonTest.read(file);
            List<String> checked = new ArrayList<>();
            Matcher m = line.matcher(out);
            while (m.find()) {
                Counter theirs =
                        new Counter(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
                Counter mine =
                        switch (m.group(1)) {
                            case "lines" -> ours.lines();
                            case "functions" -> ours.functions();
                            default -> ours.branches();
                        };
                assertThat(mine).as(info + " " + m.group(1)).isEqualTo(theirs);
                checked.add(m.group(1));
            }
            assertThat(checked).as(out).contains("lines");
        }
    }
}
