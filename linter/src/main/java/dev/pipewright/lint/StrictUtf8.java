package dev.pipewright.lint;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that says where the first bad byte is, so a reader can report it at its
 * line and column instead of with a bare decoder message. Public because the actions' text readers
 * (the SBOM's lockfiles) keep the same contract.
 */
public final class StrictUtf8 {
    /** The decoded text, or the first byte that is not UTF-8 ({@code text} is then null). */
    public record Result(String text, int line, int column, int badByte) {
        public boolean ok() {
            return text != null;
        }
    }

    private StrictUtf8() {}

    public static Result decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in, out, true);
        if (!r.isError()) {
            return new Result(out.flip().toString(), 0, 0, 0);
        }
        String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        return new Result(null, line, column, bytes[in.position()] & 0xff);
    }
}
