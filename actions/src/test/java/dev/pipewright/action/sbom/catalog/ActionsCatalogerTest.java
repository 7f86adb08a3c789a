package dev.pipewright.action.sbom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.sbom.Catalog;
import org.junit.jupiter.api.Test;

class ActionsCatalogerTest {
    private static Catalog read(String uses) {
        Catalog c = new Catalog();
        ActionsCataloger.uses(uses, ".github/workflows/ci.yml", 7, c);
        return c;
    }

    @Test
    void repositoryWithPathAndRefBecomesAPurlWithSubpath() {
        Catalog c = read("github/codeql-action/init@v3");
        assertThat(c.direct()).hasSize(1);
        assertThat(c.components().values())
                .singleElement()
                .satisfies(
                        comp -> {
                            assertThat(comp.name()).isEqualTo("github/codeql-action/init");
                            assertThat(comp.version()).isEqualTo("v3");
                            assertThat(comp.purl().toString())
                                    .isEqualTo("pkg:github/github/codeql-action@v3#init");
                        });
    }

    /**
     * The runner splits the name on '/' dropping empty segments, so {@code owner/repo/@ref} is the
     * repository's root action; the cataloger's former pattern wanted at least one character after
     * the slash and called it unresolved.
     */
    @Test
    void trailingSlashBeforeTheRefIsTheRootAction() {
        Catalog c = read("actions/checkout/@v4");
        assertThat(c.unresolvedNotes()).isEmpty();
        assertThat(c.components().values())
                .singleElement()
                .satisfies(
                        comp -> {
                            assertThat(comp.name()).isEqualTo("actions/checkout");
                            assertThat(comp.purl().toString())
                                    .isEqualTo("pkg:github/actions/checkout@v4");
                        });
    }

    @Test
    void missingRefIsUnresolvedWithFileAndLine() {
        Catalog c = read("actions/checkout");
        assertThat(c.components()).isEmpty();
        assertThat(c.unresolvedNotes())
                .containsExactly(
                        ".github/workflows/ci.yml:7: uses 'actions/checkout' is not owner/repo[/path]@ref");
    }

    @Test
    void localDockerAndExpressionReferencesAreSkipped() {
        for (String uses :
                new String[] {
                    "./.github/actions/build", "docker://alpine:3.20", "${{ matrix.action }}"
                }) {
            Catalog c = read(uses);
            assertThat(c.components()).as(uses).isEmpty();
            assertThat(c.unresolvedNotes()).as(uses).isEmpty();
        }
    }
}
