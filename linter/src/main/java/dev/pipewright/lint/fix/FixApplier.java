package dev.pipewright.lint.fix;

import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdits;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YamlFile;
import dev.pipewright.lint.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pipewright lint --fix} on one text: applies the fixes the rules propose with their
 * findings, keeping every other byte (comments, quoting, order) as it is. One pass per fixable
 * rule, each linting the previous pass's output, so a fix is always computed on the text it edits;
 * a rule proposes a fix only where it applies, so a second run changes nothing. A file that is not
 * clean YAML is left alone, and a finding the configuration or an ignore comment suppresses is not
 * fixed: an accepted risk stays as the author left it.
 */
public final class FixApplier {
    /** One change, for the report: the 1-based line in the fixed text, the rule, what changed. */
    public record Change(int line, String rule, String description) {}

    /** The fixed text and its changes (none: the text is returned unchanged). */
    public record Result(String text, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }

        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    /**
     * The rules that propose fixes, in the order their passes run: pins first, so the changes are
     * listed the way {@code --fix} has always printed them. {@code FixApplierTest} holds every
     * {@code fixable} audit to this list.
     */
    public static final List<String> RULES =
            List.of(
                    "known-vulnerable-actions",
                    "unpinned-uses",
                    "excessive-permissions",
                    "artipacked",
                    "template-injection");

    private final List<Linter> passes = new ArrayList<>();

    public FixApplier(LintConfig config) {
        for (String id : RULES) {
            RuleInfo rule =
                    BuiltInRules.all().stream()
                            .filter(r -> r.id().equals(id))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no rule " + id));
            passes.add(new Linter(config, List.of(rule)));
        }
    }

    /**
     * The fixed {@code source} of {@code file} (the name {@code lint} shows, which the
     * configuration's ignores match); {@code projectRoot} (null: unknown) holds the action lock the
     * pins come from.
     */
    public Result fix(String file, String source, Linter.Kind kind, Path projectRoot) {
        List<Change> changes = new ArrayList<>();
        String text = source;
        for (Linter pass : passes) {
            YamlFile yaml = new YamlLoader().load(text);
            if (yaml.fatal() || !yaml.problems().isEmpty() || !(yaml.root() instanceof YMap)) {
                break;
            }
            text = apply(text, pass.lintSource(file, text, kind, projectRoot), changes);
        }
        return new Result(text, changes);
    }

    /**
     * Applies the findings' fixes that fit together; one that overlaps an earlier one is left for
     * the next run.
     */
    private static String apply(String text, List<Finding> findings, List<Change> changes) {
        // a fix proposed for several findings (one permissions block for every job) is applied once
        Set<Fix> fixes = new LinkedHashSet<>();
        List<String> rules = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() != null && fixes.add(f.fix())) {
                rules.add(f.rule());
            }
        }
        if (fixes.isEmpty()) {
            return text;
        }
        TextEdits edits = new TextEdits(text);
        List<String> ruleOf = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        int n = 0;
        for (Fix fix : fixes) {
            String rule = rules.get(n++);
            if (!edits.fits(fix.textEdits())) {
                continue;
            }
            for (Fix.Edit e : fix.edits()) {
                edits.add(e.edit());
                ruleOf.add(rule);
                descriptions.add(e.description());
            }
        }
        TextEdits.Result result = edits.apply();
        LineOffsets fixed = new LineOffsets(result.text());
        List<Integer> byPosition = new ArrayList<>();
        for (int i = 0; i < result.starts().size(); i++) {
            byPosition.add(i);
        }
        byPosition.sort(Comparator.comparingInt(result.starts()::get));
        for (int i : byPosition) {
            changes.add(
                    new Change(
                            fixed.lineOf(result.starts().get(i)),
                            ruleOf.get(i),
                            descriptions.get(i)));
        }
        return result.text();
    }
}
