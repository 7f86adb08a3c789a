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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sign-keygen} action ({@code pipewright sign keygen}): a new P-256 key as a cosign
 * encrypted private key ({@code ENCRYPTED SIGSTORE PRIVATE KEY}) and a PEM public key, like {@code
 * cosign generate-key-pair}.
 */
public final class KeygenAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "sign-keygen",
                    "Pipewright sign keygen",
                    "Generate an ECDSA P-256 key pair in cosign's format: <prefix>.key (encrypted) and <prefix>.pub.",
                    "Pipewright",
                    List.of(
                            InputSpec.of("output-dir", "Directory to write the key pair to.")
                                    .withDefault("."),
                            InputSpec.of("prefix", "File name prefix of the key pair.")
                                    .withDefault("cosign"),
                            KeyInputs.PASSWORD,
                            KeyInputs.PASSWORD_ENV,
                            InputSpec.of("force", "Overwrite an existing key pair.")
                                    .withDefault("false")),
                    List.of(
                            new OutputSpec("private-key", "Path of the encrypted private key."),
                            new OutputSpec("public-key", "Path of the PEM public key."),
                            new OutputSpec(
                                    "public-key-hint",
                                    "base64 SHA-256 of the public key, as in bundles.")),
                    new Branding("lock", "purple"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.empty();
    }

    @Override
    public Outcome run(ActionContext ctx) {
        Workspace ws = ctx.workspace();
        String prefix = ctx.inputs().string("prefix");
        if (prefix.contains("/") || prefix.contains("\\")) {
            throw InputException.forInput(
                    "prefix", "must be a file name, not a path; use output-dir for the directory");
        }
        boolean force = ctx.inputs().bool("force");
        Path dir = ws.resolve("output-dir", ctx.inputs().string("output-dir"));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw InputException.forInput(
                    "output-dir", "'" + ws.display(dir) + "' is a file, not a directory");
        }
        Path priv = dir.resolve(prefix + ".key");
        Path pub = dir.resolve(prefix + ".pub");
        for (Path p : List.of(priv, pub)) {
            if (Files.exists(p) && !force) {
                throw InputException.forInput(
                        "output-dir",
                        ws.display(p)
                                + " already exists; remove it, choose another "
                                + "output-dir or prefix, or set force");
            }
        }
        String password = KeyInputs.password(ctx).get().orElse("");
        if (password.isEmpty()) {
            ctx.log(
                    "warning: the private key is encrypted with an empty password (set the variable named by password-env)");
        }
        Keys.SigningKey key = Keys.generate();
        ctx.writePrivateFile(
                "output-dir",
                priv,
                CosignKeyFile.encrypt(Keys.pkcs8(key), CosignKeyFile.utf8(password)));
        ctx.writeFile("output-dir", pub, Keys.publicPem(key.publicKey()));
        String hint = Keys.hint(key.publicKey());
        ctx.setOutput("private-key", ws.display(priv));
        ctx.setOutput("public-key", ws.display(pub));
        ctx.setOutput("public-key-hint", hint);
        ctx.appendSummary(
                Templates.render(
                        "sign-keygen/summary.md.ftl",
                        Map.of(
                                "privateKey",
                                ws.display(priv),
                                "publicKey",
                                ws.display(pub),
                                "hint",
                                hint)));
        return Outcome.pass();
    }
}
