package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.audit.Triggers;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Calls of reusable workflows ({@code jobs.<id>.uses: ./.github/workflows/x.yml}): the file exists
 * and is callable, {@code with:} and {@code secrets:} match its {@code on.workflow_call}, and it
 * asks for no more token permissions than the calling job has. Workflows of other repositories are
 * read only from the copies the configuration's {@code reusable-workflows:} names.
 */
@Rule(
        id = "workflow-call",
        summary =
                "calls of reusable workflows pass the inputs and secrets they declare and grant the permissions they ask for")
public final class WorkflowCallRule extends LintRule {
    private LocalFiles local;
    private Workflow workflow;

    @Override
    public void visitWorkflow(Workflow workflow) {
        local = new LocalFiles(ctx());
        this.workflow = workflow;
    }

    /**
     * Another repository's workflow: owner, repository, the file's path and a ref, as GitHub's
     * parser reads a job's {@code uses} (a path without a ref, or without an owner, is refused).
     */
    private static final Pattern REMOTE_CALL =
            Pattern.compile("[^/@\\s]+/[^/@\\s]+/[^@\\s]+@[^@\\s]+");

    @Override
    public void visitJob(Workflow.Job job) {
        YScalar uses =
                job.body()
                        .scalar("uses")
                        .filter(YScalar::isString)
                        .filter(u -> !u.hasExpression())
                        .orElse(null);
        if (uses == null) {
            return;
        }
        String v = uses.value().strip();
        Path supplied = local.configuredWorkflow(v).orElse(null);
        if (supplied != null) {
            // another repository's workflow, read from the copy the configuration names
            YMap root = local.read(supplied).orElse(null);
            if (root == null) {
                report(
                        uses,
                        "cannot read "
                                + supplied
                                + ", the copy of \""
                                + v
                                + "\" that the configuration's"
                                + " reusable-workflows names: it is missing or not a YAML mapping; fix the path or the file");
            } else {
                check(job, uses, v, new Callee(root, "reusable workflow \"" + v + "\"", false));
            }
            return;
        }
        if (!LocalFiles.isLocal(v)) {
            if (!REMOTE_CALL.matcher(v).matches()) {
                report(
                        uses,
                        "reusable workflow call \""
                                + v
                                + "\" is neither \"./path/to/workflow.yml\" nor"
                                + " \"owner/repo/path/to/workflow.yml@ref\"; GitHub cannot find the workflow");
            }
            return;
        }
        if (!LocalFiles.isSelf(v) && v.contains("@")) {
            report(
                    uses,
                    "a local reusable workflow takes no @ref: it is read from the same commit; write \""
                            + v.substring(0, v.indexOf('@'))
                            + "\"");
            return;
        }
        LocalFiles.Lookup found = local.workflow(v);
        if (found.file() == null) {
            if (found.missing() && !LocalFiles.isSelf(v)) {
                report(
                        uses,
                        "reusable workflow \""
                                + v
                                + "\" does not exist; fix the path (it is relative to the repository root)");
            }
            return;
        }
        local.read(found.file())
                .map(root -> new Callee(root, "reusable workflow \"" + v + "\"", true))
                .ifPresent(c -> check(job, uses, v, c));
    }

    /**
     * A called workflow's top-level mapping, how messages name it, and whether it is in this
     * repository (where its own {@code ./} calls can be read).
     */
    private record Callee(YMap root, String name, boolean here) {}

    private void check(Workflow.Job job, YScalar uses, String v, Callee callee) {
        WorkflowCallSpec spec = WorkflowCallSpec.of(callee.root());
        if (!spec.callable()) {
            report(
                    uses,
                    "workflow \""
                            + v
                            + "\" cannot be called: it has no workflow_call trigger; add workflow_call under its on:");
            return;
        }
        checkInputs(job, uses, callee.name(), spec);
        checkSecrets(job, uses, callee.name(), spec);
        checkPermissions(job, callee);
    }

    /**
     * GitHub refuses a call when the called workflow asks for more GITHUB_TOKEN access than the
     * calling job has: "the GITHUB_TOKEN permissions passed from the caller workflow can be only
     * downgraded (not elevated) by the called workflow". The called workflow's own {@code
     * permissions:} and each of its jobs' are compared, scope by scope, with the calling job's,
     * else the calling workflow's, else the repository's default; reported at the calling job,
     * where GitHub reports it. A called job without {@code permissions:} inherits the caller's and
     * asks for nothing more. The repository default is a setting, not a file: without {@code
     * default-token-permissions} in the configuration a call that depends on it is not checked (a
     * guess either way would report false errors); nor is it when the calling workflow is itself
     * only called, as its token is then its caller's.
     */
    private void checkPermissions(Workflow.Job job, Callee callee) {
        String source;
        YNode given = job.body().get("permissions").orElse(null);
        if (given != null) {
            source = "the calling job's permissions:";
        } else {
            given = workflow.root().get("permissions").orElse(null);
            source = "the calling workflow's permissions:";
        }
        TokenPermissions allowed;
        if (given != null) {
            allowed = TokenPermissions.parse(given).orElse(null);
        } else {
            // a workflow run only by workflow_call gets its token from its own caller, whose grant
            // is unknown here
            LintConfig.DefaultTokenPermissions policy =
                    Triggers.onlyCalled(workflow) ? null : ctx().config().defaultTokenPermissions();
            allowed = policy == null ? null : TokenPermissions.ofDefault(policy);
            source =
                    "the repository's "
                            + (policy == null ? "" : policy.name().toLowerCase(Locale.ROOT))
                            + " default token permissions";
        }
        if (allowed == null) {
            return;
        }
        compareAsked(job, callee, "", allowed, source);
        checkNested(job, callee, allowed, source, new HashSet<>(Set.of(callee.name())));
    }

