package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * insecure-url-scheme on real pre-commit configurations (test resources {@code precommit/}, see its
 * README).
 */
class InsecureUrlSchemeAuditTest {
    private static Path resources() throws URISyntaxException {
        return Path.of(InsecureUrlSchemeAuditTest.class.getResource("/precommit/README.md").toURI())
                .getParent();
    }

    private static List<String> lint(Path path, Path base) throws IOException {
        return new Linter(LintConfig.empty())
                .lintPaths(List.of(path), base).stream().map(Finding::format).toList();
    }

    @Test
    void zizmorsInputIsReportedWhereZizmorReportsIt() throws Exception {
        Path dir = resources();
        // zizmor: "2:11 repository URL uses an insecure scheme: "http"" and "6:11 ... "git""
        assertThat(lint(dir.resolve("zizmor/.pre-commit-config.yml"), dir))
                .containsExactly(
                        "zizmor/.pre-commit-config.yml:2:11: the hook repository is fetched over http://, in plain text, so its"
                                + " code can be replaced on the way; use https:// [insecure-url-scheme]",
                        "zizmor/.pre-commit-config.yml:6:11: the hook repository is fetched over git://, in plain text, so its"
                                + " code can be replaced on the way; use https:// or ssh:// [insecure-url-scheme]");
    }

    @Test
    void aFolderFindsBothSpellingsAndBlacksConfigIsClean() throws Exception {
        Path dir = resources();
        List<String> findings = lint(dir, dir);
        assertThat(findings)
                .hasSize(2)
                .allMatch(f -> f.startsWith("zizmor/.pre-commit-config.yml:"));
        assertThat(Linter.expand(dir))
                .extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                .containsExactly("black/.pre-commit-config.yaml", "zizmor/.pre-commit-config.yml");
    }

    @Test
    void schemeIsReadAsUrlsAreParsed() {
        assertThat(InsecureUrlSchemeAudit.scheme("HTTP://example.com/x")).isEqualTo("http");
        assertThat(InsecureUrlSchemeAudit.scheme("git+ssh://example.com/x")).isEqualTo("git+ssh");
        assertThat(InsecureUrlSchemeAudit.scheme("git@github.com:o/r.git")).isNull();
        assertThat(InsecureUrlSchemeAudit.scheme("local")).isNull();
        assertThat(InsecureUrlSchemeAudit.scheme("1http://x")).isNull();
        assertThat(InsecureUrlSchemeAudit.scheme(":x")).isNull();
    }
}
