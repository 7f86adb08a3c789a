package dev.pipewright.action.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only OCI distribution client: {@code HEAD /v2/<repo>/manifests/<tag>} with the Accept
 * types of OCI indexes and manifests and Docker v2 manifests and lists, answering with {@code
 * Docker-Content-Digest}; on a 401 it follows the anonymous bearer-token flow of {@code
 * WWW-Authenticate} (as ghcr.io and Docker Hub require for public images). Hosts {@code localhost}
 * and {@code 127.0.0.1} are spoken to over plain HTTP, as docker does.
 */
final class Registry {
    static final String ACCEPT =
            String.join(
                    ", ",
                    "application/vnd.oci.image.index.v1+json",
                    "application/vnd.oci.image.manifest.v1+json",
                    "application/vnd.docker.distribution.manifest.list.v2+json",
                    "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** The registry's answer about one tag. */
    record Lookup(Optional<String> digest, int status, String detail) {}

    private final HttpClient http;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    Registry(HttpClient http) {
        this.http = http;
    }

    static Registry create() {
        return new Registry(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build());
    }

    /** The digest of {@code image}'s tag, empty when the registry does not have it (yet). */
    Lookup resolve(ImageSpec image) throws IOException, InterruptedException {
        String host = image.registry();
        String api = host.equals("docker.io") ? "registry-1.docker.io" : host;
        String scheme =
                api.startsWith("localhost") || api.startsWith("127.0.0.1") ? "http" : "https";
        URI uri =
                URI.create(
                        scheme + "://" + api + "/v2/" + image.path() + "/manifests/" + image.tag());
        HttpResponse<Void> r = head(uri, tokens.get(api));
        if (r.statusCode() == 401) {
            Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
            if (challenge.isPresent() && challenge.get().regionMatches(true, 0, "Bearer", 0, 6)) {
                String token = token(challenge.get(), image);
                tokens.put(api, token);
                r = head(uri, token);
            }
        }
        int s = r.statusCode();
        if (s == 200) {
            Optional<String> digest = r.headers().firstValue("Docker-Content-Digest");
            if (digest.isEmpty() || !ImageSpec.DIGEST.matcher(digest.get()).matches()) {
                return new Lookup(
                        Optional.empty(),
                        s,
                        uri + " answered without a sha256 Docker-Content-Digest header");
            }
            return new Lookup(digest, s, "found");
        }
        String detail =
                s == 404
                        ? "tag not found"
                        : s == 401 || s == 403
                                ? "access denied (private image? " + "anonymous pulls only)"
                                : "HTTP " + s;
        return new Lookup(Optional.empty(), s, detail);
    }

    private HttpResponse<Void> head(URI uri, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", ACCEPT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * {@code GET realm?service=…&scope=repository:<path>:pull} without credentials; the JSON has
     * token or access_token.
     */
    private String token(String challenge, ImageSpec image)
            throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new IOException(
                    "registry "
                            + image.registry()
                            + " asked for a bearer token without a realm: "
                            + challenge);
        }
        String scope = params.getOrDefault("scope", "repository:" + image.path() + ":pull");
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            url.append("service=")
                    .append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url.toString()))
                                .GET()
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token endpoint " + realm + " answered HTTP " + r.statusCode());
        }
        JsonNode body = new ObjectMapper().readTree(r.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new IOException("token endpoint " + realm + " returned no token");
        }
        return token;
    }
}
