package dev.pipewright.lint.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds {@code popular-actions.json} from directories of action metadata: the shared corpus
 * ({@code owner__repo/[path__]action.yml}) and the generator's catalog ({@code
 * owner/repo[/path]/action.yml}); local {@code .github/...} actions are skipped because only their
 * own repository can use them.
 */
public final class ActionCatalogImporter {
    private ActionCatalogImporter() {}

    /** The corpus alone, as before the catalog was added. */
    public static String importDir(Path dir, String label) throws IOException {
        return importDirs(dir, null, label);
    }

    /**
     * The corpus and the catalog; an action in both keeps the corpus entry, which is the newer
     * snapshot (catalog/SOURCES.md: the catalog copies corpus files or older commits from the
     * index).
     */
    public static String importDirs(Path corpus, Path catalog, String label) throws IOException {
        return importDirs(corpus, catalog, null, label);
    }

    /**
     * As above, with the inputs earlier releases took ({@code removed-inputs.txt}: {@code action
     * input added removed evidence} a line) as each action's {@code removed}: input to {@code
     * added..removed}.
     */
    public static String importDirs(Path corpus, Path catalog, Path removedInputs, String label)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, ObjectNode> actions = new TreeMap<>();
        for (Path f : metadataFiles(corpus)) {
            String repo = f.getParent().getFileName().toString().replace("__", "/");
            String sub =
                    f.getFileName()
                            .toString()
                            .replaceFirst("(^|__)action\\.ya?ml$", "")
                            .replace("__", "/");
            if (!sub.startsWith(".")) {
                read(json, f)
                        .ifPresent(
                                a ->
                                        actions.put(
                                                (sub.isEmpty() ? repo : repo + "/" + sub)
                                                        .toLowerCase(Locale.ROOT),
                                                a));
            }
        }
        if (catalog != null) {
            Set<String> older = olderThanTag(catalog.resolveSibling("SOURCES.md"));
            for (Path f : metadataFiles(catalog)) {
                String name =
                        catalog.relativize(f.getParent())
                                .toString()
                                .replace('\\', '/')
                                .toLowerCase(Locale.ROOT);
                if (!actions.containsKey(name)) {
                    read(json, f)
                            .ifPresent(
                                    a -> {
                                        // Inputs and outputs added since that commit would be
                                        // reported as unknown.
                                        a.put("complete", !older.contains(name));
                                        actions.put(name, a);
                                    });
                }
            }
        }
        if (removedInputs != null) {
            for (String line : Files.readAllLines(removedInputs, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split("\\s+", 5);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (f.length < 4 || !actions.containsKey(f[0].toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(
                            removedInputs
                                    + ": expected \"action input added removed\" of a"
                                    + " known action, got: "
                                    + line);
                }
                ObjectNode a = actions.get(f[0].toLowerCase(Locale.ROOT));
                ObjectNode removed =
                        a.has("removed") ? (ObjectNode) a.get("removed") : a.putObject("removed");
                removed.put(f[1], f[2] + ".." + f[3]);
            }
        }
        ObjectNode root = json.createObjectNode();
        root.put("generated-from", label);
        ObjectNode all = root.putObject("actions");
        actions.forEach(all::set);
        return json.writeValueAsString(root) + "\n";
    }

    /**
     * Actions whose metadata commit is older than the tag the bindings use: SOURCES.md rows with
     * "matches tag" = "no...".
     */
    static Set<String> olderThanTag(Path sources) throws IOException {
        Set<String> older = new TreeSet<>();
        if (Files.exists(sources)) {
            for (String line : Files.readAllLines(sources, StandardCharsets.UTF_8)) {
                String[] cells = line.split("\\|");
                if (cells.length > 5 && cells[4].strip().startsWith("no")) {
                    older.add(cells[1].strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return older;
    }

    private static List<Path> metadataFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*action\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }

    private static Optional<ObjectNode> read(ObjectMapper json, Path f) throws IOException {
        YNode root = new YamlLoader().load(Files.readString(f, StandardCharsets.UTF_8)).root();
        if (!(root instanceof YMap m)) {
            return Optional.empty();
        }
        ObjectNode a = json.createObjectNode();
        ArrayNode req = a.putArray("required");
        ArrayNode opt = a.putArray("optional");
        ObjectNode deprecated = json.createObjectNode();
        m.map("inputs")
                .ifPresent(
                        inputs ->
                                inputs.entries()
                                        .forEach(
                                                e -> {
                                                    YMap im =
                                                            e.value() instanceof YMap x ? x : null;
                                                    // As actionlint: an input is required only when
                                                    // it is marked required and has no default.
                                                    boolean required =
                                                            im != null
                                                                    && im.scalar("required")
                                                                            .map(YScalar::value)
                                                                            .map(
                                                                                    "true"
                                                                                            ::equalsIgnoreCase)
                                                                            .orElse(false)
                                                                    && im.get("default").isEmpty();
                                                    (required ? req : opt).add(e.key().value());
                                                    if (im != null) {
                                                        im.string("deprecationMessage")
                                                                .ifPresent(
                                                                        msg ->
                                                                                deprecated.put(
                                                                                        e.key()
                                                                                                .value(),
                                                                                        msg.strip()
                                                                                                .replaceAll(
                                                                                                        "\\s+",
                                                                                                        " ")));
                                                    }
                                                }));
        a.set("deprecated", deprecated);
        ArrayNode outs = a.putArray("outputs");
        m.map("outputs").ifPresent(o -> o.keys().forEach(outs::add));
        a.put("using", m.map("runs").flatMap(r -> r.string("using")).orElse(""));
        a.put("complete", true);
        return Optional.of(a);
    }
}
