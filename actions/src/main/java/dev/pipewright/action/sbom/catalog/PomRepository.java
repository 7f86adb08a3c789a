package dev.pipewright.action.sbom.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where parent POMs and imported BOMs that are not in the scanned tree are looked up: a local Maven
 * repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}), then Maven Central unless
 * offline ({@code PIPEWRIGHT_SBOM_OFFLINE=true}). Central is asked once per POM with a short
 * timeout; after a network error it is not asked again in this run, so a firewalled runner costs
 * one timeout, not one per dependency.
 */
public final class PomRepository {
    private static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private final Path local;
    private final URI remote;
    private final Map<String, Optional<Path>> cache = new HashMap<>();
    private HttpClient http;
    private Path downloads;
    private boolean remoteDown;

    /** {@code local} or {@code remote} may be null (not consulted). */
    public PomRepository(Path local, URI remote) {
        this.local = local;
        this.remote = remote;
    }

    /**
     * The local repository of this machine and, unless {@code PIPEWRIGHT_SBOM_OFFLINE} is true,
     * Maven Central.
     */
    public static PomRepository standard() {
        String configured = System.getProperty("maven.repo.local");
        Path local =
                configured != null
                        ? Path.of(configured)
                        : Path.of(System.getProperty("user.home"), ".m2", "repository");
        boolean offline = "true".equalsIgnoreCase(System.getenv("PIPEWRIGHT_SBOM_OFFLINE"));
        return new PomRepository(Files.isDirectory(local) ? local : null, offline ? null : CENTRAL);
    }

    /** The POM of {@code group:artifact:version}, if either place has it. */
    synchronized Optional<Path> find(String group, String artifact, String version) {
        String key = group + ":" + artifact + ":" + version;
        Optional<Path> hit = cache.get(key);
        if (hit == null) {
            hit = lookUp(group, artifact, version);
            cache.put(key, hit);
        }
        return hit;
    }

    /** For notes: the places that were searched, and whether Central could not be reached. */
    synchronized String searched() {
        String l = local == null ? "no local Maven repository" : "the local repository " + local;
        if (remote == null) {
            return l + " (Maven Central not asked: offline)";
        }
        return l + (remoteDown ? " (Maven Central unreachable)" : " or Maven Central");
    }

    /**
     * Maven's own rule for a groupId or artifactId ({@code [A-Za-z0-9_\-.]+}), and for a version no
     * character a repository path cannot hold: anything else names no artifact in any repository,
     * and must never reach a URI.
     */
    static boolean validCoordinates(String group, String artifact, String version) {
        return ID.matcher(group).matches()
                && ID.matcher(artifact).matches()
                && VERSION.matcher(version).matches();
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-.]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_\\-.+~]+");

    private Optional<Path> lookUp(String group, String artifact, String version) {
        if (!validCoordinates(group, artifact, version)) {
            return Optional.empty();
        }
        String relative =
                group.replace('.', '/')
                        + "/"
                        + artifact
                        + "/"
                        + version
                        + "/"
                        + artifact
                        + "-"
                        + version
                        + ".pom";
        if (local != null && Files.isRegularFile(local.resolve(relative))) {
            return Optional.of(local.resolve(relative));
        }
        if (remote == null || remoteDown || version.endsWith("-SNAPSHOT")) {
            return Optional.empty(); // Central has no snapshots
        }
        try {
            if (http == null) {
                http =
                        HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(5))
                                .followRedirects(HttpClient.Redirect.NORMAL)
                                .build();
            }
            HttpRequest req =
                    HttpRequest.newBuilder(remote.resolve(relative))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build();
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                return Optional.empty();
            }
            if (downloads == null) {
                downloads = Files.createTempDirectory("pipewright-poms");
                downloads.toFile().deleteOnExit();
            }
            Path file =
                    Files.createDirectories(downloads.resolve(relative).getParent())
                            .resolve(artifact + "-" + version + ".pom");
            Files.write(file, res.body());
            file.toFile().deleteOnExit();
            return Optional.of(file);
        } catch (IOException e) {
            remoteDown = true;
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remoteDown = true;
            return Optional.empty();
        }
    }
}
