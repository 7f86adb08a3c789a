import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites {@code runs.image} of every {@code <dir>/*}{@code /action.yml} to an image pinned by
 * digest, as the release commit needs (docs/publishing-actions.md). Only the value on that one line
 * changes: quotes, a trailing comment and every other line stay as they were, so the release diff
 * is one line per action. Each file is written to a temporary file beside it and moved into place.
 *
 * <p>Usage: {@code java image/src/build/PinActionImages.java <actions-dir>
 * <registry/name@sha256:hex>}; exit 0 done, 2 bad input. A single-file program run from source, so
 * that it stays out of the image: Jib would put any class of this module into the image's classes
 * layer.
 */
public final class PinActionImages {
    /** A reference with a digest; a tag before the digest is allowed, as docker accepts it. */
    static final Pattern PINNED =
            Pattern.compile(
                    "[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[\\w][\\w.-]{0,127})?"
                            + "@sha256:[0-9a-f]{64}");

    private static final Pattern TOP_KEY = Pattern.compile("^[^\\s#][^:]*:.*$");
    private static final Pattern IMAGE =
            Pattern.compile("^(\\s+image:\\s*)(\"[^\"]*\"|'[^']*'|[^\\s#]+)(.*)$");

    private PinActionImages() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PinActionImages <actions-dir> <registry/name@sha256:hex>");
            System.exit(2);
        }
        try {
            for (Path changed : pin(Path.of(args[0]), args[1])) {
                System.out.println("pinned " + changed);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (UncheckedIOException e) {
            System.err.println(e.getCause().getMessage());
            System.exit(2);
        }
    }

    /**
     * Rewrites every action.yml one folder below {@code dir}; returns the files changed, sorted.
     */
    public static List<Path> pin(Path dir, String image) {
        String ref = image.startsWith("docker://") ? image.substring("docker://".length()) : image;
        if (!PINNED.matcher(ref).matches()) {
            throw new IllegalArgumentException(
                    "not an image reference with a sha256 digest: " + image);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files =
                    s.map(d -> d.resolve("action.yml"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no */action.yml");
        }
        // Check all before writing any, so a bad file leaves the others untouched.
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            try {
                texts.add(
                        rewrite(
                                Files.readString(f, StandardCharsets.UTF_8),
                                f.toString(),
                                "docker://" + ref));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                if (!texts.get(i).equals(Files.readString(files.get(i), StandardCharsets.UTF_8))) {
                    write(files.get(i), texts.get(i));
                    changed.add(files.get(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return changed;
    }

    /**
     * The text with {@code runs.image} replaced; a file without a docker:// image there is refused,
     * naming the line.
     */
    static String rewrite(String text, String file, String image) {
        String[] lines = text.split("\n", -1);
        boolean inRuns = false;
        int runsLine = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TOP_KEY.matcher(line).matches()) {
                inRuns = line.startsWith("runs:");
                runsLine = inRuns ? i : runsLine;
                continue;
            }
            Matcher m = IMAGE.matcher(line);
            // The first image: under runs: at the indentation of its first child (nested maps are
            // deeper).
            if (inRuns && m.matches() && indent(line) == childIndent(lines, runsLine)) {
                String value = m.group(2);
                String bare = value.replaceAll("^[\"']|[\"']$", "");
                if (!bare.startsWith("docker://")) {
                    throw new IllegalArgumentException(
                            file
                                    + ":"
                                    + (i + 1)
                                    + ":"
                                    + (m.start(2) + 1)
                                    + ": runs.image is \""
                                    + bare
                                    + "\", not a docker:// image; only a prebuilt image can be pinned");
                }
                String quote =
                        value.startsWith("\"") || value.startsWith("'")
                                ? value.substring(0, 1)
                                : "";
                lines[i] = m.group(1) + quote + image + quote + m.group(3);
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException(
                file
                        + ":"
                        + (runsLine < 0 ? 1 : runsLine + 1)
                        + ":1: no runs.image; only a docker action can be pinned to an image");
    }

    private static int childIndent(String[] lines, int parent) {
        for (int i = parent + 1; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                return indent(lines[i]);
            }
        }
        return -1;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".action", ".yml.tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                // createTempFile makes it owner-only; the action.yml keeps its own mode.
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default mode is all there is
            }
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
