package dev.pipewright.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.HttpException;

/**
 * One line saying why a GitHub API call failed: GitHub's own message and validation errors, and a
 * hint about the token's permissions only when GitHub answered 401, 403 or 404 (a conflict or a
 * validation error is never the token's fault, and saying so sends people to the wrong place).
 */
public final class GitHubFailure {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubFailure() {}

    /**
     * @param permissions what the token needs, e.g. {@code contents: write}, named only when GitHub
     *     refused it
     */
    public static String describe(IOException e, String permissions) {
        int status = e instanceof HttpException h ? h.getResponseCode() : -1;
        String why = message(e);
        return switch (status) {
            case 401 -> "HTTP 401 " + why + " (the token was not accepted)";
            case 403 -> "HTTP 403 " + why + " (the token needs " + permissions + ")";
            case 404 ->
                    "HTTP 404 "
                            + why
                            + " (or not visible to the token, which needs "
                            + permissions
                            + ")";
            case -1 -> e instanceof FileNotFoundException ? "not found: " + why : why;
            default -> "HTTP " + status + " " + why;
        };
    }

    /**
     * GitHub's {@code message} and each error's message (or code and field); the first line of
     * anything else.
     */
    static String message(IOException e) {
        String raw = String.valueOf(e.getMessage());
        try {
            JsonNode body = JSON.readTree(raw);
            if (body != null && body.isObject() && body.hasNonNull("message")) {
                List<String> parts = new ArrayList<>();
                for (JsonNode err : body.path("errors")) {
                    if (err.hasNonNull("message")) {
                        parts.add(err.get("message").asText());
                    } else if (err.hasNonNull("code")) {
                        parts.add(err.path("field").asText("?") + " " + err.get("code").asText());
                    }
                }
                return body.get("message").asText()
                        + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
            }
        } catch (IOException | RuntimeException notJson) {
            // Not GitHub's JSON error body (a transport error, an HTML page from a proxy): its
            // first line says it.
        }
        return raw.lines().findFirst().orElse(e.toString());
    }
}
