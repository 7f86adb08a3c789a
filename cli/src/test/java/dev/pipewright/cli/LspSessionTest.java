package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import java.io.File;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipewright lsp} in a session with lsp4j's client over a pipe: the diagnostics are what
 * {@code pipewright lint} reports for the same text, they follow edits, the quick fixes are {@code
 * lint --fix}'s edits, and the exit code follows the protocol. {@code LspShadedJarIT} runs the same
 * session against the shipped jar over stdio.
 */
class LspSessionTest {
    /**
     * A pull_request_target workflow with an unpinned action, a title in a shell script and no
     * permissions.
     */
    static final String RISKY =
            """
            on: pull_request_target
            jobs:
              greet:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "${{ github.event.pull_request.title }}"
            """;

    @TempDir Path repo;
    private Path workflow;
    private LspClient client;
    private CompletableFuture<Integer> server;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        workflow = repo.resolve(".github/workflows/ci.yml");
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, RISKY);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return LspCommand.serve(serverIn, serverOut);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return -1;
                            }
                        });
        client = new LspClient(clientIn, clientOut);
        assertThat(client.initialize(repo).getServerInfo().getName()).isEqualTo("pipewright");
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void diagnosticsAreWhatLintReportsForTheSameText() throws Exception {
        List<Finding> lint = new Linter(LintConfig.forProject(repo)).lintFile(workflow, "ci.yml");
        assertThat(lint).extracting(Finding::rule).contains("template-injection", "unpinned-uses");
        List<String> expected =
                lint.stream()
                        .sorted()
                        .map(
                                f ->
                                        (f.line() - 1)
                                                + ":"
                                                + (f.column() - 1)
                                                + " "
                                                + f.rule()
                                                + " "
                                                + f.message())
                        .toList();

        client.open(workflow, RISKY);
        assertThat(positions(client.diagnostics(workflow, d -> positions(d).equals(expected))))
                .isEqualTo(expected);
    }

    @Test
    void diagnosticsFollowTheEditorsTextNotTheFileOnDisk() throws Exception {
        client.open(workflow, RISKY);
        assertThat(client.diagnostics(workflow))
                .extracting(d -> d.getCode().getLeft())
                .contains("template-injection");

        String safe =
                RISKY.replace("echo \"${{ github.event.pull_request.title }}\"", "echo hello");
        client.change(workflow, safe);
        assertThat(
                        client.diagnostics(
                                workflow,
                                d ->
                                        rules(d).contains("unpinned-uses")
                                                && !rules(d).contains("template-injection")))
                .isNotEmpty();

        client.close(workflow);
        assertThat(client.diagnostics(workflow, List::isEmpty)).isEmpty();
    }

    @Test
    void quickFixesAreLintFixsEdits() throws Exception {
        client.open(workflow, RISKY);
        List<Diagnostic> shown = client.diagnostics(workflow);
        Diagnostic unpinned =
                shown.stream()
                        .filter(d -> d.getCode().getLeft().equals("unpinned-uses"))
                        .findFirst()
                        .orElseThrow();

        List<CodeAction> actions =
                client.codeActions(workflow, List.of(unpinned), List.of(CodeActionKind.QuickFix));
        assertThat(actions).hasSize(1);
        String fixedHere =
                apply(
                        RISKY,
                        actions.get(0).getEdit().getChanges().get(workflow.toUri().toString()));

        CliRun.of("lint", "--fix", workflow.toString());
        assertThat(fixedHere).isEqualTo(Files.readString(workflow)).isNotEqualTo(RISKY);
        assertThat(fixedHere).containsPattern("actions/checkout@[0-9a-f]{40} # v4");

        List<CodeAction> all =
                client.codeActions(workflow, List.of(), List.of(CodeActionKind.SourceFixAll));
        assertThat(all)
                .singleElement()
                .extracting(CodeAction::getKind)
                .isEqualTo(CodeActionKind.SourceFixAll);
    }

    @Test
    void shellcheckFindingsFollowTheQuickRulesInASecondRound() throws Exception {
        Assumptions.assumeTrue(onPath("shellcheck"), "skipped: shellcheck is not installed");
        String unquoted =
                RISKY.replace("echo \"${{ github.event.pull_request.title }}\"", "echo $HOME");
        client.open(workflow, unquoted);

        assertThat(rules(client.diagnostics(workflow)))
                .contains("unpinned-uses")
                .doesNotContain("shellcheck");
        assertThat(rules(client.diagnostics(workflow, d -> rules(d).contains("shellcheck"))))
                .contains("unpinned-uses");
    }

    @Test
    void filesLintDoesNotTakeGetNoDiagnostics() throws Exception {
        Path values = repo.resolve("deploy/values.yml");
        client.open(values, "replicaCount: 2\nimage: {repository: nginx}\n");
        assertThat(client.diagnostics(values)).isEmpty();
    }

    @Test
    void exitAfterShutdownIsZeroAndWithoutShutdownOne() throws Exception {
        client.shutdownAndExit();
        assertThat(server.get(60, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void exitWithoutShutdownIsOne() throws Exception {
        client.exitWithoutShutdown();
        assertThat(server.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    }

    static List<String> rules(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.getCode().getLeft()).toList();
    }

    static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    static List<String> positions(List<Diagnostic> ds) {
        return ds.stream()
                .sorted(
                        Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine())
                                .thenComparingInt(d -> d.getRange().getStart().getCharacter())
                                .thenComparing(d -> d.getCode().getLeft())
                                .thenComparing(Diagnostic::getMessage))
                .map(
                        d ->
                                d.getRange().getStart().getLine()
                                        + ":"
                                        + d.getRange().getStart().getCharacter()
                                        + " "
                                        + d.getCode().getLeft()
                                        + " "
                                        + d.getMessage())
                .toList();
    }

    /** Applies whole-line edits in reverse order, as an editor applies a workspace edit. */
    static String apply(String text, List<TextEdit> edits) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(
                Comparator.comparingInt((TextEdit e) -> e.getRange().getStart().getLine())
                        .reversed());
        for (TextEdit e : sorted) {
            int from = e.getRange().getStart().getLine();
            int to = e.getRange().getEnd().getLine();
            assertThat(e.getRange().getStart().getCharacter()).isZero();
            assertThat(e.getRange().getEnd().getCharacter()).isZero();
            lines.subList(from, to).clear();
            lines.addAll(from, e.getNewText().lines().toList());
        }
        return String.join("\n", lines) + "\n";
    }
}
