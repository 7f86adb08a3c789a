import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.rule.BuiltInRules;
import java.nio.file.Path;
import java.util.List;

/**
 * Lints a directory with part of the rules, so bench/lint-corpus.sh can say what the time of
 * `pipewright lint` is made of: {@code syntax} runs only syntax-check (reading YAML, GitHub's
 * schema, discovery: the floor every rule adds to), {@code correctness} every rule but the security
 * audits, {@code all} every rule. No command line and no report. Usage: {@code java -cp
 * pipewright.jar:DIR LintStages syntax|correctness|all DIR}.
 */
public final class LintStages {
    private LintStages() {}

    public static void main(String[] args) throws Exception {
        List<RuleInfo> rules =
                switch (args[0]) {
                    case "syntax" ->
                            BuiltInRules.all().stream()
                                    .filter(r -> r.id().equals("syntax-check"))
                                    .toList();
                    case "correctness" ->
                            BuiltInRules.all().stream()
                                    .filter(r -> !"security".equals(r.category()))
                                    .toList();
                    case "all" -> BuiltInRules.all();
                    default ->
                            throw new IllegalArgumentException(
                                    "syntax, correctness or all: " + args[0]);
                };
        Path dir = Path.of(args[1]);
        List<Finding> findings = new Linter(LintConfig.empty(), rules).lintPaths(List.of(dir), dir);
        System.out.println(rules.size() + " rules, " + findings.size() + " findings");
    }
}
