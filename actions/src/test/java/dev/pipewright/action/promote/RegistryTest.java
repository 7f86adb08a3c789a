package dev.pipewright.action.promote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Ticker;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OCI lookup against a local WireMock registry that behaves like ghcr.io: 401 with a Bearer
 * challenge, an anonymous token endpoint, HEAD on the manifest answering Docker-Content-Digest.
 */
class RegistryTest {
    static final String DIGEST = PromotionSamplesTest.DIGEST;
    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(
                get(urlPathEqualTo("/token"))
                        .withQueryParam("scope", equalTo("repository:acme/app:pull"))
                        .withQueryParam("service", equalTo("registry.test"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"token\":\"anon-123\"}")));
        wm.stubFor(
                head(urlPathEqualTo("/v2/acme/app/manifests/1.3.0"))
                        .withHeader("Authorization", absent())
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader(
                                                "WWW-Authenticate",
                                                "Bearer realm=\""
                                                        + wm.baseUrl()
                                                        + "/token\",service=\"registry.test\",scope=\"repository:acme/app:pull\"")));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    ImageSpec image() {
        return new ImageSpec("app", "127.0.0.1:" + wm.port() + "/acme/app", "1.3.0", null);
    }

    void manifest(String state, String next, int status) {
        var m =
                head(urlPathEqualTo("/v2/acme/app/manifests/1.3.0"))
                        .withHeader("Authorization", equalTo("Bearer anon-123"))
                        .inScenario("push")
                        .whenScenarioStateIs(state);
        var r = aResponse().withStatus(status);
        if (status == 200) {
            r =
                    r.withHeader("Docker-Content-Digest", DIGEST)
                            .withHeader("Content-Type", "application/vnd.oci.image.index.v1+json");
        }
        wm.stubFor((next == null ? m : m.willSetStateTo(next)).willReturn(r));
    }

    @Test
    void bearerTokenFlowThenDigest() throws Exception {
        manifest(Scenario.STARTED, null, 200);
        Registry.Lookup l = new Registry(HttpClient.newHttpClient()).resolve(image());
        assertThat(l.digest()).contains(DIGEST);
        wm.verify(
                headRequestedFor(urlPathEqualTo("/v2/acme/app/manifests/1.3.0"))
                        .withHeader("Accept", equalTo(Registry.ACCEPT))
                        .withHeader("Authorization", equalTo("Bearer anon-123")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void tagMissingUntilTheThirdPollIsWaitedFor() throws Exception {
        manifest(Scenario.STARTED, "second", 404);
        manifest("second", "third", 404);
        manifest("third", null, 200);
        Ticker.Fake clock = Ticker.fake();
        Backoff b = new Backoff(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 0.2);
        ImageWait.Result r =
                new ImageWait(
                                new Registry(HttpClient.newHttpClient()),
                                clock,
                                b,
                                Duration.ofMinutes(10),
                                new Random(7))
                        .await(image());
        assertThat(r.digest()).contains(DIGEST);
        assertThat(r.polls()).isEqualTo(3);
        // Two sleeps: ~5s and ~10s, each within ±20 %.
        assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(18));
        // The token is fetched once and reused.
        wm.verify(1, getRequestedFor(urlPathEqualTo("/token")));
    }

    /**
     * Each lookup that found nothing is reported before the wait for the next one, not when the
     * wait ends.
     */
    @Test
    void eachMissedLookupIsReportedBeforeTheNextWait() throws Exception {
        manifest(Scenario.STARTED, "second", 404);
        manifest("second", "third", 404);
        manifest("third", null, 200);
        Ticker.Fake clock = Ticker.fake();
        List<String> progress = new ArrayList<>();
        List<Integer> reportedAtEachSleep = new ArrayList<>();
        Ticker watched =
                new Ticker() {
                    @Override
                    public long nanos() {
                        return clock.nanos();
                    }

                    @Override
                    public void sleep(Duration d) {
                        reportedAtEachSleep.add(progress.size());
                        clock.sleep(d);
                    }
                };
        Backoff b = new Backoff(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 0.2);
        ImageWait.Result r =
                new ImageWait(
                                new Registry(HttpClient.newHttpClient()),
                                watched,
                                b,
                                Duration.ofMinutes(10),
                                new Random(7),
                                progress::add)
                        .await(image());
        assertThat(r.polls()).isEqualTo(3);
        assertThat(reportedAtEachSleep).containsExactly(1, 2);
        assertThat(progress.get(0)).startsWith("app:1.3.0: lookup 1: ").contains("; again in ");
    }

    @Test
    void neverPushedEndsAtTheTimeout() throws Exception {
        manifest(Scenario.STARTED, null, 404);
        Ticker.Fake clock = Ticker.fake();
        Backoff b = new Backoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(20), 0.2);
        ImageWait.Result r =
                new ImageWait(
                                new Registry(HttpClient.newHttpClient()),
                                clock,
                                b,
                                Duration.ofMinutes(2),
                                new Random(1))
                        .await(image());
        assertThat(r.digest()).isEmpty();
        assertThat(r.detail()).startsWith("tag not found (");
        assertThat(clock.elapsed())
                .isLessThanOrEqualTo(Duration.ofMinutes(2))
                .isGreaterThan(Duration.ofMinutes(2).minus(b.longest()));
    }
}