    /**
     * Compares what a called workflow asks for, its top-level {@code permissions:} and each of its
     * jobs', with what it is {@code allowed}; {@code via} says how a nested one is reached.
     */
    private void compareAsked(
            Workflow.Job job, Callee callee, String via, TokenPermissions allowed, String source) {
        callee.root()
                .get("permissions")
                .ifPresent(p -> compare(job, callee.name() + via + " asks", p, allowed, source));
        if (callee.root().get("jobs").orElse(null) instanceof YMap jobs) {
            for (YMap.Entry e : jobs.entries()) {
                if (e.value() instanceof YMap body) {
                    body.get("permissions")
                            .ifPresent(
                                    p ->
                                            compare(
                                                    job,
                                                    "job \""
                                                            + jobName(e)
                                                            + "\" of "
                                                            + callee.name()
                                                            + via
                                                            + " asks",
                                                    p,
                                                    allowed,
                                                    source));
                }
            }
        }
    }

    /** How deep nested calls are followed; GitHub allows ten levels of workflows. */
    private static final int MAX_NESTING = 10;

    /**
     * A called workflow's own calls: a nested job gets the token of the job that calls it, so it
     * may ask for no more than that job's {@code permissions:}, else its workflow's, else what the
     * called workflow was given. GitHub reports it as an error calling the nested workflow; the
     * call from this file is what fails, so it is reported at the calling job here.
     */
    private void checkNested(
            Workflow.Job job,
            Callee callee,
            TokenPermissions allowed,
            String source,
            Set<String> seen) {
        if (seen.size() > MAX_NESTING
                || !(callee.root().get("jobs").orElse(null) instanceof YMap jobs)) {
            return;
        }
        YNode calleeLevel = callee.root().get("permissions").orElse(null);
        for (YMap.Entry e : jobs.entries()) {
            if (!(e.value() instanceof YMap body)) {
                continue;
            }
            String v =
                    body.scalar("uses")
                            .filter(YScalar::isString)
                            .filter(u -> !u.hasExpression())
                            .map(u -> u.value().strip())
                            .orElse(null);
            Callee inner = v == null ? null : nestedCallee(v, callee.here());
            if (inner == null || !seen.add(inner.name())) {
                continue;
            }
            YNode own = body.get("permissions").orElse(null);
            YNode given = own != null ? own : calleeLevel;
            TokenPermissions grant =
                    given == null ? allowed : TokenPermissions.parse(given).orElse(null);
            if (grant == null) {
                continue;
            }
            String grantSource =
                    own != null
                            ? "the permissions: of job \"" + jobName(e) + "\" of " + callee.name()
                            : given != null ? "the permissions: of " + callee.name() : source;
            compareAsked(
                    job,
                    inner,
                    ", called by job \"" + jobName(e) + "\" of " + callee.name() + ",",
                    grant,
                    grantSource);
            checkNested(job, inner, grant, grantSource, seen);
        }
    }

    /**
     * The workflow a called workflow's job calls, when a copy can be read: another repository's
     * through the configuration's {@code reusable-workflows:}, a {@code ./} path only when the
     * calling workflow is in this repository.
     */
    private Callee nestedCallee(String v, boolean fromHere) {
        Path supplied = local.configuredWorkflow(v).orElse(null);
        if (supplied != null) {
            return local.read(supplied)
                    .map(r -> new Callee(r, "reusable workflow \"" + v + "\"", false))
                    .orElse(null);
        }
        if (!fromHere || !LocalFiles.isLocal(v) || v.contains("@")) {
            return null;
        }
        LocalFiles.Lookup found = local.workflow(v);
        return found.file() == null
                ? null
                : local.read(found.file())
                        .map(r -> new Callee(r, "reusable workflow \"" + v + "\"", true))
                        .orElse(null);
    }

    private void compare(
            Workflow.Job job,
            String who,
            YNode requested,
            TokenPermissions allowed,
            String source) {
        TokenPermissions asked = TokenPermissions.parse(requested).orElse(null);
        if (asked == null) {
            return;
        }
        List<String> beyond = asked.beyond(allowed);
        if (!beyond.isEmpty()) {
            report(
                    job.id(),
                    who
                            + " for "
                            + asked.describe(beyond)
                            + ", but the call is only allowed "
                            + allowed.describe(beyond)
                            + " ("
                            + source
                            + "); GitHub refuses the call: grant "
                            + (beyond.size() == 1 ? "it" : "them")
                            + " to the calling job");
        }
    }

