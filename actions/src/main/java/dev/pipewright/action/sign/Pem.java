package dev.pipewright.action.sign;

import dev.pipewright.action.InputException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM blocks ({@code -----BEGIN LABEL-----}, base64 body, {@code -----END LABEL-----}) read and
 * written with LF.
 */
public final class Pem {
    /** One block; {@code line} is where its BEGIN line is, for error messages. */
    public record Block(String label, byte[] der, int line) {}

    private Pem() {}

    /**
     * Every block in {@code text}; errors name {@code shown} and the line, never the body (it may
     * be a key).
     */
    public static List<Block> parse(String text, String shown) {
        List<Block> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("-----BEGIN ") || !line.endsWith("-----")) {
                continue;
            }
            String label = line.substring(11, line.length() - 5);
            int begin = i + 1;
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals("-----END " + label + "-----")) {
                String l = lines[j].strip();
                if (l.startsWith("-----")) {
                    throw new InputException(
                            shown + ":" + (j + 1) + ": expected -----END " + label + "-----");
                }
                // RFC 1421 headers (Proc-Type, DEK-Info) mean legacy OpenSSL encryption, which
                // cosign does not use.
                if (l.contains(":")) {
                    throw new InputException(
                            shown
                                    + ":"
                                    + (j + 1)
                                    + ": PEM headers (legacy OpenSSL encryption) are "
                                    + "not supported; convert with 'openssl pkcs8 -topk8' or use a cosign key");
                }
                body.append(l);
                j++;
            }
            if (j == lines.length) {
                throw new InputException(
                        shown + ":" + begin + ": -----BEGIN " + label + "----- has no END line");
            }
            try {
                out.add(new Block(label, Base64.getDecoder().decode(body.toString()), begin));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        shown
                                + ":"
                                + begin
                                + ": the body of the "
                                + label
                                + " block is not valid base64");
            }
            i = j;
        }
        if (out.isEmpty()) {
            throw new InputException(
                    shown + ":1: no PEM block found (expected -----BEGIN ...-----)");
        }
        return out;
    }

    /** The first block, which must carry one of {@code labels}. */
    public static Block single(String text, String shown, List<String> labels) {
        Block b = parse(text, shown).get(0);
        if (!labels.contains(b.label())) {
            throw new InputException(
                    shown
                            + ":"
                            + b.line()
                            + ": PEM block is "
                            + b.label()
                            + ", expected "
                            + String.join(" or ", labels));
        }
        return b;
    }

    /** A PEM block with 64-character lines and a final LF, as Go's encoding/pem writes it. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(label).append("-----\n").toString();
    }
}
