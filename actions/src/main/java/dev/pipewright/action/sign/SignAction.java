package dev.pipewright.action.sign;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sign} action: for each file a {@code .sig} exactly like {@code cosign sign-blob --key}
 * (base64 of the DER ECDSA signature) and a Sigstore bundle v0.3 with the public-key hint.
 */
public final class SignAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "sign",
                    "Pipewright sign",
                    "Sign files with an ECDSA P-256 key like cosign sign-blob: a .sig and a Sigstore bundle per file.",
                    "Pipewright",
                    List.of(
                            KeyInputs.KEY,
                            KeyInputs.PASSWORD,
                            KeyInputs.PASSWORD_ENV,
                            InputSpec.of("files", "Files to sign: paths or globs, one per line.")
                                    .asRequired()
                                    .multipleValues()
                                    .withExample("dist/*.jar"),
                            InputSpec.of(
                                    "output-dir",
                                    "Directory for <file>.sig and <file>.sigstore.json (default: beside each file).")),
                    List.of(
                            new OutputSpec(
                                    "signatures",
                                    "Paths of the .sig files, one per line, in the order of the files."),
                            new OutputSpec(
                                    "bundles",
                                    "Paths of the .sigstore.json bundles, one per line."),
                            new OutputSpec("digests", "sha256:<hex> of each file, one per line."),
                            new OutputSpec(
                                    "public-key-hint",
                                    "base64 SHA-256 of the public key (the bundles' publicKey.hint).")),
                    new Branding("edit-3", "purple"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.empty();
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Workspace ws = ctx.workspace();
        List<Path> files = ws.glob("files", ctx.inputs().lines("files"));
        Optional<Path> outDir =
                ctx.inputs().optional("output-dir").map(d -> ws.resolve("output-dir", d));
        outDir.filter(d -> Files.exists(d) && !Files.isDirectory(d))
                .ifPresent(
                        d -> {
                            throw InputException.forInput(
                                    "output-dir",
                                    "'" + ws.display(d) + "' is a file, not a directory");
                        });
        Keys.SigningKey key = KeyInputs.signingKey(ctx);
        String hint = Keys.hint(key.publicKey());

        List<String> sigs = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        Map<Path, Path> written = new HashMap<>();
        for (Path f : files) {
            byte[] data = KeyInputs.readBytes(ctx, "files", f);
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(data);
            byte[] der = Signatures.sign(key.privateKey(), data);
            Path dir = outDir.orElse(f.getParent());
            Path sig = dir.resolve(f.getFileName() + ".sig");
            Path bundle = dir.resolve(f.getFileName() + ".sigstore.json");
            Path earlier = written.putIfAbsent(sig, f);
            if (earlier != null) {
                throw InputException.forInput(
                        "output-dir",
                        ws.display(earlier)
                                + " and "
                                + ws.display(f)
                                + " would both be signed to "
                                + ws.display(sig)
                                + "; sign them in separate steps or omit output-dir");
            }
            // cosign writes the base64 without a trailing newline.
            ctx.writeFile(
                    outDir.isPresent() ? "output-dir" : "files",
                    sig,
                    Base64.getEncoder().encodeToString(der));
            ctx.writeFile(
                    outDir.isPresent() ? "output-dir" : "files",
                    bundle,
                    SigstoreBundle.ofMessage(hint, sha256, der).toJson());
            String digest = "sha256:" + HexFormat.of().formatHex(sha256);
            sigs.add(ws.display(sig));
            bundles.add(ws.display(bundle));
            digests.add(digest);
            rows.add(
                    Map.of(
                            "file",
                            ws.display(f),
                            "digest",
                            digest,
                            "signature",
                            ws.display(sig),
                            "bundle",
                            ws.display(bundle)));
            ctx.log("signed " + ws.display(f) + " (" + digest + ")");
        }
        ctx.setOutput("signatures", String.join("\n", sigs));
        ctx.setOutput("bundles", String.join("\n", bundles));
        ctx.setOutput("digests", String.join("\n", digests));
        ctx.setOutput("public-key-hint", hint);
        ctx.appendSummary(
                Templates.render("sign/summary.md.ftl", Map.of("hint", hint, "rows", rows)));
        return Outcome.pass();
    }
}
