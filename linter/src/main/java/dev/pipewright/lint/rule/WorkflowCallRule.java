package dev.pipewright.lint.rule;

import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls of local reusable workflows ({@code jobs.<id>.uses: ./.github/workflows/x.yml}): the file exists and is
 * callable, and {@code with:} and {@code secrets:} match its {@code on.workflow_call}. Remote workflows are not read.
 */
@Rule(id = "workflow-call", summary = "calls of local reusable workflows pass the inputs and secrets they declare")
public final class WorkflowCallRule extends LintRule {
    private LocalFiles local;

    @Override
    public void visitWorkflow(Workflow workflow) {
        local = new LocalFiles(ctx());
    }

    @Override
    public void visitJob(Workflow.Job job) {
        YScalar uses = job.body().scalar("uses").filter(YScalar::isString).filter(u -> !u.hasExpression()).orElse(null);
        if (uses == null || !LocalFiles.isLocal(uses.value().strip())) {
            return;
        }
        String v = uses.value().strip();
        if (!LocalFiles.isSelf(v) && v.contains("@")) {
            report(uses, "a local reusable workflow takes no @ref: it is read from the same commit; write \""
                    + v.substring(0, v.indexOf('@')) + "\"");
            return;
        }
        LocalFiles.Lookup found = local.workflow(v);
        if (found.file() == null) {
            if (found.missing() && !LocalFiles.isSelf(v)) {
                report(uses, "reusable workflow \"" + v + "\" does not exist; fix the path (it is relative to the repository root)");
            }
            return;
        }
        WorkflowCallSpec spec = local.read(found.file()).map(WorkflowCallSpec::of).orElse(null);
        if (spec == null) {
            return;
        }
        String name = "reusable workflow \"" + v + "\"";
        if (!spec.callable()) {
            report(uses, "workflow \"" + v + "\" cannot be called: it has no workflow_call trigger; add workflow_call under its on:");
            return;
        }
        checkInputs(job, uses, name, spec);
        checkSecrets(job, uses, name, spec);
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
                report(uses, "missing input \"" + in.name() + "\" which " + name + " requires; add it under with:");
            }
        }
        List<String> names = spec.inputs().stream().map(WorkflowCallSpec.Input::name).toList();
        for (YMap.Entry e : given.entries()) {
            WorkflowCallSpec.Input in = spec.inputs().stream().filter(i -> i.name().equalsIgnoreCase(e.key().value()))
                    .findFirst().orElse(null);
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
        boolean ok = switch (expected) {
            case "boolean" -> value instanceof YScalar s && s.type() == YScalar.Type.BOOL;
            case "number" -> value instanceof YScalar s && (s.type() == YScalar.Type.INT || s.type() == YScalar.Type.FLOAT
                    || s.isString() && s.value().strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
            // GitHub turns a boolean or number given to a string input into its text.
            default -> value instanceof YScalar;
        };
        if (!ok) {
            String given = value instanceof YScalar s ? s.kindName() + " " + quoted(s) : value.kindName();
            report(value, "input \"" + in.name() + "\" of " + name + " is a " + expected + ", but " + given + " is passed"
                    + (expected.equals("boolean") ? "; pass true or false" : expected.equals("number") ? "; pass a number" : ""));
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
                report(uses, "missing secret \"" + s.name() + "\" which " + name + " requires; add it under secrets:"
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
        return base + (declared.isEmpty() ? ", which declares no " + what + "s"
                : "; declared " + what + "s: " + String.join(", ", new TreeSet<>(declared)));
    }
}
