package dev.pipewright.lint;

import dev.pipewright.lint.tools.ActionCatalogImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds {@code linter/src/main/data/popular-actions.json} from the shared corpus, {@code
 * catalog/actions} and {@code removed-inputs.txt} with {@code -Dtables.importActions=true}; the
 * {@code PopularActions} table is then regenerated from it by the codegen module (its {@code
 * GeneratedSourcesTest} keeps the table in sync with the file).
 */
class PopularActionsImportTest {
    private static final Path DATA = TestFiles.repoRoot().resolve("linter/src/main/data");

    @Test
    void importActionsWhenAsked() throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("tables.importActions"),
                "only with -Dtables.importActions=true");
        Path actions = TestFiles.sharedDir().resolve("corpus/actions");
        Assumptions.assumeTrue(Files.isDirectory(actions), "no shared corpus");
        Files.writeString(
                DATA.resolve("popular-actions.json"),
                ActionCatalogImporter.importDirs(
                        actions,
                        TestFiles.repoRoot().resolve("catalog/actions"),
                        DATA.resolve("removed-inputs.txt"),
                        "../shared/corpus/actions (corpus snapshot 2026-08) and catalog/actions (copied 2026-11-22, commits in catalog/SOURCES.md)"));
    }
}
