package dev.pipewright.bindings;

import dev.pipewright.model.ActionRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a step writes in {@code uses:} for one of Pipewright's own actions: the published form
 * {@code <owner>/<repo>/actions/<id>@<commit> # vX.Y.Z} when the release record names a release,
 * else (no release yet) the vendored form {@code ./.github/actions/pipewright-<id>}, whose
 * action.yml the pipeline writes next to the workflows. The record is {@code
 * catalog/own-actions.yml}, bundled as {@value #RESOURCE}; see docs/publishing-actions.md for why a
 * development build falls back to vendoring.
 *
 * <p>The record's format is the YAML subset the action lock uses: comment lines, blank lines and
 * one {@code key: value} per line, with the keys {@code repository} (required), {@code release} and
 * {@code commit} (both or neither). Anything else is rejected with its line number, so a hand edit
 * cannot silently fall back to vendoring.
 */
public final class OwnActionUses {
    /** The bundled record on the class path. */
    public static final String RESOURCE = "pipewright/own-actions.yml";

    /** Where vendored copies of our actions live in a repository, as {@code uses:} paths start. */
    public static final String VENDORED_ROOT = "./.github/actions/";

    /** Directory-name prefix of every vendored Pipewright action. */
    public static final String VENDORED_PREFIX = "pipewright-";

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern RELEASE = Pattern.compile("v\\d+\\.\\d+\\.\\d+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern ACTION_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ENTRY =
            Pattern.compile("([a-z]+):\\s*['\"]?([^'\"#\\s]+)['\"]?\\s*(#.*)?");
    private static OwnActionUses bundled;

    private final String repository;
    private final String release;
    private final String commit;

    private OwnActionUses(String repository, String release, String commit) {
        if (!REPOSITORY
                .matcher(Objects.requireNonNull(repository, "repository == null"))
                .matches()) {
            throw new IllegalArgumentException("repository '" + repository + "' is not owner/name");
        }
        if ((release == null) != (commit == null)) {
            throw new IllegalArgumentException(
                    "release and commit go together: "
                            + (release == null
                                    ? "commit " + commit + " names no release"
                                    : "release " + release + " has no commit"));
        }
        if (release != null && !RELEASE.matcher(release).matches()) {
            throw new IllegalArgumentException("release '" + release + "' is not vX.Y.Z");
        }
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException(
                    "commit '" + commit + "' is not a 40-hex commit SHA");
        }
        this.repository = repository;
        this.release = release;
        this.commit = commit;
    }

    /** No release yet: every action is vendored. */
    public static OwnActionUses unreleased(String repository) {
        return new OwnActionUses(repository, null, null);
    }

    /**
     * Release {@code release} ({@code vX.Y.Z}), tagged on {@code commit}, of {@code repository}.
     */
    public static OwnActionUses released(String repository, String release, String commit) {
        return new OwnActionUses(
                repository,
                Objects.requireNonNull(release, "release == null"),
                Objects.requireNonNull(commit, "commit == null"));
    }

    /** The record bundled with Pipewright, read once. */
    public static synchronized OwnActionUses bundled() {
        if (bundled == null) {
            try (InputStream in =
                    OwnActionUses.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            RESOURCE + " is missing from the class path; rebuild Pipewright");
                }
                bundled = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return bundled;
    }

    /** Reads a record; {@code source} names it in errors ({@code file:line: message}). */
    public static OwnActionUses parse(String text, String source) {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var m = ENTRY.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        source + ":" + (i + 1) + ": expected 'key: value', got '" + line + "'");
            }
            String key = m.group(1);
            if (!key.equals("repository") && !key.equals("release") && !key.equals("commit")) {
                throw new IllegalArgumentException(
                        source
                                + ":"
                                + (i + 1)
                                + ": unknown key '"
                                + key
                                + "'; the keys are repository, release and commit");
            }
            if (keys.putIfAbsent(key, m.group(2)) != null) {
                throw new IllegalArgumentException(
                        source + ":" + (i + 1) + ": '" + key + "' given twice");
            }
        }
        if (!keys.containsKey("repository")) {
            throw new IllegalArgumentException(source + ": no 'repository: owner/name'");
        }
        try {
            return new OwnActionUses(
                    keys.get("repository"), keys.get("release"), keys.get("commit"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code uses:} of action {@code actionId}: published when the record names a release, else
     * vendored.
     */
    public ActionRef ref(String actionId) {
        return release == null ? vendored(actionId) : published(actionId);
    }

    /**
     * {@code <owner>/<repo>/actions/<id>@<commit> # vX.Y.Z}; throws when the record names no
     * release.
     */
    public ActionRef published(String actionId) {
        if (release == null) {
            throw new IllegalStateException(
                    repository
                            + " has no release in the record of our own actions ("
                            + RESOURCE
                            + "); use the vendored form until one is recorded");
        }
        return ActionRef.pinned(repository + "/actions/" + checkId(actionId), commit, release);
    }

    /**
     * {@code ./.github/actions/pipewright-<id>}: a local copy, written by the pipeline, never
     * pinned.
     */
    public static ActionRef vendored(String actionId) {
        return ActionRef.parse(VENDORED_ROOT + VENDORED_PREFIX + checkId(actionId));
    }

    /** The release the record names, {@code vX.Y.Z}, if any. */
    public Optional<String> release() {
        return Optional.ofNullable(release);
    }

    /** {@code owner/name} of the repository that publishes the actions. */
    public String repository() {
        return repository;
    }

    private static String checkId(String actionId) {
        if (!ACTION_ID.matcher(Objects.requireNonNull(actionId, "actionId == null")).matches()) {
            throw new IllegalArgumentException(
                    "'" + actionId + "' is not an action id (lower-case words joined by '-')");
        }
        return actionId;
    }

    @Override
    public String toString() {
        return release == null
                ? repository + " (no release: vendored)"
                : repository + "@" + release + " (" + commit + ")";
    }
}
