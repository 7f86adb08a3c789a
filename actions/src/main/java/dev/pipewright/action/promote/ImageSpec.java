package dev.pipewright.action.promote;

import dev.pipewright.action.InputException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One image to promote, as given: {@code name=registry/repo:tag} with an optional {@code @sha256:…}
 * that makes the registry lookup unnecessary.
 *
 * @param repository registry host and path, e.g. {@code ghcr.io/acme/app}
 * @param digest null until resolved (or given)
 */
public record ImageSpec(String name, String repository, String tag, String digest) {
    private static final Pattern SPEC =
            Pattern.compile(
                    "([A-Za-z0-9][A-Za-z0-9._-]*)=([a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+)"
                            + ":([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})(@sha256:[0-9a-f]{64})?");
    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public ImageSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(repository, "repository == null");
        Objects.requireNonNull(tag, "tag == null");
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest '" + digest + "' is not sha256:<64 hex>");
        }
    }

    /** Parses one line of input {@code input}; errors show the line and the expected form. */
    static ImageSpec parse(String input, String line) {
        Matcher m = SPEC.matcher(line.strip());
        if (!m.matches()) {
            throw InputException.forInput(
                    input,
                    "'"
                            + line
                            + "' is not NAME=REGISTRY/REPOSITORY:TAG[@sha256:<64 hex>] "
                            + "(e.g. api=ghcr.io/acme/api:1.3.0)");
        }
        String digest = m.group(4) == null ? null : m.group(4).substring(1);
        return new ImageSpec(m.group(1), m.group(2), m.group(3), digest);
    }

    ImageSpec withDigest(String d) {
        return new ImageSpec(name, repository, tag, d);
    }

    /**
     * The registry host ({@code ghcr.io}, {@code localhost:5000}); Docker Hub names have none and
     * get docker.io.
     */
    String registry() {
        int slash = repository.indexOf('/');
        String first = repository.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                ? first
                : "docker.io";
    }

    /**
     * The repository path inside the registry ({@code acme/app}; {@code library/nginx} on Docker
     * Hub).
     */
    String path() {
        String host = registry();
        String rest =
                repository.startsWith(host + "/")
                        ? repository.substring(host.length() + 1)
                        : repository;
        return host.equals("docker.io") && !rest.contains("/") ? "library/" + rest : rest;
    }

    /** {@code repository:tag@digest} as Kubernetes pulls it. */
    String reference() {
        return repository + ":" + tag + (digest == null ? "" : "@" + digest);
    }
}
