package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.tools.ActionCatalogImporter;
import dev.pipewright.lint.tools.TableGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated data tables in sync with their committed sources: compares in CI, rewrites
 * with {@code -Dtables.update=true}; {@code -Dtables.importActions=true} also rebuilds
 * {@code popular-actions.json} from the shared corpus and {@code catalog/actions}.
 */
class GeneratedTablesTest {
    private static final Path MODULE = TestFiles.repoRoot().resolve("linter");
    private static final Path DATA = MODULE.resolve("src/main/data");
    private static final Path OUT = MODULE.resolve("src/main/java/dev/pipewright/lint/data");
    private static final Path CORE_OUT = TestFiles.repoRoot().resolve("github/src/main/java/dev/pipewright/github");

    @Test
    void generatedTablesMatchTheirSources() throws Exception {
        if (Boolean.getBoolean("tables.importActions")) {
            Path actions = TestFiles.sharedDir().resolve("corpus/actions");
            Assumptions.assumeTrue(Files.isDirectory(actions), "no shared corpus");
            Files.writeString(DATA.resolve("popular-actions.json"), ActionCatalogImporter.importDirs(actions,
                    TestFiles.repoRoot().resolve("catalog/actions"),
                    "../shared/corpus/actions (corpus snapshot 2026-08) and catalog/actions (copied 2026-11-22, commits in catalog/SOURCES.md)"));
        }
        Map<String, String> generated = new TableGenerator(DATA).generate();
        boolean update = Boolean.getBoolean("tables.update");
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = (TableGenerator.CORE.contains(e.getKey()) ? CORE_OUT : OUT).resolve(e.getKey() + ".java");
            if (update) {
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            } else {
                assertThat(file).as("%s is generated; regenerate with %s", file, "-Dtables.update=true").exists();
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).isEqualTo(e.getValue());
            }
        }
    }
}
