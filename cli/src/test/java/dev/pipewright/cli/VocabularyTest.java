package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One vocabulary across subcommands: --root for the project root, --output for an output file,
 * --output-dir for an output folder, --files for input files; --format is always an output format;
 * only the standard --version is called --version. Old names still work, hidden, and say they are
 * deprecated.
 */
class VocabularyTest {
    @TempDir Path dir;

    /** Every command's visible long options, by qualified command name. */
    private static Map<String, List<OptionSpec>> visibleOptions() {
        Map<String, List<OptionSpec>> out = new TreeMap<>();
        collect(PipewrightCommand.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine cl, Map<String, List<OptionSpec>> out) {
        out.put(
                cl.getCommandSpec().qualifiedName(),
                cl.getCommandSpec().options().stream().filter(o -> !o.hidden()).toList());
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    @Test
    void theSameThingHasTheSameNameEverywhere() {
        Map<String, List<OptionSpec>> commands = visibleOptions();
        TreeSet<String> offenders = new TreeSet<>();
        for (Map.Entry<String, List<OptionSpec>> e : commands.entrySet()) {
            for (OptionSpec o : e.getValue()) {
                for (String name : o.names()) {
                    // the other names once used for a project root, an output file or input files
                    if (List.of(
                                    "--out",
                                    "--repo",
                                    "--dir",
                                    "--file",
                                    "--report-file",
                                    "--sarif-file",
                                    "--path-dir",
                                    "--output-file",
                                    "--outdir",
                                    "--output-directory")
                            .contains(name)) {
                        offenders.add(e.getKey() + " " + name);
                    }
                    if (name.equals("--version") && !o.versionHelp()) {
                        offenders.add(e.getKey() + " --version (not the product's version)");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        for (String command :
                List.of(
                        "pipewright generate",
                        "pipewright check",
                        "pipewright pin",
                        "pipewright lint",
                        "pipewright release-notes")) {
            assertThat(names(commands.get(command))).as(command).contains("--root");
        }
        assertThat(names(commands.get("pipewright coverage-gate")))
                .contains("--input-format", "--output")
                .doesNotContain("--format");
        assertThat(names(commands.get("pipewright init"))).contains("--output");
        assertThat(names(commands.get("pipewright sbom")))
                .contains("--artifact-version", "--format", "--output");
    }

    private static List<String> names(List<OptionSpec> options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.addAll(List.of(o.names())));
        return out;
    }

    @Test
    void theOldNamesStillWorkAndSaySo() throws Exception {
        Files.writeString(
                dir.resolve("pipewright.yml"),
                "stack: python-service\n" + RequiredParameters.block("python-service"));
        CliRun generate = CliRun.of("generate", "--out", dir.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).contains("pipewright: --out is deprecated; use --root");
        assertThat(CliRun.of("check", "--root", dir.toString(), "--out", dir.toString()).err())
                .contains("--out and --root are the same option; give --root");

        Path spec = dir.resolve("other.yml");
        assertThat(
                        CliRun.of("init", "--stack", "python-service", "--file", spec.toString())
                                .exitCode())
                .isZero();
        assertThat(spec).exists();

        CliRun version = CliRun.of("sbom", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pipewright ");
    }
}
