package dev.pipewright.cli;

import dev.pipewright.github.LockFile;
import dev.pipewright.lint.pin.GitHubTagResolver;
import dev.pipewright.lint.pin.GitLsRemoteResolver;
import dev.pipewright.lint.pin.Pinner;
import dev.pipewright.lint.pin.TagResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright pin}: the options and the printing of {@link Pinner}, which resolves {@code
 * owner/repo@tag} to the tag's commit and records it in the project's action lock, which the
 * generator reads when it pins {@code uses:} lines.
 */
@Command(
        name = "pin",
        mixinStandardHelpOptions = true,
        description = {
            "Resolve action tags to commit SHAs (annotated tags peeled) and record them in the action lock.",
            "With no ACTION, re-resolves every entry of the lock."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:lock written",
            "2:bad argument, unknown tag or unreadable lock",
            "3:could not ask GitHub (network, rate limit) or internal error"
        })
public final class PinCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "ACTION",
            arity = "0..*",
            description =
                    "owner/repo@tag to resolve (a sub-path such as github/codeql-action/upload-sarif@v4 is allowed).")
    List<String> actions = new ArrayList<>();

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description =
                    "Project root (default: the current directory); the lock is DIR/"
                            + LockFile.PROJECT_LOCK
                            + ".")
    Path out;

    /** The project root's old name, before every command called it --root. */
    @Option(names = "--out", paramLabel = "DIR", hidden = true)
    Path oldOut;

    @Option(
            names = "--lock",
            paramLabel = "FILE",
            description =
                    "Lock file to update instead (e.g. catalog/actions.lock for Pipewright's bundled lock).")
    Path lock;

    @Option(
            names = "--git",
            description = "Resolve with 'git ls-remote' instead of the GitHub REST API.")
    boolean git;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            defaultValue = GitHubTagResolver.DEFAULT_BASE_URL,
            description =
                    "GitHub REST API root (default: ${DEFAULT-VALUE}); GITHUB_TOKEN is sent when set.")
    String apiUrl;

    @Option(
            names = "--git-url",
            paramLabel = "URL",
            defaultValue = GitLsRemoteResolver.DEFAULT_BASE_URL,
            description =
                    "Base the repositories are listed from with --git (default: ${DEFAULT-VALUE}).")
    String gitUrl;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path file = lockFile();
        SortedMap<String, String> current;
        List<String> keys;
        try {
            current = Pinner.read(file);
            if (actions.isEmpty() && current.isEmpty()) {
                err.println(
                        "pipewright: "
                                + file
                                + " has no entries to re-resolve; name one, e.g."
                                + " pipewright pin actions/checkout@v7.0.1");
                return ExitCodes.USAGE;
            }
            keys = Pinner.keys(actions, current);
        } catch (IllegalArgumentException e) {
            err.println("pipewright: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!git && !apiUrl.matches("https?://[^\\s/]+.*")) {
            err.println("pipewright: --api-url: '" + apiUrl + "' is not an http(s) URL");
            return ExitCodes.USAGE;
        }
        TagResolver resolver =
                git
                        ? new GitLsRemoteResolver(gitUrl)
                        : new GitHubTagResolver(apiUrl, System.getenv("GITHUB_TOKEN"));
        SortedMap<String, String> updated;
        try {
            updated =
                    new Pinner(resolver)
                            .resolve(
                                    keys,
                                    current,
                                    p ->
                                            stdout.println(
                                                    p.key()
                                                            + ": "
                                                            + p.sha()
                                                            + " ("
                                                            + p.status()
                                                            + ")"));
        } catch (TagResolver.ResolveException e) {
            err.println("pipewright: " + e.getMessage() + "; nothing written");
            return e.notFound() ? ExitCodes.USAGE : ExitCodes.INTERNAL;
        }
        Pinner.write(file, updated);
        err.println(
                "pipewright: "
                        + keys.size()
                        + " entr"
                        + (keys.size() == 1 ? "y" : "ies")
                        + " resolved; wrote "
                        + file);
        return ExitCodes.OK;
    }

    private Path lockFile() {
        if (lock != null) {
            return lock.toAbsolutePath().normalize();
        }
        Path root = out != null ? out : oldOut;
        return (root == null ? Path.of("") : root)
                .toAbsolutePath()
                .normalize()
                .resolve(LockFile.PROJECT_LOCK);
    }
}
