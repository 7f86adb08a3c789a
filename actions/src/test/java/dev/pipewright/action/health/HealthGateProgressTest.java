package dev.pipewright.action.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pipewright.action.ActionRunner;
import dev.pipewright.action.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * health-gate outside a runner, as {@code pipewright health-gate} runs it, against a local HTTP
 * server that is unhealthy for two attempts: each attempt's line is on stderr while the gate still
 * waits (the server looks at stderr when the next attempt arrives), no report file appears in the
 * working directory, and no summary on stderr.
 */
class HealthGateProgressTest {
    @TempDir Path cwd;

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final StringWriter err = new StringWriter();

    /** What stderr held when each request arrived. */
    private final List<String> stderrAtRequest = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/healthz",
                ex -> {
                    int n = hits.incrementAndGet();
                    synchronized (err) {
                        stderrAtRequest.add(err.toString());
                    }
                    ex.sendResponseHeaders(n < 3 ? 503 : 200, -1);
                    ex.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void positiveEachAttemptIsLoggedBeforeTheNextOneAndNothingIsLeftBehind() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz";
        Map<String, String> env =
                Map.of("INPUT_URL", url, "INPUT_INTERVAL", "50ms", "INPUT_TIMEOUT", "30s");
        StringWriter out = new StringWriter();
        PrintWriter errWriter =
                new PrintWriter(
                        new Writer() {
                            @Override
                            public void write(char[] b, int off, int len) {
                                synchronized (err) {
                                    err.write(b, off, len);
                                }
                            }

                            @Override
                            public void flush() {}

                            @Override
                            public void close() {}
                        },
                        true);
        int exit =
                new ActionRunner(env, cwd, new PrintWriter(out, true), errWriter)
                        .run(new HealthGateAction());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(stderrAtRequest).hasSize(3);
        assertThat(stderrAtRequest.get(1))
                .as("stderr when the second attempt arrived")
                .contains("attempt 1 at ")
                .contains("HTTP 503 (expected 200)");
        assertThat(stderrAtRequest.get(2))
                .as("stderr when the last attempt arrived")
                .contains("attempt 2 at ")
                .doesNotContain("attempt 3");
        assertThat(err.toString())
                .contains("attempt 3 at ")
                .doesNotContain("Healthy")
                .doesNotContain("|");
        assertThat(out.toString()).contains("healthy=true\n", "attempts=3\n", "report=\n");
        try (var left = Files.list(cwd)) {
            assertThat(left).as("files left in the working directory").isEmpty();
        }
    }
}
