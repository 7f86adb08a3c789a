package dev.pipewright.action.sign;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code verify} action: checks a cosign {@code .sig} or a Sigstore bundle (message signature,
 * DSSE attestation, or keyless with a trusted root) against a public key and the artifacts; any
 * failure exits 1 with the reason.
 */
public final class VerifyAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "verify",
                    "Pipewright verify",
                    "Verify a cosign signature or Sigstore bundle (blob signature or attestation) against a key and the files.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "key",
                                            "Public key: a file path or the PEM (PUBLIC KEY or CERTIFICATE). Not needed "
                                                    + "for keyless bundles.")
                                    .withExample("cosign.pub"),
                            InputSpec.of(
                                            "files",
                                            "The signed files (for an attestation: files that must be among its subjects).")
                                    .multipleValues()
                                    .withExample("dist/app.jar"),
                            InputSpec.of(
                                            "signature",
                                            "A cosign sign-blob .sig file (base64 or DER).")
                                    .withExample("dist/app.jar.sig"),
                            InputSpec.of("bundle", "A Sigstore bundle (.sigstore.json)."),
                            InputSpec.of(
                                    "predicate-type",
                                    "For attestations: the expected predicate type (spdx, cyclonedx or a URI)."),
                            InputSpec.of(
                                    "trusted-root",
                                    "Sigstore trusted_root.json for keyless bundles (Fulcio CAs, Rekor keys)."),
                            InputSpec.of(
                                    "certificate-identity",
                                    "Keyless: the expected certificate identity (SAN e-mail or URI)."),
                            InputSpec.of(
                                    "certificate-oidc-issuer",
                                    "Keyless: the expected OIDC issuer."),
                            InputSpec.of(
                                            "insecure-ignore-tlog",
                                            "Keyless: skip the transparency-log checks (never the default).")
                                    .withDefault("false")),
                    List.of(
                            new OutputSpec("verified", "true when the signature verified."),
                            new OutputSpec(
                                    "kind", "signature, message-bundle, dsse-bundle or keyless."),
                            new OutputSpec(
                                    "predicate-type",
                                    "The attestation's predicate type, empty otherwise."),
                            new OutputSpec("identity", "Keyless: the certificate identity."),
                            new OutputSpec(
                                    "issuer", "Keyless: the OIDC issuer in the certificate.")),
                    new Branding("check-circle", "purple"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("verification failed");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        Optional<String> signature = in.optional("signature");
        Optional<String> bundle = in.optional("bundle");
        if (signature.isPresent() == bundle.isPresent()) {
            throw InputException.forInput("signature", "give exactly one of signature and bundle");
        }
        Optional<String> expectedType =
                in.optional("predicate-type")
                        .map(t -> InTotoStatement.predicateType("predicate-type", t));
        boolean ignoreTlog = in.bool("insecure-ignore-tlog");
        List<Path> files =
                in.lines("files").isEmpty() ? List.of() : ws.glob("files", in.lines("files"));
        Optional<PublicKey> key = in.optional("key").map(k -> KeyInputs.publicKey(ctx, "key"));

        Verification v;
        String kind;
        if (signature.isPresent()) {
            kind = "signature";
            Path sig = existing(ws, "signature", signature.get());
            Path file = single(ctx, files, "a .sig");
            v =
                    Verification.signature(
                            requireKey(key, "a .sig"),
                            KeyInputs.readBytes(ctx, "files", file),
                            KeyInputs.readBytes(ctx, "signature", sig),
                            ws.display(sig),
                            ws.display(file));
        } else {
            Path b = existing(ws, "bundle", bundle.get());
            Map<String, byte[]> artifacts = new LinkedHashMap<>();
            for (Path f : files) {
                artifacts.put(ws.display(f), KeyInputs.readBytes(ctx, "files", f));
            }
            SigstoreBundle parsed;
            try {
                parsed = SigstoreBundle.parse(Files.readAllBytes(b), ws.display(b));
            } catch (SigstoreBundle.BundleException e) {
                // A bundle that cannot be read is bad input (exit 2), not a signature that failed
                // to verify (exit 1).
                throw new InputException("malformed bundle " + e.getMessage(), e);
            }
            kind =
                    parsed.keyless()
                            ? "keyless"
                            : parsed.message() != null ? "message-bundle" : "dsse-bundle";
            if (parsed.message() != null && artifacts.size() != 1) {
                single(ctx, files, "a message-signature bundle");
            }
            if (parsed.keyless()) {
                Optional<Path> root =
                        in.optional("trusted-root").map(r -> existing(ws, "trusted-root", r));
                v =
                        Keyless.verify(
                                parsed,
                                ws.display(b),
                                artifacts,
                                expectedType,
                                root.map(r -> KeyInputs.readBytes(ctx, "trusted-root", r)),
                                root.map(ws::display),
                                in.optional("certificate-identity"),
                                in.optional("certificate-oidc-issuer"),
                                ignoreTlog);
            } else {
                v =
                        Verification.bundle(
                                parsed,
                                ws.display(b),
                                requireKey(key, "a key-based bundle"),
                                artifacts,
                                expectedType);
            }
        }
        return finish(ctx, kind, v);
    }

    private static Outcome finish(ActionContext ctx, String kind, Verification v) {
        ctx.setOutput("verified", String.valueOf(v.verified()));
        ctx.setOutput("kind", kind);
        ctx.setOutput("predicate-type", v.predicateType() == null ? "" : v.predicateType());
        ctx.setOutput("identity", v.identity() == null ? "" : v.identity());
        ctx.setOutput("issuer", v.issuer() == null ? "" : v.issuer());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("verified", v.verified());
        model.put("kind", kind);
        model.put("reason", v.reason() == null ? "" : v.reason());
        model.put("details", new ArrayList<>(v.details()));
        ctx.appendSummary(Templates.render("verify/summary.md.ftl", model));
        v.details().forEach(ctx::log);
        return v.verified() ? Outcome.pass() : Outcome.fail(v.reason());
    }

    private static PublicKey requireKey(Optional<PublicKey> key, String what) {
        return key.orElseThrow(
                () -> InputException.forInput("key", "is required to verify " + what));
    }

    private static Path single(ActionContext ctx, List<Path> files, String what) {
        if (files.size() != 1) {
            throw InputException.forInput(
                    "files",
                    "give exactly one file to verify " + what + " against, got " + files.size());
        }
        return files.get(0);
    }

    private static Path existing(Workspace ws, String input, String value) {
        return ws.existingFile(input, value);
    }
}
