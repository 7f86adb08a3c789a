package dev.pipewright.action.sign;

import dev.pipewright.action.ActionContext;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

/** The key and password inputs shared by sign, attest, verify and keygen. */
final class KeyInputs {
    static final InputSpec KEY =
            InputSpec.of(
                            "key",
                            "Private key: a file path, or the PEM itself (e.g. from a secret). "
                                    + "cosign encrypted keys (ENCRYPTED SIGSTORE/COSIGN PRIVATE KEY), PKCS#8 or SEC1 PEM; ECDSA P-256.")
                    .asRequired()
                    .secretValue();
    static final InputSpec PASSWORD =
            InputSpec.of("password", "Password of an encrypted key; prefer password-env.")
                    .secretValue();
    static final InputSpec PASSWORD_ENV =
            InputSpec.of(
                            "password-env",
                            "Name of the environment variable holding the key's password.")
                    .withDefault("COSIGN_PASSWORD");

    /** Text of a key input and how to name it in messages. */
    record KeyText(String text, String shown) {}

    private KeyInputs() {}

    static KeyText read(ActionContext ctx, String input, String value) {
        if (value.contains("-----BEGIN ")) {
            return new KeyText(value, "input '" + input + "'");
        }
        Path p = ctx.workspace().existingFile(input, value);
        try {
            return new KeyText(
                    Files.readString(p, StandardCharsets.UTF_8), ctx.workspace().display(p));
        } catch (IOException e) {
            throw new InputException(
                    value
                            + ":1: cannot read (input '"
                            + input
                            + "'): "
                            + e.getClass().getSimpleName());
        }
    }

    /** The password input, else the variable named by password-env; empty when neither is set. */
    static Supplier<Optional<String>> password(ActionContext ctx) {
        Inputs in = ctx.inputs();
        return () -> {
            Optional<String> direct = in.optional("password");
            return direct.isPresent() ? direct : ctx.env().get(in.string("password-env"));
        };
    }

    static Keys.SigningKey signingKey(ActionContext ctx) {
        KeyText k = read(ctx, "key", ctx.inputs().string("key"));
        String env = ctx.inputs().string("password-env");
        String why =
                env.isEmpty()
                        ? "set input 'password' or 'password-env'"
                        : env + " (password-env) is not set; export it or give input 'password'";
        return Keys.readPrivate(k.text(), k.shown(), password(ctx), why);
    }

    static PublicKey publicKey(ActionContext ctx, String input) {
        KeyText k = read(ctx, input, ctx.inputs().string(input));
        return Keys.readPublic(k.text(), k.shown());
    }

    static byte[] readBytes(ActionContext ctx, String input, Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new InputException(
                    ctx.workspace().display(p) + ":1: cannot read (input '" + input + "')");
        }
    }
}
