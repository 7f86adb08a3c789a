package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pipewright.testing.SharedData;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The python-service canary on the python-service fixture: helm and alembic are stand-ins,
 * Prometheus is a small HTTP server in the test answering the error-ratio query from a script of
 * values.
 */
class PythonServiceJobsTest {
    @TempDir Path run;

    private HttpServer prometheus;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    /** Answers /api/v1/query with ratios[i] for the i-th request (the last one repeated). */
    private String prometheus(String... ratios) throws Exception {
        AtomicInteger n = new AtomicInteger();
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext(
                "/api/v1/query",
                x -> {
                    queries.add(
                            URLDecoder.decode(
                                    x.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
                    String ratio = ratios[Math.min(n.getAndIncrement(), ratios.length - 1)];
                    byte[] body =
                            ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                                            + "\"value\":[1733450000,\""
                                            + ratio
                                            + "\"]}]}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                    x.close();
                });
        prometheus.start();
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.stop(0);
        }
    }

    private JobHarness.JobRun canary(String url) throws Exception {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "python-service", run)
                .run(
                        new JobHarness.Run("cd.yml", "canary")
                                .fixture(Fixtures.fixture("python-service"))
                                .need(
                                        "image",
                                        Map.of("digest", "sha256:" + "cd".repeat(32)),
                                        "success")
                                .need("staging", Map.of(), "success")
                                .secret("KUBECONFIG", "apiVersion: v1\nkind: Config\n")
                                .secret("DATABASE_URL", "postgresql://db/drive")
                                .var("PROMETHEUS_URL", url)
                                .var("CANARY_STEP_SECONDS", "2")
                                .var("CANARY_STABLE_SECONDS", "2")
                                .var("CANARY_CHECK_INTERVAL_SECONDS", "1"));
    }

    private static List<String> helm(JobHarness.JobRun r) {
        return r.calls("helm").stream().map(StandIns.Call::argLine).toList();
    }

    @Test
    void aCanaryWithinItsSloIsAnalysedRepeatedlyAtEveryStepThenPromoted() throws Exception {
        JobHarness.JobRun r = canary(prometheus("0.001"));
        assertThat(r.succeeded()).as(r.transcript()).isTrue();
        // every step's window is asked more than once: an analysis, not a single probe
        assertThat(queries.size())
                .as(r.transcript())
                .isEqualTo(2 * 4); // window / interval = 2 checks, however slow the runner
        assertThat(queries.get(0))
                .contains(
                        "query=sum(rate(http_requests_total{release=\"app-canary\",code=~\"5..\"}[1m]))");
        assertThat(helm(r)).last().asString().isEqualTo("uninstall app-canary");
        assertThat(helm(r)).anyMatch(c -> c.startsWith("upgrade --install app deploy/chart"));
        assertThat(r.calls("helm"))
                .allSatisfy(c -> assertThat(c.env().get("KUBECONFIG")).isNotBlank());
        assertThat(r.step("halt").outcome()).isEqualTo("skipped");
    }

    @Test
    void aBreachHaltsTheCanaryBeforeProductionIsTouched() throws Exception {
        JobHarness.JobRun r =
                canary(
                        prometheus(
                                "0.001",
                                "0.2")); // a 2 s window with 1 s interval checks at least twice
        assertThat(r.succeeded()).isFalse();
        assertThat(
                        r.steps().stream()
                                .filter(s -> s.outcome().equals("failure"))
                                .map(JobHarness.StepRun::id))
                .as(r.transcript())
                .containsExactly("slo-10");
        assertThat(r.step("slo-10").log())
                .contains("SLO breached, error ratio 0.2 > 0.01 (check 2)");
        assertThat(r.step("halt").outcome()).isEqualTo("success");
        assertThat(helm(r))
                .noneMatch(c -> c.startsWith("upgrade --install app deploy/chart"))
                .noneMatch(c -> c.startsWith("rollback"))
                .last()
                .asString()
                .isEqualTo("uninstall app-canary");
    }

    @Test
    void aFailedProductionUpgradeIsRolledBack() throws Exception {
        String url = prometheus("0.001");
        JobHarness.JobRun r =
                new JobHarness(SharedData.repoRoot().orElseThrow(), "python-service", run)
                        .run(
                                new JobHarness.Run("cd.yml", "canary")
                                        .fixture(Fixtures.fixture("python-service"))
                                        .need(
                                                "image",
                                                Map.of("digest", "sha256:" + "cd".repeat(32)),
                                                "success")
                                        .secret("KUBECONFIG", "apiVersion: v1\nkind: Config\n")
                                        .var("PROMETHEUS_URL", url)
                                        .var("CANARY_STEP_SECONDS", "1")
                                        .var("CANARY_STABLE_SECONDS", "1")
                                        .var("CANARY_CHECK_INTERVAL_SECONDS", "1")
                                        .behaviour(
                                                "helm",
                                                "case \"$*\" in 'upgrade --install app deploy/chart'*) echo 'Error: UPGRADE FAILED: timed out' >&2; exit 1 ;; esac"));
        assertThat(r.step("promote").outcome()).as(r.transcript()).isEqualTo("failure");
        assertThat(helm(r)).containsSubsequence("uninstall app-canary", "rollback app --wait");
    }
}
