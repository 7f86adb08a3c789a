package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;

/** Branch, tag and path filter patterns: glob syntax, names git allows, patterns that can match. */
@Rule(
        id = "glob",
        summary = "branch, tag and path filters are valid glob patterns that can match something")
public final class GlobRule extends LintRule {
    private static final List<String> REF_FILTERS =
            List.of("branches", "branches-ignore", "tags", "tags-ignore");
    private static final List<String> PATH_FILTERS = List.of("paths", "paths-ignore");

    @Override
    public void visitWorkflow(Workflow workflow) {
        workflow.on()
                .ifPresent(
                        on ->
                                on.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof YMap filters) {
                                                        // "tags: ['!**']" next to "branches" means
                                                        // "no tags": an idiom, not a mistake.
                                                        boolean both =
                                                                filters.get("branches").isPresent()
                                                                        && filters.get("tags")
                                                                                .isPresent();
                                                        REF_FILTERS.forEach(
                                                                f ->
                                                                        filters.get(f)
                                                                                .ifPresent(
                                                                                        n ->
                                                                                                check(
                                                                                                        f,
                                                                                                        Nodes
                                                                                                                .scalars(
                                                                                                                        n),
                                                                                                        true,
                                                                                                        both)));
                                                        PATH_FILTERS.forEach(
                                                                f ->
                                                                        filters.get(f)
                                                                                .ifPresent(
                                                                                        n ->
                                                                                                check(
                                                                                                        f,
                                                                                                        Nodes
                                                                                                                .scalars(
                                                                                                                        n),
                                                                                                        false,
                                                                                                        false)));
                                                    }
                                                }));
    }

    private void check(
            String filter, List<YScalar> patterns, boolean ref, boolean siblingRefFilter) {
        boolean positive = false;
        for (YScalar p : patterns) {
            String v = p.value();
            if (!p.isString() || v.isEmpty()) {
                positive = true;
                continue;
            }
            boolean negated = v.startsWith("!");
            positive |= !negated;
            String body = negated ? v.substring(1) : v;
            if (filter.endsWith("-ignore") && negated) {
                // "ignore everything but X" is "only X": the positive filter lists X itself,
                // without "!"
                report(
                        p.pos(),
                        Severity.WARNING,
                        "\""
                                + filter
                                + "\" does not document \"!\" patterns; to run only for"
                                + " \""
                                + body
                                + "\", use \""
                                + filter.replace("-ignore", "")
                                + ": ["
                                + body
                                + "]\" instead, or list"
                                + " the patterns to ignore without \"!\"");
                continue;
            }
            String err = syntax(body);
            if (err == null && ref) {
                err = refError(body);
            }
            if (err == null && !ref && !body.equals(body.strip())) {
                // file paths never start or end with blanks here: the pattern matches nothing
                err =
                        "starts or ends with spaces, which no path in the repository does; remove them";
            }
            if (err == null && !ref && (body.startsWith("./") || body.startsWith("/"))) {
                err =
                        "starts with \""
                                + (body.startsWith("/") ? "/" : "./")
                                + "\", but paths are matched relative to the"
                                + " repository root without it, so it never matches";
            }
            if (err != null) {
                report(p, "pattern \"" + v + "\" in \"" + filter + "\" " + err);
            } else if (ref && body.startsWith("refs/")) {
                report(
                        p.pos(),
                        Severity.WARNING,
                        "pattern \""
                                + v
                                + "\" in \""
                                + filter
                                + "\" starts with \"refs/\", but"
                                + " GitHub matches short names such as \"main\" or \"v1.*\"");
            }
        }
        if (!positive && !patterns.isEmpty() && !filter.endsWith("-ignore") && !siblingRefFilter) {
            report(
                    patterns.get(0),
                    "every pattern in \""
                            + filter
                            + "\" starts with \"!\", so nothing matches; add a"
                            + " positive pattern such as \"**\" first");
        }
    }

    private static String syntax(String body) {
        if (body.isEmpty()) {
            return "is empty after \"!\"";
        }
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && open < 0) {
                open = i;
            } else if (c == ']' && open >= 0) {
                if (i == open + 1) {
                    return "has an empty character class \"[]\"";
                }
                open = -1;
            }
        }
        return open >= 0 ? "has \"[\" at offset " + open + " without a closing \"]\"" : null;
    }

    private static String refError(String body) {
        if (body.contains(" ")) {
            return "contains a space, which git does not allow in ref names";
        }
        for (char c : new char[] {'~', '^', ':', '\\'}) {
            if (body.indexOf(c) >= 0 && !(c == '\\' && body.matches(".*\\\\[*?+\\[\\]!].*"))) {
                return "contains \"" + c + "\", which git does not allow in ref names";
            }
        }
        if (body.contains("..")) {
            return "contains \"..\", which git does not allow in ref names";
        }
        return null;
    }
}
