package dev.pipewright.action.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.JsonErrors;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code sbom} action: catalogs lockfiles, manifests, Go binaries, Java archives and workflows
 * under a path and writes SPDX 2.3 and/or CycloneDX 1.6 JSON; with {@code validate} it checks an
 * existing document instead.
 */
public final class SbomAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "sbom",
                    "Pipewright SBOM",
                    "Write an SPDX 2.3 and/or CycloneDX 1.6 SBOM from lockfiles, Go binaries, Java archives and workflows, "
                            + "or validate one.",
                    "Pipewright",
                    List.of(
                            InputSpec.of("path", "Directory or file to catalog.").withDefault("."),
                            InputSpec.of(
                                            "format",
                                            "spdx-json, cyclonedx-json, or both separated by a comma.")
                                    .withDefault("spdx-json"),
                            InputSpec.of(
                                    "output",
                                    "One format: the file to write (default <name>.spdx.json or <name>.cdx.json). "
                                            + "Several formats: the directory for <name>.spdx.json and <name>.cdx.json (default .)."),
                            InputSpec.of(
                                    "name",
                                    "Name of the described artifact (default: the directory's name)."),
                            InputSpec.of("version", "Version of the described artifact."),
                            InputSpec.of(
                                            "include-dev",
                                            "Include packages only needed for development and tests.")
                                    .withDefault("false"),
                            InputSpec.of(
                                    "source-date-epoch",
                                    "Creation time in seconds since 1970 (default $SOURCE_DATE_EPOCH); "
                                            + "makes the document byte-for-byte reproducible."),
                            InputSpec.of(
                                    "validate",
                                    "Validate this SPDX or CycloneDX JSON file instead of writing one; "
                                            + "exit 1 when it is invalid.")),
                    List.of(
                            new OutputSpec(
                                    "spdx-file",
                                    "Path of the SPDX document, empty when not written."),
                            new OutputSpec(
                                    "cyclonedx-file",
                                    "Path of the CycloneDX document, empty when not written."),
                            new OutputSpec(
                                    "component-count", "Number of components in the documents.")),
                    new Branding("package", "blue"));

    private static final Set<String> FORMATS = Set.of("spdx-json", "cyclonedx-json");

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("the document is not a valid SBOM (--validate)");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        if (in.optional("validate").isPresent()) {
            return validate(ctx, in.string("validate"));
        }
        Set<String> formats = new LinkedHashSet<>(in.list("format"));
        for (String f : formats) {
            if (!FORMATS.contains(f)) {
                throw InputException.forInput(
                        "format", "'" + f + "' is not spdx-json or cyclonedx-json");
            }
        }
        if (formats.isEmpty()) {
            throw InputException.forInput(
                    "format", "name at least one of spdx-json, cyclonedx-json");
        }
        boolean includeDev = in.bool("include-dev");
        Instant epoch = epoch(ctx);
        Path path = ws.resolve("path", in.string("path"));
        if (!Files.exists(path)) {
            throw InputException.forInput(
                    "path", "'" + in.string("path") + "' does not exist in " + ws.root());
        }
        String name = in.optional("name").orElseGet(() -> defaultName(path));
        String version = in.optional("version").orElse(null);

        Catalog catalog = new Scanner().scan(path, ws::display, includeDev);
        DocumentInfo info =
                new DocumentInfo(
                        name,
                        version,
                        toolVersion(),
                        epoch == null ? Instant.now() : epoch,
                        epoch != null);

        Map<String, Path> targets = targets(ctx, formats, SpdxWriter.slug(name));
        String spdxFile = "";
        String cdxFile = "";
        for (Map.Entry<String, Path> t : targets.entrySet()) {
            if (t.getKey().equals("spdx-json")) {
                ctx.writeFile("output", t.getValue(), SpdxWriter.write(catalog, info));
                spdxFile = ws.display(t.getValue());
            } else {
                ctx.writeFile("output", t.getValue(), CycloneDxWriter.write(catalog, info));
                cdxFile = ws.display(t.getValue());
            }
        }
        ctx.setOutput("spdx-file", spdxFile);
        ctx.setOutput("cyclonedx-file", cdxFile);
        ctx.setOutput("component-count", String.valueOf(catalog.components().size()));
        ctx.appendSummary(
                Templates.render(
                        "sbom/summary.md.ftl", summary(catalog, name, version, spdxFile, cdxFile)));
        ctx.log(
                "sbom: "
                        + catalog.components().size()
                        + " components from "
                        + catalog.filesRead().size()
                        + " files");
        return Outcome.pass();
    }

    private static Outcome validate(ActionContext ctx, String file) throws IOException {
        Path p = ctx.workspace().existingFile("validate", file);
        JsonNode doc;
        try {
            doc = JsonOutput.MAPPER.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            throw new LockfileException(JsonErrors.malformed(ctx.workspace().display(p), e), e);
        }
        if (doc == null || !doc.isObject()) {
            throw new LockfileException(
                    ctx.workspace().display(p),
                    1,
                    "expected a JSON object (an SPDX or CycloneDX document)");
        }
        SbomValidator.Result r = SbomValidator.validate(doc);
        String shown = ctx.workspace().display(p);
        if (r.format() == SbomValidator.Format.UNKNOWN) {
            // Not an SBOM at all is a wrong file (bad input), not an SBOM with problems.
            throw new LockfileException(
                    shown,
                    1,
                    "neither an SPDX nor a CycloneDX document (no 'spdxVersion' or"
                            + " 'bomFormat' at the top level)");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", shown);
        model.put("format", r.format() == SbomValidator.Format.SPDX ? "SPDX 2.3" : "CycloneDX 1.6");
        model.put("valid", r.valid());
        model.put("errors", r.errors());
        ctx.appendSummary(Templates.render("sbom/validate.md.ftl", model));
        for (String e : r.errors()) {
            ctx.log(shown + ": " + e);
        }
        if (r.valid()) {
            return Outcome.pass();
        }
        return Outcome.fail(
                shown
                        + " is not a valid "
                        + model.get("format")
                        + " document: "
                        + r.errors().size()
                        + " problem"
                        + (r.errors().size() == 1 ? "" : "s")
                        + ", first: "
                        + r.errors().get(0).replace('\n', ' '));
    }

    private static Instant epoch(ActionContext ctx) {
        String raw = ctx.inputs().optional("source-date-epoch").orElse(null);
        String input = "source-date-epoch";
        if (raw == null) {
            raw = ctx.env().get("SOURCE_DATE_EPOCH").orElse(null);
            input = "SOURCE_DATE_EPOCH";
        }
        if (raw == null) {
            return null;
        }
        try {
            long s = Long.parseLong(raw.trim());
            if (s < 0 || s > 253402300799L) {
                throw new NumberFormatException();
            }
            return Instant.ofEpochSecond(s);
        } catch (NumberFormatException e) {
            throw InputException.forInput(
                    input,
                    "expected seconds since 1970-01-01 (e.g. 1700000000), got '" + raw + "'");
        }
    }

    private static Map<String, Path> targets(ActionContext ctx, Set<String> formats, String slug) {
        Workspace ws = ctx.workspace();
        String output = ctx.inputs().optional("output").orElse(null);
        Map<String, Path> out = new TreeMap<>();
        if (formats.size() == 1
                && output != null
                && !output.endsWith("/")
                && !Files.isDirectory(ws.resolve("output", output))) {
            out.put(formats.iterator().next(), ws.resolve("output", output));
            return out;
        }
        Path dir = ws.resolve("output", output == null ? "." : output);
        if (Files.isRegularFile(dir)) {
            throw InputException.forInput(
                    "output", "'" + output + "' is a file; several formats need a directory");
        }
        for (String f : formats) {
            out.put(f, dir.resolve(slug + (f.equals("spdx-json") ? ".spdx.json" : ".cdx.json")));
        }
        return out;
    }

    private static String defaultName(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path n = dir == null ? null : dir.toAbsolutePath().normalize().getFileName();
        return n == null ? "sbom" : n.toString();
    }

    static Map<String, Object> summary(
            Catalog catalog, String name, String version, String spdx, String cdx) {
        Map<String, int[]> per = new TreeMap<>();
        for (Component c : catalog.components().values()) {
            int[] n = per.computeIfAbsent(c.ecosystem().label(), k -> new int[2]);
            n[0]++;
            if (c.dev()) {
                n[1]++;
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        per.forEach(
                (k, v) ->
                        rows.add(
                                Map.of(
                                        "ecosystem",
                                        k,
                                        "count",
                                        String.valueOf(v[0]),
                                        "dev",
                                        String.valueOf(v[1]))));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        model.put("version", version == null ? "" : version);
        model.put("total", String.valueOf(catalog.components().size()));
        model.put("files", catalog.filesRead());
        model.put("ecosystems", rows);
        List<String> unresolved = new ArrayList<>(catalog.unresolvedNotes());
        model.put("unresolved", unresolved.subList(0, Math.min(100, unresolved.size())));
        model.put("moreUnresolved", String.valueOf(Math.max(0, unresolved.size() - 100)));
        model.put("spdxFile", spdx);
        model.put("cyclonedxFile", cdx);
        return model;
    }

    static String toolVersion() {
        Properties p = new Properties();
        try (InputStream in =
                SbomAction.class.getResourceAsStream("/dev/pipewright/action/version.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.0.0");
    }
}
