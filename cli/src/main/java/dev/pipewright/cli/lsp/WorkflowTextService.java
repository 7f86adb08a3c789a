package dev.pipewright.cli.lsp;

import dev.pipewright.lint.fix.FixApplier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Document notifications in, diagnostics and quick fixes out. */
final class WorkflowTextService implements TextDocumentService {
    private final LintedDocuments documents = new LintedDocuments();
    private LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        documents.open(params.getTextDocument().getUri(), params.getTextDocument().getText());
        publish(params.getTextDocument().getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        // full synchronisation: the last change carries the whole text
        var changes = params.getContentChanges();
        if (!changes.isEmpty()) {
            documents.change(
                    params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText());
        }
        publish(params.getTextDocument().getUri());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.close(uri);
        if (client != null) {
            client.publishDiagnostics(
                    new PublishDiagnosticsParams(uri, List.of())); // a closed file shows nothing
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        publish(params.getTextDocument().getUri());
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(
            CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        documents
                .get(uri)
                .ifPresent(
                        d -> {
                            FixApplier.Result fixed = LintedDocuments.fix(d);
                            List<TextEdit> edits = FixEdits.of(d.text(), fixed);
                            if (edits.isEmpty()) {
                                return;
                            }
                            Set<String> fixable = new LinkedHashSet<>();
                            fixed.changes().forEach(c -> fixable.add(c.rule()));
                            WorkspaceEdit edit = new WorkspaceEdit(Map.of(uri, edits));
                            List<String> only = params.getContext().getOnly();
                            for (Diagnostic diag : params.getContext().getDiagnostics()) {
                                String rule =
                                        diag.getCode() == null ? null : diag.getCode().getLeft();
                                if (Diagnostics.SOURCE.equals(diag.getSource())
                                        && fixable.contains(rule)
                                        && wanted(only, CodeActionKind.QuickFix)) {
                                    CodeAction a =
                                            new CodeAction(
                                                    "Fix "
                                                            + rule
                                                            + " findings (pipewright lint --fix)");
                                    a.setKind(CodeActionKind.QuickFix);
                                    a.setDiagnostics(List.of(diag));
                                    a.setEdit(edit);
                                    a.setIsPreferred(true);
                                    out.add(Either.forRight(a));
                                }
                            }
                            if (wanted(only, CodeActionKind.SourceFixAll)) {
                                CodeAction all =
                                        new CodeAction(
                                                "Fix all auto-fixable findings (pipewright lint --fix)");
                                all.setKind(CodeActionKind.SourceFixAll);
                                all.setEdit(edit);
                                out.add(Either.forRight(all));
                            }
                        });
        return CompletableFuture.completedFuture(out);
    }

    /**
     * The client's {@code only} filter: a kind is wanted when no filter is given or the filter
     * names it or a parent.
     */
    private static boolean wanted(List<String> only, String kind) {
        return only == null
                || only.isEmpty()
                || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    /**
     * Every open document again: a file they refer to (a local action, the lint config) changed on
     * disk.
     */
    void republishAll() {
        documents.uris().forEach(this::publish);
    }

    WorkspaceService workspace() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                republishAll();
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                republishAll();
            }
        };
    }

    /**
     * Publishes the quick rules' findings at once, then the full set from a background thread,
     * unless the document changed meanwhile (the newer text's own round will publish). Editors
     * replace a file's diagnostics on every publication, so the second round simply adds
     * shellcheck's findings to the first.
     */
    private void publish(String uri) {
        if (client == null) {
            return;
        }
        documents
                .get(uri)
                .ifPresent(
                        d -> {
                            client.publishDiagnostics(
                                    new PublishDiagnosticsParams(
                                            uri,
                                            Diagnostics.of(
                                                    LintedDocuments.lint(d, true), d.text())));
                            if (LintedDocuments.lintable(d) && LintedDocuments.hasSlowRules(d)) {
                                slow.execute(
                                        () -> {
                                            if (current(uri, d)) {
                                                List<Diagnostic> all =
                                                        Diagnostics.of(
                                                                LintedDocuments.lint(d, false),
                                                                d.text());
                                                if (current(uri, d)) {
                                                    client.publishDiagnostics(
                                                            new PublishDiagnosticsParams(uri, all));
                                                }
                                            }
                                        });
                            }
                        });
    }

    /** True while {@code d} is still the open text of {@code uri}. */
    private boolean current(String uri, LintedDocuments.Document d) {
        return documents.get(uri).map(now -> now == d).orElse(false);
    }

    /**
     * One thread for the slow round: rounds for stale texts are skipped, so a queue of them drains
     * fast.
     */
    private final ExecutorService slow =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "pipewright-lsp-shellcheck");
                        t.setDaemon(true);
                        return t;
                    });
}
