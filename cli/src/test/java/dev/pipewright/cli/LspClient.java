package dev.pipewright.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The editor's side of a session, as an LSP client library drives it: requests out, published
 * diagnostics queued.
 */
final class LspClient implements LanguageClient, AutoCloseable {
    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final LanguageServer server;
    private final Future<Void> listening;
    private int version = 1;

    LspClient(InputStream fromServer, OutputStream toServer) {
        Launcher<LanguageServer> launcher =
                LSPLauncher.createClientLauncher(this, fromServer, toServer);
        server = launcher.getRemoteProxy();
        listening = launcher.startListening();
    }

    InitializeResult initialize(Path root) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(new ClientCapabilities());
        p.setRootUri(root.toUri().toString());
        InitializeResult r = server.initialize(p).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    void open(Path file, String text) {
        server.getTextDocumentService()
                .didOpen(
                        new DidOpenTextDocumentParams(
                                new TextDocumentItem(
                                        file.toUri().toString(), "yaml", version, text)));
    }

    void change(Path file, String text) {
        server.getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(
                                        file.toUri().toString(), ++version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    void close(Path file) {
        server.getTextDocumentService()
                .didClose(
                        new DidCloseTextDocumentParams(
                                new TextDocumentIdentifier(file.toUri().toString())));
    }

    /**
     * The next diagnostics published for {@code file} (others are skipped); fails after a minute.
     */
    List<Diagnostic> diagnostics(Path file) throws InterruptedException {
        return diagnostics(file, d -> true);
    }

    /**
     * The first diagnostics published for {@code file} that {@code wanted} accepts; fails after a
     * minute. The server publishes twice per text (the quick rules, then shellcheck's too), and a
     * round for an older text can still arrive after an edit, so a test waits for the publication
     * it expects rather than for the next one.
     */
    List<Diagnostic> diagnostics(Path file, Predicate<List<Diagnostic>> wanted)
            throws InterruptedException {
        String uri = file.toUri().toString();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        List<Diagnostic> last = null;
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = published.poll(1, TimeUnit.SECONDS);
            if (p != null && p.getUri().equals(uri)) {
                last = p.getDiagnostics();
                if (wanted.test(last)) {
                    return last;
                }
            }
        }
        throw new AssertionError(
                "no wanted diagnostics published for "
                        + uri
                        + " within a minute; the last: "
                        + last);
    }

    List<CodeAction> codeActions(Path file, List<Diagnostic> diagnostics, List<String> only)
            throws Exception {
        CodeActionContext ctx = new CodeActionContext(diagnostics);
        ctx.setOnly(only);
        var r =
                server.getTextDocumentService()
                        .codeAction(
                                new CodeActionParams(
                                        new TextDocumentIdentifier(file.toUri().toString()),
                                        new Range(new Position(0, 0), new Position(0, 0)),
                                        ctx))
                        .get(60, TimeUnit.SECONDS);
        return r.stream().map(Either::getRight).toList();
    }

    void shutdownAndExit() throws Exception {
        server.shutdown().get(60, TimeUnit.SECONDS);
        server.exit();
    }

    void exitWithoutShutdown() {
        server.exit();
    }

    @Override
    public void close() {
        listening.cancel(true);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
            ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
}
