package dev.pipewright.cli;

import dev.pipewright.cli.lsp.PipewrightLanguageServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

/**
 * {@code pipewright lsp}: a Language Server over stdin/stdout for editors. The JVM stays warm
 * between keystrokes, so a re-lint costs milliseconds where a {@code pipewright lint} process costs
 * its start-up.
 */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Run a Language Server (LSP) over stdin/stdout that publishes lint diagnostics for workflow, action "
                        + "and dependabot files as they are edited, with lint --fix's edits as quick fixes. Started by an editor, "
                        + "not by hand.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the client sent shutdown then exit",
            "1:the client sent exit without shutdown, or hung up",
            "3:internal error"
        })
public final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        InputStream in = System.in;
        OutputStream out = System.out;
        // stdout carries the protocol: anything else printed there would corrupt it, so it goes to
        // stderr
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        return serve(in, out);
    }

    /**
     * Serves one client on the streams until it sends {@code exit} or hangs up; returns the exit
     * code.
     */
    static int serve(InputStream in, OutputStream out) throws InterruptedException {
        PipewrightLanguageServer server = new PipewrightLanguageServer(VersionProvider.version());
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        // the listener ends when the client closes its end of the pipe; an exit notification ends
        // it sooner
        server.exited().whenComplete((c, e) -> listening.cancel(true));
        try {
            listening.get();
        } catch (ExecutionException | CancellationException e) {
            // the client hung up, or exit cancelled the listener
        }
        return server.exited().getNow(1);
    }
}
