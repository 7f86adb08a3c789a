package dev.pipewright.lint.pin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Resolves tags through the GitHub REST API: {@code GET /repos/{owner}/{repo}/git/ref/tags/{tag}},
 * then {@code GET /repos/{owner}/{repo}/git/tags/{sha}} while the object is an annotated tag.
 */
public final class GitHubTagResolver implements TagResolver {
    /** GitHub's API root; tests point the resolver at a local server instead. */
    public static final String DEFAULT_BASE_URL = "https://api.github.com";

    private static final int MAX_TAG_DEPTH = 5;

    private final HttpClient client;
    private final String baseUrl;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    public GitHubTagResolver(String baseUrl, String token) {
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token == null || token.isBlank() ? null : token;
    }

    @Override
    public String resolve(String repository, String tag) throws ResolveException {
        JsonNode object =
                get("/repos/" + repository + "/git/ref/tags/" + encode(tag), repository, tag)
                        .path("object");
        for (int depth = 0; depth < MAX_TAG_DEPTH; depth++) {
            String type = object.path("type").asText();
            String sha = object.path("sha").asText();
            if (!sha.matches("[0-9a-f]{40}")) {
                throw new ResolveException(
                        repository + "@" + tag + ": the API answered without an object SHA", false);
            }
            if (type.equals("commit")) {
                return sha;
            }
            if (!type.equals("tag")) {
                throw new ResolveException(
                        repository + "@" + tag + " points at a " + type + ", not a commit", false);
            }
            object =
                    get("/repos/" + repository + "/git/tags/" + sha, repository, tag)
                            .path("object");
        }
        throw new ResolveException(
                repository + "@" + tag + ": more than " + MAX_TAG_DEPTH + " nested annotated tags",
                false);
    }

    private JsonNode get(String path, String repository, String tag) throws ResolveException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/vnd.github+json")
                        .header("X-GitHub-Api-Version", "2022-11-28")
                        .header("User-Agent", "pipewright");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response =
                    client.send(
                            request.GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JDK's client leaves the message null for a refused connection; name the exception
            // instead
            String why =
                    e.getMessage() != null
                            ? e.getMessage()
                            : e instanceof ConnectException
                                    ? "connection refused"
                                    : e.getClass().getSimpleName();
            throw new ResolveException("cannot reach " + baseUrl + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolveException("interrupted while asking " + baseUrl, e);
        }
        if (response.statusCode() == 404) {
            throw new ResolveException(
                    "no tag "
                            + tag
                            + " in "
                            + repository
                            + " (GitHub answered 404 for "
                            + path
                            + "); check the tag on the repository's releases page",
                    true);
        }
        if (response.statusCode() != 200) {
            String hint =
                    response.statusCode() == 403 || response.statusCode() == 429
                            ? "; rate limited? set GITHUB_TOKEN"
                            : "";
            throw new ResolveException(
                    "GitHub answered " + response.statusCode() + " for " + path + hint, false);
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ResolveException(
                    "GitHub answered "
                            + path
                            + " with malformed JSON at "
                            + position(e)
                            + ": "
                            + reason(e),
                    e);
        } catch (IOException e) {
            throw new ResolveException(
                    "GitHub answered " + path + " with invalid JSON: " + e.getMessage(), e);
        }
    }

    private static String encode(String tag) {
        return URLEncoder.encode(tag, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/");
    }

    /** {@code line:col} of a JSON error, or {@code 1} when the parser knows no location. */
    private static String position(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return "1";
        }
        return loc.getLineNr() + (loc.getColumnNr() < 1 ? "" : ":" + loc.getColumnNr());
    }

    /**
     * The parser's reason on one line, without the source and location it appends (they mean
     * nothing here).
     */
    private static String reason(JsonProcessingException e) {
        String msg =
                e.getOriginalMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getOriginalMessage();
        msg =
                msg.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                        .replaceAll("\\s*(at )?\\[Source:[^\\]]*\\]", "");
        String first = msg.strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "unexpected content" : first;
    }
}
