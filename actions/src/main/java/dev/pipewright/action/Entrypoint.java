package dev.pipewright.action;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The image's entrypoint: {@code <action-id>} as first argument (action.yml's {@code args}), inputs
 * from the env.
 */
public final class Entrypoint {
    private Entrypoint() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintWriter out =
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err =
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, System.getenv(), Path.of("").toAbsolutePath(), out, err);
    }

    /**
     * The same with the runner's environment and working directory given (tests simulate the
     * runner).
     */
    static int run(
            String[] args, Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err) {
        if (args.length != 1 || Actions.byId(args[0]).isEmpty()) {
            err.println(
                    "usage: entrypoint <action>; actions: "
                            + Actions.all().stream()
                                    .map(a -> a.descriptor().id())
                                    .collect(Collectors.joining(", ")));
            return ExitCode.BAD_INPUT;
        }
        return new ActionRunner(env, cwd, out, err).run(Actions.byId(args[0]).get());
    }
}
