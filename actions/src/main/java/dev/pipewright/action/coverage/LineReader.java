package dev.pipewright.action.coverage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a text report line by line, decoding each line as strict UTF-8 on its own so a bad byte is
 * reported on the line that holds it (a decoding Reader reads ahead and would blame an earlier
 * line).
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final String display;
    private final CharsetDecoder decoder =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private long bytes;

    LineReader(Path file, String display) throws IOException {
        this.in = Files.newInputStream(file);
        this.display = display;
    }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        boolean ascii = true;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                bytes += limit;
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, len * 2);
            }
            line[len++] = b;
            ascii &= b >= 0;
        }
        lineNumber++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if (ascii) {
            // Pure ASCII is already valid UTF-8; Latin-1 construction is the cheap path for it.
            return new String(line, 0, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(line, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw error(
                    "not UTF-8 text (invalid byte sequence); is this a binary file or another encoding?");
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytes;
    }

    ReportParseException error(String reason) {
        return new ReportParseException(display, lineNumber, reason);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
