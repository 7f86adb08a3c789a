package dev.pipewright.action.sbom.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Facts about an executable's bytes that need no full parse: whether Go built it, whether it was
 * cut short.
 */
final class Executables {
    /**
     * ELF note of the Go linker: namesz 4, type 4 ({@code ELF_NOTE_GOBUILDID_TAG}), name {@code
     * "Go\0\0"}.
     */
    private static final byte[] GO_NOTE_NAME = {'G', 'o', 0, 0};

    /** Non-ELF Go binaries start their text with the build ID instead. */
    private static final byte[] GO_TEXT_BUILD_ID =
            "\u00ff Go build ID: \"".getBytes(StandardCharsets.ISO_8859_1);

    /** Mach-O section of the build info, named in the load commands at the start of the file. */
    private static final byte[] MACHO_SECTION =
            "__go_buildinfo".getBytes(StandardCharsets.ISO_8859_1);

    private static final int HEAD = 1 << 20;

    private Executables() {}

    /** True when the first megabyte carries a mark only the Go linker writes. */
    static boolean looksLikeGo(byte[] b) {
        int end = Math.min(b.length, HEAD);
        if (indexOf(b, GO_TEXT_BUILD_ID, end) >= 0 || indexOf(b, MACHO_SECTION, end) >= 0) {
            return true;
        }
        for (int i = indexOf(b, GO_NOTE_NAME, end);
                i >= 0;
                i = indexOf(b, GO_NOTE_NAME, i + 1, end)) {
            if (i >= 12 && word(b, i - 12) == 4 && word(b, i - 4) == 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * For an ELF file whose program segments or section headers lie past its end, what is missing
     * (e.g. {@code "it ends at 1000 bytes, its section headers at 2000"}); null when it is complete
     * or not ELF.
     */
    static String truncation(byte[] b) {
        if (b.length < 0x40 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            return null;
        }
        boolean is64 = b[4] == 2;
        ByteBuffer h =
                ByteBuffer.wrap(b)
                        .order(b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long shoff = is64 ? h.getLong(0x28) : Integer.toUnsignedLong(h.getInt(0x20));
        int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 0x3A : 0x2E));
        int shnum = Short.toUnsignedInt(h.getShort(is64 ? 0x3C : 0x30));
        long phoff = is64 ? h.getLong(0x20) : Integer.toUnsignedLong(h.getInt(0x1C));
        int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 0x36 : 0x2A));
        int phnum = Short.toUnsignedInt(h.getShort(is64 ? 0x38 : 0x2C));
        long end = 0;
        if (phoff > 0 && phoff + (long) phentsize * phnum <= b.length) {
            for (int i = 0; i < phnum; i++) {
                int p = (int) (phoff + (long) i * phentsize);
                long off = is64 ? h.getLong(p + 0x08) : Integer.toUnsignedLong(h.getInt(p + 0x04));
                long size = is64 ? h.getLong(p + 0x20) : Integer.toUnsignedLong(h.getInt(p + 0x10));
                if (size > 0 && off >= 0 && off + size > end) {
                    end = off + size;
                }
            }
        }
        if (shoff > 0 && shnum > 0) {
            end = Math.max(end, shoff + (long) shentsize * shnum);
        }
        return end > b.length
                ? "it ends at " + b.length + " bytes, its headers describe " + end
                : null;
    }

    /** A 4-byte note field that is 4 in either byte order, else -1. */
    private static int word(byte[] b, int at) {
        boolean le = b[at] == 4 && b[at + 1] == 0 && b[at + 2] == 0 && b[at + 3] == 0;
        boolean be = b[at] == 0 && b[at + 1] == 0 && b[at + 2] == 0 && b[at + 3] == 4;
        return le || be ? 4 : -1;
    }

    private static int indexOf(byte[] b, byte[] what, int end) {
        return indexOf(b, what, 0, end);
    }

    private static int indexOf(byte[] b, byte[] what, int from, int end) {
        outer:
        for (int i = from; i + what.length <= end; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
