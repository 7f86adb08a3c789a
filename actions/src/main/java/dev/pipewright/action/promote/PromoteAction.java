package dev.pipewright.action.promote;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.GitHubFailure;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Durations;
import dev.pipewright.action.retry.Ticker;
import dev.pipewright.action.sign.InTotoStatement;
import dev.pipewright.action.sign.Keys;
import dev.pipewright.action.sign.SigstoreBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code promote} action: waits for the images in the registry, verifies their signatures and
 * SBOM attestations, applies the vulnerability policy with its waivers, then rewrites the
 * environment's Helm values and kustomizations (tags and digests, nothing else) and opens or
 * updates one pull request per environment.
 */
public final class PromoteAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "promote",
                    "Pipewright promote",
                    "Promote images to an environment by pull request: wait for them in the registry, verify signatures, SBOM "
                            + "attestations and the vulnerability policy, then set tags and digests in Helm values and "
                            + "kustomizations with a minimal diff.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "env",
                                            "Target environment, e.g. production; names the branch promote/<env>.")
                                    .asRequired()
                                    .withExample("production"),
                            InputSpec.of(
                                            "image",
                                            "Images, one 'name=registry/repository:tag[@sha256:…]' per line; a digest "
                                                    + "given here skips the registry lookup.")
                                    .asRequired()
                                    .multipleValues()
                                    .withExample("api=ghcr.io/octo/api:1.4.2"),
                            InputSpec.of(
                                            "helm-values",
                                            "Helm values files, one 'file[:block.path]' per line (default block "
                                                    + "'image' with repository, tag and the chart's digest field: 'digest' gets sha256:<hex>, "
                                                    + "'sha' the bare hex; a block with neither is refused), or "
                                                    + "'file:repo.path,tag.path[,digest.path]' (no digest.path: by tag alone).")
                                    .multipleValues(),
                            InputSpec.of(
                                            "kustomization",
                                            "kustomization.yaml files whose images: entries (matched by name) get "
                                                    + "newTag and digest.")
                                    .multipleValues(),
                            InputSpec.of(
                                            "trivy-report",
                                            "Trivy JSON reports (--format json) of the images.")
                                    .multipleValues(),
                            InputSpec.of(
                                            "allowlist",
                                            "Waivers: .trivyignore (ID [exp:YYYY-MM-DD], reason in a comment), "
                                                    + ".trivyignore.yaml or OpenVEX; every waiver needs a reason, expired ones do not count.")
                                    .multipleValues(),
                            InputSpec.of("fail-on", "Severities that block the promotion.")
                                    .withDefault("HIGH,CRITICAL"),
                            InputSpec.of(
                                            "ignore-unfixed",
                                            "Ignore findings without a fixed version, as trivy --ignore-unfixed.")
                                    .withDefault("false"),
                            InputSpec.of(
                                    "key",
                                    "Public key (file or PEM) the image signatures and attestations must verify "
                                            + "with; without it the signature and SBOM gates are skipped."),
                            InputSpec.of(
                                            "bundle",
                                            "Sigstore bundles (DSSE attestations, e.g. from attest or cosign attest "
                                                    + "--new-bundle-format) whose subject is an image digest.")
                                    .multipleValues(),
                            InputSpec.of(
                                            "checks",
                                            "Checks that earlier steps of the job ran and passed (e.g. keyless cosign "
                                                    + "verify of each digest), one 'gate: detail' per line; listed among the gates of the summary "
                                                    + "and pull request, a gate skipped for want of a key becomes passed.")
                                    .multipleValues(),
                            InputSpec.of(
                                            "sbom-predicate-types",
                                            "Predicate types that count as an SBOM attestation.")
                                    .withDefault("spdx,cyclonedx"),
                            InputSpec.of(
                                            "registry-timeout",
                                            "How long to wait for a tag to appear in the registry.")
                                    .withDefault("10m"),
                            InputSpec.of(
                                            "registry-interval",
                                            "First delay between registry lookups; it doubles up to 1m.")
                                    .withDefault("5s"),
                            InputSpec.of(
                                            "github-token",
                                            "Token with contents: write and pull-requests: write.")
                                    .secretValue(),
                            InputSpec.of("base", "Branch the pull request targets.")
                                    .withDefault("main"),
                            InputSpec.of(
                                    "branch",
                                    "Branch of the pull request (default promote/<env>)."),
                            InputSpec.of(
                                    "labels",
                                    "Labels for the pull request, comma- or newline-separated."),
                            InputSpec.of(
                                    "title",
                                    "Pull-request title (default 'Promote to <env>: <name> <tag>, …')."),
                            InputSpec.of(
                                            "dry-run",
                                            "Run the gates, rewrite the files in the working tree and write "
                                                    + "promotion.patch and pr-body.md to output-dir; no API call.")
                                    .withDefault("false"),
                            InputSpec.of(
                                    "output-dir",
                                    "Directory for promotion.patch, pr-body.md and promotion.json "
                                            + "(default: $RUNNER_TEMP/promote on a runner; elsewhere none is written).")),
                    List.of(
                            new OutputSpec(
                                    "operation",
                                    "created, updated or none (nothing to change); dry-run when dry-run is set "
                                            + "and something would change."),
                            new OutputSpec(
                                    "pull-request-number",
                                    "Number of the pull request, empty without one."),
                            new OutputSpec(
                                    "pull-request-url",
                                    "URL of the pull request, empty without one."),
                            new OutputSpec("branch", "The pull request's branch."),
                            new OutputSpec(
                                    "images",
                                    "One 'name=repository:tag@digest' per promoted image."),
                            new OutputSpec(
                                    "patch-file",
                                    "Path of promotion.patch (unified diff of the rewrite; empty if none "
                                            + "was written).")),
                    new Branding("git-pull-request", "green"));

    private final Clock clock;
    private final Ticker ticker;
    private final Random random;
    private final Supplier<Registry> registry;

    public PromoteAction() {
        this(Clock.systemUTC(), Ticker.system(), new Random(), Registry::create);
    }

    PromoteAction(Clock clock, Ticker ticker, Random random, Supplier<Registry> registry) {
        this.clock = clock;
        this.ticker = ticker;
        this.random = random;
        this.registry = registry;
    }

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("a promotion gate failed");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        String env = in.string("env");
        if (!env.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw InputException.forInput(
                    "env",
                    "'" + env + "' must be letters, digits, '.', '_' or '-' (it names a branch)");
        }
        List<ImageSpec> images = images(in.lines("image"));
        List<Target> targets = new ArrayList<>();
        in.lines("helm-values").forEach(v -> targets.add(Target.helm("helm-values", v)));
        in.lines("kustomization").forEach(k -> targets.add(Target.kustomization(k)));
        if (targets.isEmpty()) {
            throw InputException.forInput(
                    "helm-values",
                    "give at least one helm-values or kustomization file to rewrite");
        }
        Map<String, YamlText> docs = new LinkedHashMap<>();
        for (Target t : targets) {
            Path p =
                    existing(
                            ws,
                            t.kind() == Target.Kind.HELM ? "helm-values" : "kustomization",
                            t.file());
            docs.computeIfAbsent(ws.display(p), d -> YamlText.parse(d, read(p)));
        }
        Set<TrivyReport.Severity> failOn = EnumSet.noneOf(TrivyReport.Severity.class);
        for (String s : in.list("fail-on")) {
            failOn.add(TrivyReport.Severity.parse("input 'fail-on'", s));
        }
        VulnPolicy policy = new VulnPolicy(failOn, in.bool("ignore-unfixed"), clock);
        List<TrivyReport.Finding> findings = new ArrayList<>();
        for (String r : in.lines("trivy-report")) {
            Path p = existing(ws, "trivy-report", r);
            findings.addAll(TrivyReport.parse(ws.display(p), read(p)));
        }
        List<Allowlist.Waiver> waivers = new ArrayList<>();
        for (String a : in.lines("allowlist")) {
            Path p = existing(ws, "allowlist", a);
            waivers.addAll(
                    Allowlist.parse(ws.display(p), read(p), Allowlist.Mode.STRICT, ctx::log));
        }
        Optional<PublicKey> key = in.optional("key").map(k -> publicKey(ws, k));
        Map<String, SigstoreBundle> bundles = bundles(ws, in.lines("bundle"));
        if (key.isEmpty() && !bundles.isEmpty()) {
            throw InputException.forInput("key", "is needed to verify the given bundles");
        }
        Set<String> sbomTypes =
                in.list("sbom-predicate-types").stream()
                        .map(t -> InTotoStatement.predicateType("sbom-predicate-types", t))
                        .collect(Collectors.toSet());
        Duration timeout = Durations.parse("registry-timeout", in.string("registry-timeout"));
        Duration interval = Durations.parse("registry-interval", in.string("registry-interval"));
        boolean dryRun = in.bool("dry-run");
        String branch = in.optional("branch").orElse("promote/" + env);
        String base = in.string("base");
        Optional<String> token = in.optional("github-token");
        if (!dryRun && token.isEmpty()) {
            throw InputException.forInput(
                    "github-token", "is required to open the pull request (or set dry-run: true)");
        }
        if (!dryRun && ctx.env().repository().isEmpty()) {
            throw InputException.forInput(
                    "github-token",
                    "needs GITHUB_REPOSITORY (owner/name) to know where to open "
                            + "the pull request");
        }
        Optional<Path> outDir = outputDir(ctx);
        // Paths and image names are checked before any waiting: a typo fails in a second, not after
        // the timeout.
        PromotionEdit.rewrite(
                ws,
                targets,
                docs,
                images.stream().map(i -> i.withDigest("sha256:" + "0".repeat(64))).toList());

        List<Gate> gates = new ArrayList<>();
        ImageWait wait =
                new ImageWait(
                        registry.get(),
                        ticker,
                        new Backoff(
                                interval,
                                2.0,
                                interval.compareTo(Duration.ofMinutes(1)) > 0
                                        ? interval
                                        : Duration.ofMinutes(1),
                                0.2),
                        timeout,
                        random,
                        ctx::log);
        List<ImageSpec> resolved = new ArrayList<>();
        Gate present = PromotionGates.imagesPresent(images, wait, resolved);
        gates.add(present);
        gates.addAll(
                PromotionGates.attestations(
                        present.failed() ? List.of() : resolved, key, bundles, sbomTypes));
        Gate vuln = new Gate("vulnerability policy");
        gates.add(vuln);
        VulnPolicy.Result policyResult = policy.evaluate(findings, waivers);
        PromotionGates.vulnerabilities(
                vuln,
                policyResult,
                findings.isEmpty() && in.lines("trivy-report").isEmpty(),
                failOn);
        gates = PromotionGates.withEarlierChecks(gates, in.lines("checks"));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("env", env);
        model.put("gates", gates.stream().map(Gate::model).toList());
        model.put("waived", PromotionGates.waivedModel(policyResult));
        boolean failed = gates.stream().anyMatch(Gate::failed);
        if (failed) {
            model.put("images", List.of());
            model.put("operation", "blocked");
            model.put("url", "");
            ctx.setOutput("operation", "none");
            ctx.setOutput("pull-request-number", "");
            ctx.setOutput("pull-request-url", "");
            ctx.setOutput("branch", branch);
            ctx.setOutput("images", "");
            ctx.setOutput("patch-file", "");
            ctx.appendSummary(Templates.render("promote/summary.md.ftl", model));
            String which =
                    gates.stream()
                            .filter(Gate::failed)
                            .map(Gate::name)
                            .collect(Collectors.joining(", "));
            return Outcome.fail(
                    "promotion to " + env + " blocked by: " + which + " (see the step summary)");
        }

        Map<String, YamlText> fresh = new LinkedHashMap<>();
        docs.forEach(
                (file, doc) ->
                        fresh.put(file, YamlText.parse(file, read(ws.root().resolve(file)))));
        Map<String, List<Change>> changes = PromotionEdit.rewrite(ws, targets, fresh, resolved);
        Map<String, String> newFiles = new LinkedHashMap<>();
        StringBuilder patch = new StringBuilder();
        for (Map.Entry<String, YamlText> d : fresh.entrySet()) {
            if (d.getValue().changed()) {
                String before = read(ws.root().resolve(d.getKey()));
                String after = d.getValue().result();
                if (!after.equals(before)) {
                    newFiles.put(d.getKey(), after);
                    patch.append(PromotionEdit.diff(d.getKey(), before, after));
                }
            }
        }
        model.put("images", PromotionEdit.imagesModel(resolved, changes));
        String title =
                in.optional("title")
                        .orElse(
                                "Promote to "
                                        + env
                                        + ": "
                                        + resolved.stream()
                                                .map(i -> i.name() + " " + i.tag())
                                                .collect(Collectors.joining(", ")));
        model.put("title", title);
        String body = Templates.render("promote/pr-body.md.ftl", model);
        Optional<Path> patchFile = outDir.map(d -> d.resolve("promotion.patch"));
        if (outDir.isPresent()) {
            ctx.writeFile("output-dir", patchFile.get(), patch.toString());
            ctx.writeFile("output-dir", outDir.get().resolve("pr-body.md"), body);
        }
        ctx.setOutput("branch", branch);
        ctx.setOutput(
                "images",
                resolved.stream()
                        .map(i -> i.name() + "=" + i.reference())
                        .collect(Collectors.joining("\n")));
        ctx.setOutput("patch-file", patchFile.map(Path::toString).orElse(""));

        PullRequest.Result pr;
        if (newFiles.isEmpty()) {
            pr = new PullRequest.Result("none", "", "", "");
            ctx.log("the files already promote these images to " + env + ": nothing to change");
        } else if (dryRun) {
            newFiles.forEach((file, text) -> ctx.writeFile(ws.root().resolve(file), text));
            pr = new PullRequest.Result("dry-run", "", "", "");
            ctx.log(
                    "dry run: rewrote "
                            + String.join(", ", newFiles.keySet())
                            + patchFile.map(f -> "; patch in " + f).orElse(""));
        } else {
            String message =
                    "Promote to "
                            + env
                            + "\n\n"
                            + resolved.stream()
                                    .map(i -> i.name() + ": " + i.reference())
                                    .collect(Collectors.joining("\n"))
                            + "\n";
            try {
                pr =
                        PullRequest.open(
                                ctx.env().apiUrl(),
                                token.get(),
                                new PullRequest.Request(
                                        ctx.env().repository().get(),
                                        base,
                                        branch,
                                        title,
                                        body,
                                        message,
                                        newFiles,
                                        in.list("labels")));
            } catch (IOException e) {
                return Outcome.fail(
                        "could not open the promotion pull request on "
                                + ctx.env().repository().get()
                                + ": "
                                + GitHubFailure.describe(
                                        e, "contents: write and pull-requests: write"));
            }
            ctx.log("pull request " + pr.operation() + (pr.url().isEmpty() ? "" : ": " + pr.url()));
        }
        ctx.setOutput("operation", pr.operation());
        ctx.setOutput("pull-request-number", pr.number());
        ctx.setOutput("pull-request-url", pr.url());
        model.put("operation", pr.operation());
        model.put("url", pr.url());
        ctx.appendSummary(Templates.render("promote/summary.md.ftl", model));
        return Outcome.pass();
    }

    private static List<ImageSpec> images(List<String> lines) {
        List<ImageSpec> out = new ArrayList<>();
        for (String line : lines) {
            out.add(ImageSpec.parse("image", line));
        }
        PromotionEdit.index(out, ImageSpec::name, "name");
        return out;
    }

    private static Path existing(Workspace ws, String input, String value) {
        return ws.existingFile(input, value);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(p + ":1: cannot read: " + e.getMessage());
        }
    }

    private static PublicKey publicKey(Workspace ws, String value) {
        if (value.contains("-----BEGIN ")) {
            return Keys.readPublic(value, "input 'key'");
        }
        Path p = existing(ws, "key", value);
        return Keys.readPublic(read(p), ws.display(p));
    }

    private static Map<String, SigstoreBundle> bundles(Workspace ws, List<String> patterns)
            throws IOException {
        Map<String, SigstoreBundle> out = new LinkedHashMap<>();
        if (patterns.isEmpty()) {
            return out;
        }
        for (Path p : ws.glob("bundle", patterns)) {
            try {
                out.put(ws.display(p), SigstoreBundle.parse(Files.readAllBytes(p), ws.display(p)));
            } catch (SigstoreBundle.BundleException e) {
                throw new InputException("malformed bundle " + e.getMessage());
            }
        }
        return out;
    }

    private static Optional<Path> outputDir(ActionContext ctx) {
        Optional<String> given = ctx.inputs().optional("output-dir");
        if (given.isPresent()) {
            Path p = ctx.workspace().resolve("output-dir", given.get());
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw InputException.forInput(
                        "output-dir", "'" + given.get() + "' is a file, not a directory");
            }
            return Optional.of(p);
        }
        // a report is not a product: outside a runner it is written only where asked, never into
        // the working directory
        return ctx.env().file("RUNNER_TEMP").map(t -> t.resolve("promote"));
    }
}
