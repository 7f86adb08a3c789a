package dev.pipewright.action.checksums;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Annotation;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code checksums} action: writes checksum files byte-identical to GNU {@code
 * sha256sum}/{@code sha512sum}, or verifies one like {@code sha256sum -c}.
 */
public final class ChecksumsAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "checksums",
                    "Pipewright checksums",
                    "Write SHA-256/SHA-512 checksum files exactly as GNU sha256sum does, or verify one like sha256sum -c.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "files",
                                            "Files to checksum: paths or globs, one per line; names are written relative "
                                                    + "to the workspace, in the order given (each glob's matches sorted).")
                                    .multipleValues()
                                    .withExample("dist/*.jar"),
                            InputSpec.of(
                                            "algorithms",
                                            "Comma-separated digests: sha256, sha512 or both.")
                                    .withDefault("sha256"),
                            InputSpec.of(
                                            "format",
                                            "Line format: text (sha256sum), binary (sha256sum -b) or tag (sha256sum --tag).")
                                    .withDefault("text"),
                            InputSpec.of(
                                            "output",
                                            "Checksum file to write; with several algorithms the algorithm is inserted "
                                                    + "before the extension (checksums.sha256.txt, checksums.sha512.txt).")
                                    .withDefault("checksums.txt"),
                            InputSpec.of(
                                    "check",
                                    "Verify this checksum file instead (any of the formats above, like sha256sum -c); "
                                            + "names are relative to the workspace. An improperly formatted line is a warning naming "
                                            + "file:line, and the other lines are still checked."),
                            InputSpec.of(
                                            "strict",
                                            "With check: fail when a line is improperly formatted, after checking the "
                                                    + "others (sha256sum -c --strict).")
                                    .withDefault("false")),
                    List.of(
                            new OutputSpec(
                                    "checksum-files",
                                    "Paths of the checksum files written, one per line."),
                            new OutputSpec("count", "Number of files checksummed or checked."),
                            new OutputSpec(
                                    "failed",
                                    "Number of files that did not match or could not be read (check mode)."),
                            new OutputSpec(
                                    "passed",
                                    "true unless a checked file did not match or was missing (or, with "
                                            + "strict, a line was improperly formatted).")),
                    new Branding("hash", "blue"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("a file does not match its checksum (--check)");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Optional<String> check = in.optional("check");
        if (check.isPresent()) {
            return check(ctx, check.get(), in.bool("strict"));
        }
        List<ChecksumAlgorithm> algorithms =
                ChecksumAlgorithm.parseList("algorithms", in.list("algorithms"));
        ChecksumFormat format = ChecksumFormat.parse("format", in.string("format"));
        List<String> patterns = in.lines("files");
        if (patterns.isEmpty()) {
            throw InputException.forInput(
                    "files", "is required unless 'check' is given (pass --files or --check)");
        }
        Workspace ws = ctx.workspace();
        Map<ChecksumAlgorithm, Path> outputs = outputFiles(ws, in.string("output"), algorithms);
        List<Path> files = expand(ws, patterns, outputs.values());

        List<Map<String, String>> rows = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Map.Entry<ChecksumAlgorithm, Path> out : outputs.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (Path f : files) {
                String name = name(ws, f);
                String hex = out.getKey().hex(f);
                text.append(new ChecksumLine(out.getKey(), hex, name, format).toLine())
                        .append('\n');
                rows.add(Map.of("algorithm", out.getKey().id(), "name", name, "digest", hex));
            }
            ctx.writeFile("output", out.getValue(), text.toString());
            written.add(ws.display(out.getValue()));
        }
        ctx.setOutput("checksum-files", String.join("\n", written));
        ctx.setOutput("count", String.valueOf(files.size()));
        ctx.setOutput("failed", "0");
        ctx.setOutput("passed", "true");
        ctx.appendSummary(
                Templates.render(
                        "checksums/summary.md.ftl",
                        Map.of("mode", "write", "files", written, "rows", rows, "failed", "0")));
        return Outcome.pass();
    }

    /**
     * The name written for a file: relative to the workspace like {@link Workspace#display}, but
     * keeping a {@code \\} that is part of a Unix file name (coreutils escapes it) instead of
     * turning it into a separator.
     */
    static String name(Workspace ws, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String shown = (abs.startsWith(ws.root()) ? ws.root().relativize(abs) : abs).toString();
        return File.separatorChar == '/' ? shown : shown.replace(File.separatorChar, '/');
    }

    /**
     * One output per algorithm; with several, {@code checksums.txt} becomes {@code
     * checksums.sha256.txt} etc.
     */
    static Map<ChecksumAlgorithm, Path> outputFiles(
            Workspace ws, String output, List<ChecksumAlgorithm> algorithms) {
        Map<ChecksumAlgorithm, Path> out = new LinkedHashMap<>();
        for (ChecksumAlgorithm a : algorithms) {
            String name = output;
            if (algorithms.size() > 1) {
                int slash = output.lastIndexOf('/');
                int dot = output.lastIndexOf('.');
                name =
                        dot > slash + 1
                                ? output.substring(0, dot) + "." + a.id() + output.substring(dot)
                                : output + "." + a.id();
            }
            out.put(a, ws.resolve("output", name));
        }
        return out;
    }

    /**
     * Each pattern's matches in sorted order, patterns in the order given (as a shell expands
     * them), no repeats.
     */
    static List<Path> expand(Workspace ws, List<String> patterns, Collection<Path> exclude) {
        Set<Path> out = new LinkedHashSet<>();
        for (String pattern : patterns) {
            for (Path p : ws.glob("files", List.of(pattern))) {
                if (!exclude.contains(p)) {
                    out.add(p);
                }
            }
        }
        if (out.isEmpty()) {
            throw InputException.forInput("files", "matches only the checksum file itself");
        }
        return new ArrayList<>(out);
    }

    private static Outcome check(ActionContext ctx, String given, boolean strict)
            throws IOException {
        Workspace ws = ctx.workspace();
        Path file = ws.existingFile("check", given);
        String display = ws.display(file);
        Parsed parsed = parseFile(file, display);
        for (int lineNo : parsed.malformed()) {
            ctx.annotate(
                    new Annotation(
                            Annotation.Level.WARNING,
                            display,
                            lineNo,
                            0,
                            "improperly formatted checksum line",
                            "checksums: " + display + ":" + lineNo + ": " + MALFORMED));
        }
        List<ChecksumLine> lines = parsed.lines();
        int failed = 0;
        int unreadable = 0;
        List<Map<String, String>> rows = new ArrayList<>();
        for (ChecksumLine line : lines) {
            String shown =
                    (ChecksumLine.needsEscape(line.name())
                            ? "\\" + ChecksumLine.escape(line.name())
                            : line.name());
            Path target = ws.resolve("check", line.name());
            String status;
            if (!Files.isRegularFile(target) || !Files.isReadable(target)) {
                ctx.log("checksums: " + shown + ": No such file or directory");
                status = "FAILED open or read";
                unreadable++;
            } else {
                status = line.algorithm().hex(target).equals(line.hex()) ? "OK" : "FAILED";
                if (!status.equals("OK")) {
                    failed++;
                }
            }
            ctx.log(shown + ": " + status);
            rows.add(
                    Map.of(
                            "algorithm",
                            line.algorithm().id(),
                            "name",
                            line.name(),
                            "digest",
                            line.hex(),
                            "status",
                            status));
        }
        // GNU's warnings, in GNU's order and words (people grep for "WARNING: 1 line is improperly
        // formatted"); an
        // improperly formatted line fails the step only with strict, as with sha256sum -c --strict.
        List<String> problems = new ArrayList<>();
        int malformed = parsed.malformed().size();
        if (malformed > 0) {
            String counted =
                    malformed
                            + (malformed == 1 ? " line is" : " lines are")
                            + " improperly formatted";
            ctx.log("checksums: WARNING: " + counted);
            if (strict) {
                problems.add(counted);
            }
        }
        if (unreadable > 0) {
            problems.add(
                    unreadable
                            + " listed file"
                            + (unreadable == 1 ? "" : "s")
                            + " could not be read");
            ctx.log("checksums: WARNING: " + problems.get(problems.size() - 1));
        }
        if (failed > 0) {
            problems.add(
                    failed + " computed checksum" + (failed == 1 ? "" : "s") + " did NOT match");
            ctx.log("checksums: WARNING: " + problems.get(problems.size() - 1));
        }
        ctx.setOutput("checksum-files", ws.display(file));
        ctx.setOutput("count", String.valueOf(lines.size()));
        ctx.setOutput("failed", String.valueOf(failed + unreadable));
        ctx.setOutput("passed", String.valueOf(problems.isEmpty()));
        ctx.appendSummary(
                Templates.render(
                        "checksums/summary.md.ftl",
                        Map.of(
                                "mode",
                                "check",
                                "files",
                                List.of(ws.display(file)),
                                "rows",
                                rows,
                                "failed",
                                String.valueOf(failed + unreadable))));
        return problems.isEmpty()
                ? Outcome.pass()
                : Outcome.fail(ws.display(file) + ": " + String.join(", ", problems));
    }

    private static final String MALFORMED =
            "improperly formatted checksum line; expected '<hex>  <name>', "
                    + "'<hex> *<name>' or 'SHA256 (<name>) = <hex>'";

    /** The checksum lines of a file and the (1-based) numbers of the improperly formatted ones. */
    record Parsed(List<ChecksumLine> lines, List<Integer> malformed) {}

    /**
     * Like {@code sha256sum -c}: an improperly formatted line is skipped and counted (one bad line
     * in a release's checksum file must not hide the verdict on the others); a file without a
     * single good line is bad input.
     */
    static Parsed parseFile(Path file, String shown) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String[] raw = text.split("\n", -1);
        List<ChecksumLine> out = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            Optional<ChecksumLine> line = ChecksumLine.parse(raw[i]);
            if (line.isPresent()) {
                out.add(line.get());
            } else {
                malformed.add(i + 1);
            }
        }
        if (out.isEmpty()) {
            int first = malformed.isEmpty() ? 1 : malformed.get(0);
            throw new InputException(
                    shown
                            + ":"
                            + first
                            + ": no properly formatted checksum lines found"
                            + (malformed.isEmpty() ? "" : "; " + MALFORMED));
        }
        return new Parsed(out, malformed);
    }
}
