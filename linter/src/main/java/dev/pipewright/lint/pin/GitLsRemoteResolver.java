package dev.pipewright.lint.pin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Resolves tags with {@code git ls-remote --tags <base>/<owner>/<repo> refs/tags/<tag>*}: the
 * peeled {@code refs/tags/<tag>^{}} line gives an annotated tag's commit, the plain line a
 * lightweight tag's.
 */
public final class GitLsRemoteResolver implements TagResolver {
    /** Where repositories are cloned from; tests use a local directory instead. */
    public static final String DEFAULT_BASE_URL = "https://github.com";

    private final String baseUrl;

    public GitLsRemoteResolver(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public String resolve(String repository, String tag) throws ResolveException {
        String url = baseUrl + "/" + repository;
        String out = run(url, tag);
        String plain = null;
        String peeled = null;
        for (String line : out.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            if (parts[1].equals("refs/tags/" + tag + "^{}")) {
                peeled = parts[0];
            } else if (parts[1].equals("refs/tags/" + tag)) {
                plain = parts[0];
            }
        }
        String sha = peeled != null ? peeled : plain;
        if (sha == null) {
            throw new ResolveException(
                    "no tag "
                            + tag
                            + " in "
                            + repository
                            + " (git ls-remote "
                            + url
                            + " lists no refs/tags/"
                            + tag
                            + ")",
                    true);
        }
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new ResolveException(
                    repository + "@" + tag + ": git ls-remote gave '" + sha + "'", false);
        }
        return sha;
    }

    private static String run(String url, String tag) throws ResolveException {
        ProcessBuilder pb =
                new ProcessBuilder(
                        "git",
                        "ls-remote",
                        "--tags",
                        url,
                        "refs/tags/" + tag,
                        "refs/tags/" + tag + "^{}");
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.redirectErrorStream(false);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            String stderr =
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ResolveException("git ls-remote " + url + " timed out", false);
            }
            if (p.exitValue() != 0) {
                throw new ResolveException(
                        "git ls-remote " + url + " failed (exit " + p.exitValue() + "): " + stderr,
                        stderr.contains("not found")
                                || stderr.contains("does not appear to be a git repository"));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResolveException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolveException("interrupted while running git ls-remote", e);
        }
    }
}
