package dev.pipewright.cli;

import dev.pipewright.github.Uses;
import dev.pipewright.cli.pin.GitHubTagResolver;
import dev.pipewright.cli.pin.GitLsRemoteResolver;
import dev.pipewright.cli.pin.TagResolver;
import dev.pipewright.pipeline.ActionLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright pin}: resolves {@code owner/repo@tag} to the tag's commit and records it in the
 * project's action lock, which the generator reads when it pins {@code uses:} lines.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = {
            "Resolve action tags to commit SHAs (annotated tags peeled) and record them in the action lock.",
            "With no ACTION, re-resolves every entry of the lock."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:lock written", "2:bad argument, unknown tag or unreadable lock",
            "3:could not ask GitHub (network, rate limit) or internal error"})
public final class PinCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", arity = "0..*",
            description = "owner/repo@tag to resolve (a sub-path such as github/codeql-action/upload-sarif@v4 is allowed).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR",
            description = "Project root (default: the current directory); the lock is DIR/" + ActionLock.PROJECT_LOCK + ".")
    Path out;

    /** The project root's old name, before every command called it --root. */
    @Option(names = "--out", paramLabel = "DIR", hidden = true)
    Path oldOut;

    @Option(names = "--lock", paramLabel = "FILE",
            description = "Lock file to update instead (e.g. catalog/actions.lock for Pipewright's bundled lock).")
    Path lock;

    @Option(names = "--git", description = "Resolve with 'git ls-remote' instead of the GitHub REST API.")
    boolean git;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = GitHubTagResolver.DEFAULT_BASE_URL,
            description = "GitHub REST API root (default: ${DEFAULT-VALUE}); GITHUB_TOKEN is sent when set.")
    String apiUrl;

    @Option(names = "--git-url", paramLabel = "URL", defaultValue = GitLsRemoteResolver.DEFAULT_BASE_URL,
            description = "Base the repositories are listed from with --git (default: ${DEFAULT-VALUE}).")
    String gitUrl;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path file = lockFile();
        ActionLock current;
        try {
            current = Files.isRegularFile(file) ? ActionLock.read(file) : ActionLock.empty();
        } catch (IllegalArgumentException e) {
            err.println("pipewright: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<String[]> wanted = new ArrayList<>();
        try {
            if (actions.isEmpty()) {
                if (current.entries().isEmpty()) {
                    err.println("pipewright: " + file + " has no entries to re-resolve; name one, e.g."
                            + " pipewright pin actions/checkout@v7.0.1");
                    return ExitCodes.USAGE;
                }
                current.entries().keySet().forEach(k -> wanted.add(ActionLock.splitKey(k)));
            } else {
                for (String a : actions) {
                    wanted.add(parse(a));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("pipewright: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!git && !apiUrl.matches("https?://[^\\s/]+.*")) {
            err.println("pipewright: --api-url: '" + apiUrl + "' is not an http(s) URL");
            return ExitCodes.USAGE;
        }
        TagResolver resolver = git ? new GitLsRemoteResolver(gitUrl)
                : new GitHubTagResolver(apiUrl, System.getenv("GITHUB_TOKEN"));
        ActionLock updated = current;
        for (String[] w : wanted) {
            String key = w[0] + "@" + w[1];
            try {
                String sha = resolver.resolve(w[0], w[1]);
                String before = current.entries().get(key);
                updated = updated.with(key, sha);
                stdout.println(key + ": " + sha + (before == null ? " (added)"
                        : before.equals(sha) ? " (unchanged)" : " (was " + before + ")"));
            } catch (TagResolver.ResolveException e) {
                err.println("pipewright: " + e.getMessage() + "; nothing written");
                return e.notFound() ? ExitCodes.USAGE : ExitCodes.INTERNAL;
            }
        }
        write(file, updated.format());
        err.println("pipewright: " + wanted.size() + " entr" + (wanted.size() == 1 ? "y" : "ies") + " resolved; wrote "
                + file);
        return ExitCodes.OK;
    }

    private Path lockFile() {
        if (lock != null) {
            return lock.toAbsolutePath().normalize();
        }
        Path root = out != null ? out : oldOut;
        return (root == null ? Path.of("") : root).toAbsolutePath().normalize().resolve(ActionLock.PROJECT_LOCK);
    }

    /** {@code owner/repo[/path]@tag} to {repository, tag}. */
    static String[] parse(String action) {
        Uses uses = Uses.parse(action)
                .orElseThrow(() -> new IllegalArgumentException("'" + action + "' is not owner/repo@tag"));
        return ActionLock.splitKey(uses.repository() + "@" + uses.ref());
    }

    /** Temp file beside the lock, then a move, so a reader never sees half a lock. */
    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
