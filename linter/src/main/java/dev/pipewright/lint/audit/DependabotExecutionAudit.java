package dev.pipewright.lint.audit;

import dev.pipewright.lint.Linter;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YamlFile;

/**
 * In {@code .github/dependabot.yml}: {@code insecure-external-code-execution: allow} lets
 * Dependabot run code from the manifests it updates (setup.py, gemspecs, npm scripts), so a
 * compromised dependency runs with Dependabot's credentials and private-registry access. The
 * default, {@code deny}, keeps updates to what resolution needs without running code.
 */
@Rule(
        id = "dependabot-execution",
        summary = "Dependabot does not run code from the dependencies it updates",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class DependabotExecutionAudit extends AuditRule {
    @Override
    public void visitFile(YamlFile yaml) {
        if (ctx().kind() != Linter.Kind.DEPENDABOT || !(yaml.root() instanceof YMap root)) {
            return;
        }
        root.seq("updates")
                .ifPresent(
                        seq -> {
                            for (YNode n : seq.items()) {
                                if (n instanceof YMap update) {
                                    update.scalar("insecure-external-code-execution")
                                            .filter(v -> v.value().equals("allow"))
                                            .ifPresent(
                                                    v ->
                                                            report(
                                                                    v,
                                                                    "the "
                                                                            + update.string(
                                                                                            "package-ecosystem")
                                                                                    .orElse("?")
                                                                            + " updates may run code from"
                                                                            + " the dependencies they update, with Dependabot's credentials; remove"
                                                                            + " \"insecure-external-code-execution: allow\" (the default is deny)"));
                                }
                            }
                        });
    }
}