    /**
     * The name GitHub gives a called job in its messages: its literal {@code name:}, else its id.
     */
    private static String jobName(YMap.Entry job) {
        return job.value() instanceof YMap body
                ? body.scalar("name")
                        .filter(YScalar::isString)
                        .filter(n -> !n.hasExpression())
                        .map(YScalar::value)
                        .orElse(job.key().value())
                : job.key().value();
    }

    private void checkInputs(Workflow.Job job, YScalar uses, String name, WorkflowCallSpec spec) {
        YNode with = job.body().get("with").orElse(null);
        if (with != null && !(with instanceof YMap)) {
            return;
        }
        YMap given = with instanceof YMap m ? m : new YMap(List.of(), uses.pos());
        Set<String> passed = lowerKeys(given);
        for (WorkflowCallSpec.Input in : spec.inputs()) {
            if (in.required() && !passed.contains(in.name().toLowerCase(Locale.ROOT))) {
                report(
                        uses,
                        "missing input \""
                                + in.name()
                                + "\" which "
                                + name
                                + " requires; add it under with:");
            }
        }
        List<String> names = spec.inputs().stream().map(WorkflowCallSpec.Input::name).toList();
        for (YMap.Entry e : given.entries()) {
            WorkflowCallSpec.Input in =
                    spec.inputs().stream()
                            .filter(i -> i.name().equalsIgnoreCase(e.key().value()))
                            .findFirst()
                            .orElse(null);
            if (in == null) {
                if (!spec.dynamic() && !e.key().hasExpression()) {
                    report(e.key(), undeclared("input", e.key().value(), name, names));
                }
            } else {
                checkType(in, e.value(), name);
            }
        }
    }

    /** Literal values only: an expression's type is known when the call runs. */
    private void checkType(WorkflowCallSpec.Input in, YNode value, String name) {
        String expected = in.type();
        if (value instanceof YScalar s && (s.hasExpression() || s.isNull())) {
            return;
        }
        boolean ok =
                switch (expected) {
                    case "boolean" -> value instanceof YScalar s && s.type() == YScalar.Type.BOOL;
                    case "number" ->
                            value instanceof YScalar s
                                    && (s.type() == YScalar.Type.INT
                                            || s.type() == YScalar.Type.FLOAT
                                            || s.isString()
                                                    && s.value()
                                                            .strip()
                                                            .matches(
                                                                    "[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
                    // GitHub turns a boolean or number given to a string input into its text.
                    default -> value instanceof YScalar;
                };
        if (!ok) {
            String given =
                    value instanceof YScalar s ? s.kindName() + " " + quoted(s) : value.kindName();
            report(
                    value,
                    "input \""
                            + in.name()
                            + "\" of "
                            + name
                            + " is a "
                            + expected
                            + ", but "
                            + given
                            + " is passed"
                            + (expected.equals("boolean")
                                    ? "; pass true or false"
                                    : expected.equals("number") ? "; pass a number" : ""));
        }
    }

    private void checkSecrets(Workflow.Job job, YScalar uses, String name, WorkflowCallSpec spec) {
        YNode secrets = job.body().get("secrets").orElse(null);
        if (secrets instanceof YScalar s && s.value().equals("inherit")) {
            return;
        }
        if (secrets != null && !(secrets instanceof YMap)) {
            return;
        }
        YMap given = secrets instanceof YMap m ? m : new YMap(List.of(), uses.pos());
        Set<String> passed = lowerKeys(given);
        for (WorkflowCallSpec.Secret s : spec.secrets()) {
            if (s.required() && !passed.contains(s.name().toLowerCase(Locale.ROOT))) {
                report(
                        uses,
                        "missing secret \""
                                + s.name()
                                + "\" which "
                                + name
                                + " requires; add it under secrets:"
                                + " or pass secrets: inherit");
            }
        }
        List<String> names = spec.secrets().stream().map(WorkflowCallSpec.Secret::name).toList();
        for (YMap.Entry e : given.entries()) {
            boolean declared = names.stream().anyMatch(n -> n.equalsIgnoreCase(e.key().value()));
            if (!declared && !spec.dynamic() && !e.key().hasExpression()) {
                report(e.key(), undeclared("secret", e.key().value(), name, names));
            }
        }
    }

    private static Set<String> lowerKeys(YMap m) {
        Set<String> keys = new TreeSet<>();
        m.keys().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        return keys;
    }

    private static String quoted(YScalar s) {
        return s.isString() ? "\"" + s.value() + "\"" : s.value();
    }

    private static String undeclared(String what, String key, String name, List<String> declared) {
        String close = Suggest.closest(key, declared);
        String base = what + " \"" + key + "\" is not declared by " + name;
        if (close != null) {
            return base + "; did you mean \"" + close + "\"?";
        }
        return base
                + (declared.isEmpty()
                        ? ", which declares no " + what + "s"
                        : "; declared "
                                + what
                                + "s: "
                                + String.join(", ", new TreeSet<>(declared)));
    }
}
