package dev.pipewright.stacks.actions;

import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.OutputSpec;
import java.util.List;

/**
 * Stand-ins for the descriptors of actions still being built on other branches (sbom: issue 4;
 * promote and health-gate: issue 6), written from the input and output names in those issues'
 * CLI contracts. When an action lands in {@code Actions.all()}, {@link OwnBindingsUpToDateTest}
 * fails until its entry here is deleted and the bindings are regenerated from the real descriptor.
 */
final class PendingDescriptors {
    private PendingDescriptors() {}

    static List<ActionDescriptor> all() {
        return List.of(sbom(), promote(), healthGate());
    }

    static ActionDescriptor sbom() {
        return new ActionDescriptor("sbom", "Pipewright SBOM",
                "SPDX 2.3 and CycloneDX 1.6 documents from lockfiles, Go binaries, jars and workflows.", "Pipewright",
                List.of(
                        InputSpec.of("path", "Directory or file to describe.").withDefault("."),
                        InputSpec.of("format", "spdx-json, cyclonedx-json, or both comma-separated.").withDefault("spdx-json"),
                        InputSpec.of("output", "File (one format) or directory (several formats) to write."),
                        InputSpec.of("name", "Name of the described artifact."),
                        InputSpec.of("version", "Version of the described artifact."),
                        InputSpec.of("include-dev", "Include development dependencies.").withDefault("false"),
                        InputSpec.of("source-date-epoch", "Fixed creation time (seconds since the epoch) for reproducible documents.")),
                List.of(
                        new OutputSpec("spdx-file", "The SPDX document written."),
                        new OutputSpec("cyclonedx-file", "The CycloneDX document written."),
                        new OutputSpec("component-count", "Number of components described.")),
                new Branding("package", "blue"));
    }

    static ActionDescriptor promote() {
        return new ActionDescriptor("promote", "Pipewright promote",
                "Policy-gated promotion: wait for images, verify signatures and SBOM attestations, enforce the"
                        + " vulnerability policy, rewrite Helm values or kustomizations with tags and digests, and open"
                        + " or update one pull request.", "Pipewright",
                List.of(
                        InputSpec.of("env", "Target environment, e.g. production.").asRequired(),
                        InputSpec.of("image", "Images as name=registry/repo:tag[@sha256:...], one per line.").asRequired()
                                .multipleValues(),
                        InputSpec.of("helm-values", "Helm values files to rewrite, FILE[:yaml.path.to.image], one per line.")
                                .multipleValues(),
                        InputSpec.of("kustomization", "kustomization.yaml files to rewrite, one per line.").multipleValues(),
                        InputSpec.of("key", "Public key for the signature and attestation checks (keyless when empty)."),
                        InputSpec.of("certificate-identity", "Keyless: the expected certificate identity."),
                        InputSpec.of("certificate-oidc-issuer", "Keyless: the expected OIDC issuer."),
                        InputSpec.of("trivy-report", "Trivy JSON reports, one per line.").multipleValues(),
                        InputSpec.of("allowlist", "Waivers: .trivyignore (with exp:), .trivyignore.yaml or OpenVEX."),
                        InputSpec.of("fail-on", "Severities that fail the policy, comma-separated.").withDefault("HIGH,CRITICAL"),
                        InputSpec.of("ignore-unfixed", "Ignore findings without a fixed version.").withDefault("false"),
                        InputSpec.of("github-token", "Token with contents and pull-requests write.").secretValue(),
                        InputSpec.of("base", "Base branch of the pull request (default: the repository default)."),
                        InputSpec.of("branch", "Branch of the pull request (default: promote/<env>)."),
                        InputSpec.of("labels", "Labels of the pull request, comma-separated."),
                        InputSpec.of("dry-run", "Run the gates and write the patch and PR body, call no API.")
                                .withDefault("false"),
                        InputSpec.of("output-dir", "Directory for promotion.patch and pr-body.md.")),
                List.of(
                        new OutputSpec("pull-request-number", "Number of the promotion pull request."),
                        new OutputSpec("pull-request-url", "URL of the promotion pull request."),
                        new OutputSpec("operation", "created, updated or none.")),
                new Branding("git-pull-request", "green"));
    }

    static ActionDescriptor healthGate() {
        return new ActionDescriptor("health-gate", "Pipewright health gate",
                "Probes an HTTP(S) URL or a command with exponential backoff and jitter until healthy or the timeout.",
                "Pipewright",
                List.of(
                        InputSpec.of("url", "URL to probe (HTTP or HTTPS)."),
                        InputSpec.of("command", "Command whose exit code is the health (instead of url)."),
                        InputSpec.of("expect-status", "Expected HTTP status codes, comma-separated.").withDefault("200"),
                        InputSpec.of("timeout", "Overall time limit, e.g. 60s or 5m.").withDefault("60s"),
                        InputSpec.of("interval", "First retry interval.").withDefault("2s"),
                        InputSpec.of("max-interval", "Longest retry interval.").withDefault("30s")),
                List.of(
                        new OutputSpec("healthy", "true when the target became healthy."),
                        new OutputSpec("attempts", "Number of probes made."),
                        new OutputSpec("elapsed", "Time until the verdict.")),
                new Branding("activity", "green"));
    }
}
