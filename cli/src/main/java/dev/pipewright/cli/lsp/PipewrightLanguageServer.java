package dev.pipewright.cli.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code pipewright lsp}: the linter as a Language Server. Documents are synchronised whole
 * (workflow files are small, and a full text cannot drift from the editor's); diagnostics are
 * published on open, change and save; quick fixes are {@code lint --fix}'s edits.
 */
public final class PipewrightLanguageServer implements LanguageServer, LanguageClientAware {
    private final WorkflowTextService documents = new WorkflowTextService();
    private final String version;
    private int exitCode = 1; // an exit without shutdown is an error, as the protocol says
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();

    public PipewrightLanguageServer(String version) {
        this.version = version;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Full);
        caps.setCodeActionProvider(
                new CodeActionOptions(
                        List.of(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll)));
        return CompletableFuture.completedFuture(
                new InitializeResult(caps, new ServerInfo("pipewright", version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        exitCode = 0;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exited.complete(exitCode);
    }

    /**
     * Completes with the process exit code once the client sends {@code exit}: 0 after a shutdown,
     * 1 without.
     */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return documents.workspace();
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }
}
