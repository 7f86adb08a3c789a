package dev.pipewright.action.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * GET an HTTP(S) URL; healthy when the status is expected and, if configured, the body matches a
 * regex and a JSON field has a value. Connection errors (DNS, refused, TLS, timeouts) are unhealthy
 * attempts, not failures.
 */
final class HttpProbe implements Probe {
    /**
     * Expectations on a response; {@code jsonField} is a JSON pointer ({@code /status}) or dotted
     * path.
     */
    record Expect(Set<Integer> statuses, Pattern body, String jsonField, String jsonValue) {}

    private final URI uri;
    private final Map<String, String> headers;
    private final Expect expect;
    private final HttpClient client;

    HttpProbe(URI uri, Map<String, String> headers, Expect expect, boolean insecure) {
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.expect = expect;
        HttpClient.Builder b =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(10));
        if (insecure) {
            b.sslContext(trustAll());
        }
        this.client = b.build();
    }

    @Override
    public Attempt attempt(Duration timeout) throws InterruptedException {
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri)
                        .GET()
                        .timeout(timeout.isZero() ? Duration.ofMillis(1) : timeout);
        headers.forEach(r::header);
        HttpResponse<String> resp;
        try {
            resp = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Attempt(false, describe(e));
        }
        int s = resp.statusCode();
        if (!expect.statuses().contains(s)) {
            return new Attempt(
                    false,
                    "HTTP "
                            + s
                            + " (expected "
                            + expect.statuses().stream()
                                    .sorted()
                                    .map(String::valueOf)
                                    .reduce((a, c) -> a + "," + c)
                                    .orElse("")
                            + ")");
        }
        if (expect.body() != null && !expect.body().matcher(resp.body()).find()) {
            return new Attempt(
                    false, "HTTP " + s + ", body does not match /" + expect.body().pattern() + "/");
        }
        if (expect.jsonField() != null) {
            String actual = field(resp.body());
            if (!expect.jsonValue().equals(actual)) {
                return new Attempt(
                        false,
                        "HTTP "
                                + s
                                + ", "
                                + expect.jsonField()
                                + " is "
                                + (actual == null ? "missing" : "'" + actual + "'")
                                + ", expected '"
                                + expect.jsonValue()
                                + "'");
            }
        }
        return new Attempt(true, "HTTP " + s);
    }

    private String field(String body) {
        try {
            JsonNode root = new ObjectMapper().readTree(body);
            String f = expect.jsonField();
            JsonNode n = root.at(f.startsWith("/") ? f : "/" + f.replace('.', '/'));
            return n.isMissingNode() || n.isContainerNode() ? null : n.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** The kind of failure in words a deployer recognises. */
    static String describe(IOException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof UnknownHostException) {
                return "DNS: unknown host " + t.getMessage();
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connect timeout";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SSLException) {
                return "TLS: " + t.getMessage();
            }
            if (t instanceof HttpTimeoutException) {
                return "timeout: no response in time";
            }
            t = t.getCause();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(
                                    X509Certificate[] chain, String authType) {}

                            @Override
                            public void checkServerTrusted(
                                    X509Certificate[] chain, String authType) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String target() {
        return uri.toString();
    }
}
