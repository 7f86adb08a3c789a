import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Drives {@code java -jar pipewright.jar lsp} as an editor does, over the process's stdin/stdout,
 * and prints: the warm re-lint of one edited file (didChange sent → diagnostics received, median
 * and 95th percentile of EDITS edits after WARMUP), and the warm pass over every workflow of a
 * folder (each file changed once, wall time until all diagnostics are back), after one pass to warm
 * up. java -cp cli/target/pipewright.jar bench/LspBench.java JAR WORKFLOWS_DIR [ONE_FILE]
 */
public class LspBench {
    static final int WARMUP = Integer.getInteger("warmup", 200);
    static final int EDITS = Integer.getInteger("edits", 500);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files =
                    s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                            .sorted()
                            .toList();
        }
        Path one = args.length > 2 ? Path.of(args[2]).toAbsolutePath().normalize() : files.get(0);
        Process p =
                new ProcessBuilder("java", "-XX:+UseSerialGC", "-jar", jar.toString(), "lsp")
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        LanguageClient client =
                new LanguageClient() {
                    public void publishDiagnostics(PublishDiagnosticsParams d) {
                        published.add(d);
                    }

                    public void telemetryEvent(Object o) {}

                    public void showMessage(MessageParams m) {}

                    public CompletableFuture<MessageActionItem> showMessageRequest(
                            ShowMessageRequestParams r) {
                        return CompletableFuture.completedFuture(null);
                    }

                    public void logMessage(MessageParams m) {}
                };
        var launcher =
                LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
        LanguageServer server = launcher.getRemoteProxy();
        launcher.startListening();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get(2, TimeUnit.MINUTES);
        server.initialized(new InitializedParams());

        // one file, edited again and again: a comment line that changes every time, as typing does
        String uri = one.toUri().toString();
        String text = Files.readString(one);
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 0, text)));
        await(published, uri);
        long[] ns = new long[EDITS];
        for (int i = 0; i < WARMUP + EDITS; i++) {
            long t0 = System.nanoTime();
            change(server, uri, i + 1, text + "# edit " + i + "\n");
            await(published, uri);
            if (i >= WARMUP) {
                ns[i - WARMUP] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(ns);
        System.out.printf(
                "warm re-lint of %s (%d lines): median %.1f ms, p95 %.1f ms over %d edits after %d%n",
                dir.relativize(one),
                text.lines().count(),
                ns[EDITS / 2] / 1e6,
                ns[EDITS * 95 / 100] / 1e6,
                EDITS,
                WARMUP);

        // every file of the folder: open them all (warm-up pass), then change each once and wait
        // for all
        Map<String, String> texts = new TreeMap<>();
        for (Path f : files) {
            texts.put(f.toUri().toString(), Files.readString(f));
        }
        for (var e : texts.entrySet()) {
            server.getTextDocumentService()
                    .didOpen(
                            new DidOpenTextDocumentParams(
                                    new TextDocumentItem(e.getKey(), "yaml", 0, e.getValue())));
        }
        awaitAll(published, texts.size());
        for (int pass = 1; pass <= 3; pass++) {
            long t0 = System.nanoTime();
            for (var e : texts.entrySet()) {
                change(server, e.getKey(), pass, e.getValue() + "# pass " + pass + "\n");
            }
            awaitAll(published, texts.size());
            System.out.printf(
                    "warm pass %d over %d files: %.2f s%n",
                    pass, texts.size(), (System.nanoTime() - t0) / 1e9);
        }
        server.shutdown().get(1, TimeUnit.MINUTES);
        server.exit();
        p.waitFor(1, TimeUnit.MINUTES);
        System.exit(0);
    }

    static void change(LanguageServer server, String uri, int version, String text) {
        server.getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    static void await(BlockingQueue<PublishDiagnosticsParams> q, String uri)
            throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams d = q.poll(2, TimeUnit.MINUTES);
            if (d == null) {
                throw new IllegalStateException("no diagnostics for " + uri);
            }
            if (d.getUri().equals(uri)) {
                return;
            }
        }
    }

    static void awaitAll(BlockingQueue<PublishDiagnosticsParams> q, int n)
            throws InterruptedException {
        for (int i = 0; i < n; i++) {
            if (q.poll(2, TimeUnit.MINUTES) == null) {
                throw new IllegalStateException(
                        "diagnostics missing after " + i + " of " + n + " files");
            }
        }
    }
}
