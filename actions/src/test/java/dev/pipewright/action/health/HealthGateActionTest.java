package dev.pipewright.action.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pipewright.action.ExitCode;
import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.retry.Ticker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * health-gate in the simulated runner against a local HTTP server on 127.0.0.1, and with a command.
 */
class HealthGateActionTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private SimulatedRunner runner;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/healthz",
                ex -> {
                    int n = hits.incrementAndGet();
                    byte[] body =
                            (n < 3
                                            ? "{\"status\":\"STARTING\"}"
                                            : "{\"status\":\"UP\",\"db\":{\"ok\":true}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    boolean header = "yes".equals(ex.getRequestHeaders().getFirst("X-Probe"));
                    ex.sendResponseHeaders(n < 2 ? 503 : header ? 200 : 401, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                });
        server.start();
        runner = new SimulatedRunner();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        runner.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz";
    }

    private SimulatedRunner.Step run() {
        return runner.run(new HealthGateAction(Ticker.fake(), new Random(3)));
    }

    @Test
    void healthyAfterRetriesWithStatusJsonFieldAndHeader() throws Exception {
        runner.input("url", url())
                .input("json-field", "/status=UP")
                .input("body-regex", "\"db\"")
                .input("header", "X-Probe: yes");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs()).containsEntry("healthy", "true").containsEntry("attempts", "3");
        String report = Files.readString(Path.of(s.outputs().get("report")));
        assertThat(report)
                .contains("\"healthy\" : true", "HTTP 503 (expected 200)", "body does not match");
        assertThat(s.summary()).contains("✅ Healthy");
    }

    @Test
    void neverHealthyExitsOneAfterTheTimeout() throws Exception {
        runner.input("url", url())
                .input("expect-status", "204")
                .input("timeout", "30s")
                .input("interval", "1s")
                .input("max-interval", "4s");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(s.outputs()).containsEntry("healthy", "false");
        assertThat(Double.parseDouble(s.outputs().get("elapsed"))).isBetween(30 - 4 * 1.2, 30.0);
        assertThat(s.stdout()).contains("is not healthy after");
    }

    @Test
    void refusedConnectionIsRetriedAndReported() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        runner.input("url", "http://127.0.0.1:" + port + "/").input("timeout", "10s");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(Integer.parseInt(s.outputs().get("attempts"))).isGreaterThan(1);
        assertThat(Files.readString(Path.of(s.outputs().get("report"))))
                .contains("connection refused");
    }

    @Test
    void commandExitCode() {
        runner.write("ready", "");
        runner.input("command", "test -f ready && echo fine");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.OK);
        assertThat(s.outputs()).containsEntry("attempts", "1");
        runner.input("command", "echo not yet; exit 3").input("timeout", "5s");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(s.stdout()).contains("exit 3: not yet");
    }

    @Test
    void badInputExitsTwo() {
        runner.input("url", url()).input("command", "true");
        assertThat(run().exit()).isEqualTo(ExitCode.BAD_INPUT);
        runner.input("command", "").input("timeout", "soon");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains("input 'timeout': expected a duration");
        runner.input("timeout", "60s").input("expect-status", "2xx");
        assertThat(run().exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void reportTargetThatIsADirectoryIsBadInput() throws Exception {
        Files.createDirectories(runner.workspace().resolve("h/health-report.json"));
        runner.input("command", "true").input("output-dir", "h");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout())
                .contains(
                        "::error::health-gate: input 'output-dir': h/health-report.json is a directory");
    }

    @Test
    void reportIsReadableByLaterSteps() throws Exception {
        Assumptions.assumeTrue(
                Files.getFileAttributeView(runner.workspace(), PosixFileAttributeView.class)
                        != null);
        runner.input("command", "true").input("output-dir", "h");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).as(s.stdout()).isEqualTo(ExitCode.OK);
        assertThat(
                        PosixFilePermissions.toString(
                                Files.readAttributes(
                                                runner.workspace().resolve("h/health-report.json"),
                                                PosixFileAttributes.class)
                                        .permissions()))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void backoffErrorsNameTheInputTheyAreAbout() {
        runner.input("url", "").input("command", "true").input("factor", "0");
        SimulatedRunner.Step s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout())
                .contains("input 'factor': must be at least 1")
                .doesNotContain("input 'interval'");
        runner.input("factor", "2").input("interval", "10s").input("max-interval", "1s");
        s = run();
        assertThat(s.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(s.stdout()).contains("input 'max-interval': max interval");
    }
}
