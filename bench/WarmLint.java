import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The warm engine's steady throughput: one JVM, one {@link Linter}, the same folder linted PASSES
 * times; prints each pass and the median of the second half (the passes after the JIT has settled),
 * so bench/anchor.sh can set it against a native actionlint process on the same folder. STAGE says
 * how much of the lint runs, to show where a pass's time goes: {@code all} (default) every rule;
 * {@code syntax} only syntax-check (reading, YAML, GitHub's schema); {@code yaml} only reading the
 * files and SnakeYAML into our position-carrying tree, on the same number of threads, no rule at
 * all. Shellcheck follows $PIPEWRIGHT_SHELLCHECK. Usage: {@code java -cp pipewright.jar
 * bench/WarmLint.java DIR [PASSES [all|syntax|yaml]]}.
 */
public final class WarmLint {
    private WarmLint() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String stage = args.length > 2 ? args[2] : "all";
        List<RuleInfo> rules =
                stage.equals("syntax")
                        ? BuiltInRules.all().stream()
                                .filter(r -> r.id().equals("syntax-check"))
                                .toList()
                        : BuiltInRules.all();
        Linter linter = new Linter(LintConfig.empty(), rules);
        List<Path> files = Linter.expand(dir);
        double[] seconds = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            long count =
                    stage.equals("yaml")
                            ? yamlOnly(files)
                            : linter.lintPaths(List.of(dir), dir).size();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            System.err.printf(
                    "pass %d: %.3f s, %d %s%n",
                    i + 1, seconds[i], count, stage.equals("yaml") ? "documents" : "findings");
        }
        double[] settled = Arrays.copyOfRange(seconds, passes / 2, passes);
        Arrays.sort(settled);
        System.out.printf("%.3f%n", settled[(settled.length - 1) / 2]);
    }

    /**
     * Reads and parses every file as the linter does (one tree per file, in parallel), with nothing
     * after it.
     */
    private static long yamlOnly(List<Path> files) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(4 * Runtime.getRuntime().availableProcessors());
        try {
            return pool.submit(
                            () ->
                                    files.parallelStream()
                                            .mapToLong(
                                                    f -> {
                                                        try {
                                                            return new YamlLoader()
                                                                    .load(Files.readString(f))
                                                                    .documents()
                                                                    .size();
                                                        } catch (IOException e) {
                                                            throw new UncheckedIOException(e);
                                                        }
                                                    })
                                            .sum())
                    .get();
        } finally {
            pool.shutdown();
        }
    }
}
