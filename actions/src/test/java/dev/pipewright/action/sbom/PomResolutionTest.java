package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.TestData;
import dev.pipewright.action.sbom.catalog.Cataloger;
import dev.pipewright.action.sbom.catalog.PomCataloger;
import dev.pipewright.action.sbom.catalog.PomRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POM versions from parents and imported BOMs, on jacoco's real {@code org.jacoco.core} (3
 * dependencies, no versions) whose parent {@code org.jacoco.build} imports {@code
 * org.ow2.asm:asm-bom:${asm.version}}; the BOM and its parent {@code org.ow2:ow2} are the files
 * Maven Central serves, in a repository laid out like {@code ~/.m2/repository} (see {@code
 * sbom/real/README.md}). Maven Central itself is never asked here.
 */
class PomResolutionTest {
    private static final Path REAL = TestData.resource("sbom/real/maven-jacoco");

    private static Catalog scan(Path dir, PomRepository repository) throws IOException {
        List<Cataloger> catalogers = new ArrayList<>();
        catalogers.add(new PomCataloger(repository));
        return new Scanner(catalogers)
                .scan(dir, p -> dir.relativize(p).toString().replace('\\', '/'), true);
    }

    @Test
    void versionsComeFromTheBomTheParentImports() throws IOException {
        Catalog c = scan(REAL.resolve("tree"), new PomRepository(REAL.resolve("repository"), null));
        assertThat(c.components().keySet())
                .containsExactly(
                        "pkg:maven/org.ow2.asm/asm-commons@9.10.1",
                        "pkg:maven/org.ow2.asm/asm-tree@9.10.1",
                        "pkg:maven/org.ow2.asm/asm@9.10.1");
        assertThat(c.unresolvedNotes()).isEmpty();
        DocumentInfo info = new DocumentInfo("jacoco", "1", "test", Instant.ofEpochSecond(0), true);
        ObjectMapper json = new ObjectMapper();
        assertThat(SbomValidator.validate(json.readTree(CycloneDxWriter.write(c, info))).errors())
                .isEmpty();
        assertThat(SbomValidator.validate(json.readTree(SpdxWriter.write(c, info))).errors())
                .isEmpty();
    }

    @Test
    void aBomNowhereToBeFoundIsNamedAndTheVersionsStayUnknown(@TempDir Path emptyRepository)
            throws IOException {
        Catalog c = scan(REAL.resolve("tree"), new PomRepository(emptyRepository, null));
        assertThat(c.components().values())
                .extracting(Component::version)
                .containsOnlyNulls()
                .hasSize(3);
        assertThat(c.unresolvedNotes())
                .contains(
                        "org.jacoco.core/pom.xml: imported BOM org.ow2.asm:asm-bom:9.10.1 not"
                                + " found in the local repository "
                                + emptyRepository
                                + " (Maven Central not asked: offline)");
        assertThat(c.unresolvedNotes())
                .anyMatch(
                        n ->
                                n.startsWith(
                                        "org.jacoco.core/pom.xml: org.ow2.asm:asm has no"
                                                + " version: no dependencyManagement entry in the POM, its parents or imported BOMs"));
    }

    @Test
    void aParentOutsideTheTreeComesFromTheRepository(@TempDir Path tmp) throws IOException {
        // the child alone; its parent (a SNAPSHOT, never on Central) published into a local
        // repository
        Path repo = tmp.resolve("repo");
        Path parentDir =
                Files.createDirectories(
                        repo.resolve("org/jacoco/org.jacoco.build/0.8.16-SNAPSHOT"));
        Files.copy(
                REAL.resolve("tree/org.jacoco.build/pom.xml"),
                parentDir.resolve("org.jacoco.build-0.8.16-SNAPSHOT.pom"));
        Path bom = Files.createDirectories(repo.resolve("org/ow2/asm/asm-bom/9.10.1"));
        Files.copy(
                REAL.resolve("repository/org/ow2/asm/asm-bom/9.10.1/asm-bom-9.10.1.pom"),
                bom.resolve("asm-bom-9.10.1.pom"));
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.copy(REAL.resolve("tree/org.jacoco.core/pom.xml"), tree.resolve("pom.xml"));
        Catalog c = scan(tree, new PomRepository(repo, null));
        assertThat(c.components()).containsKey("pkg:maven/org.ow2.asm/asm@9.10.1").hasSize(3);
        // asm-bom's own parent org.ow2:ow2 was left out of this repository: named, though the BOM
        // needs nothing from it
        assertThat(c.unresolvedNotes())
                .containsExactly(
                        bom.resolve("asm-bom-9.10.1.pom")
                                + ": parent org.ow2:ow2:1.5.1"
                                + " is neither in the scanned tree nor in the local repository "
                                + repo
                                + " (Maven Central not asked: offline)");
    }

    @Test
    void aMissingParentIsNamed(@TempDir Path tmp) throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.copy(REAL.resolve("tree/org.jacoco.core/pom.xml"), tree.resolve("pom.xml"));
        Catalog c = scan(tree, new PomRepository(null, null));
        assertThat(c.unresolvedNotes())
                .contains(
                        "pom.xml: parent org.jacoco:org.jacoco.build:0.8.16-SNAPSHOT is neither"
                                + " in the scanned tree nor in no local Maven repository (Maven Central not asked: offline)");
    }
}
