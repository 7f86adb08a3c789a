package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar pipewright.jar lsp} as an editor starts it: the protocol over the process's
 * stdin and stdout, so anything else the jar printed on stdout (a banner, a log line) would break
 * the session here first.
 */
class LspShadedJarIT {
    @TempDir Path repo;

    @Test
    void anEditorSessionOverStdio() throws Exception {
        String built = System.getProperty("pipewright.jar");
        Assumptions.assumeTrue(
                built != null && Files.isRegularFile(Path.of(built)),
                "skipped: no shaded jar (runs after package, from failsafe)");
        Files.createDirectories(repo.resolve(".git"));
        Path workflow = repo.resolve(".github/workflows/ci.yml");
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, LspSessionTest.RISKY);

        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                built,
                                "lsp")
                        .directory(repo.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        try (LspClient client = new LspClient(p.getInputStream(), p.getOutputStream())) {
            assertThat(
                            client.initialize(repo)
                                    .getCapabilities()
                                    .getCodeActionProvider()
                                    .getRight()
                                    .getCodeActionKinds())
                    .contains(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll);

            // the same findings as the lint command reports for the file: rule, 1-based line and
            // column
            CliRun lint = CliRun.of("lint", "--format", "json", workflow.toString());
            assertThat(lint.exitCode()).isEqualTo(1);
            var json = new ObjectMapper().readTree(lint.out());
            var findings = json.isArray() ? json : json.get("findings");
            List<String> expected = new ArrayList<>();
            findings.forEach(
                    f ->
                            expected.add(
                                    f.get("rule").asText()
                                            + "@"
                                            + f.get("line").asInt()
                                            + ":"
                                            + f.get("column").asInt()));
            assertThat(expected)
                    .anyMatch(e -> e.startsWith("template-injection@"))
                    .anyMatch(e -> e.startsWith("unpinned-uses@"));

            client.open(workflow, LspSessionTest.RISKY);
            List<Diagnostic> shown = client.diagnostics(workflow, d -> sameAs(d, expected));

            List<CodeAction> fixes =
                    client.codeActions(workflow, shown, List.of(CodeActionKind.QuickFix));
            assertThat(fixes).isNotEmpty();
            String fixed =
                    LspSessionTest.apply(
                            LspSessionTest.RISKY,
                            fixes.get(0).getEdit().getChanges().get(workflow.toUri().toString()));
            assertThat(fixed).containsPattern("actions/checkout@[0-9a-f]{40} # v4");

            client.change(workflow, fixed);
            client.diagnostics(workflow, d -> !LspSessionTest.rules(d).contains("unpinned-uses"));

            client.shutdownAndExit();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean sameAs(List<Diagnostic> shown, List<String> expected) {
        List<String> got =
                shown.stream()
                        .map(
                                d ->
                                        d.getCode().getLeft()
                                                + "@"
                                                + (d.getRange().getStart().getLine() + 1)
                                                + ":"
                                                + (d.getRange().getStart().getCharacter() + 1))
                        .sorted()
                        .toList();
        return got.equals(expected.stream().sorted().toList());
    }
}
