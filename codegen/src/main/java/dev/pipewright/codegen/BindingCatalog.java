package dev.pipewright.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The committed action catalog: {@code catalog/bindings.yml} (which third-party actions get a
 * binding, at which tag, under which class name, with which input type overrides) and each action's
 * copied {@code catalog/actions/<owner>/<repo>[/<path>]/action.yml}.
 */
final class BindingCatalog {
    static final String INDEX = "catalog/bindings.yml";

    /**
     * One catalog entry.
     *
     * @param action {@code owner/repo[/path]}
     * @param version the release tag the binding targets
     * @param className the binding's simple class name
     * @param types input name to {@code boolean}, {@code long} or {@code String}, overriding the
     *     guess from defaults
     */
    record Entry(String action, String version, String className, Map<String, String> types) {
        /** Where the entry's copied action.yml is, relative to the repository root. */
        String metadataPath() {
            return "catalog/actions/" + action + "/action.yml";
        }
    }

    private BindingCatalog() {}

    /** The entries of {@value #INDEX}, sorted by action. */
    @SuppressWarnings("unchecked")
    static List<Entry> entries(Path root) {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(load(root, INDEX)).entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException(
                        INDEX + ": " + e.getKey() + " is not a mapping of version and class");
            }
            Map<String, Object> v = (Map<String, Object>) raw;
            if (v.get("version") == null || v.get("class") == null) {
                throw new IllegalArgumentException(
                        INDEX + ": " + e.getKey() + " needs both version and class");
            }
            Map<String, String> types = new TreeMap<>();
            if (v.get("types") instanceof Map<?, ?> t) {
                t.forEach((k, type) -> types.put(String.valueOf(k), String.valueOf(type)));
            }
            list.add(
                    new Entry(
                            e.getKey(),
                            String.valueOf(v.get("version")),
                            String.valueOf(v.get("class")),
                            types));
        }
        return list;
    }

    /**
     * A YAML mapping file of the repository, by relative path; errors name the file and, for
     * syntax, line:col.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path root, String relative) {
        String text;
        try {
            text = Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + ": " + e.getMessage(), e);
        }
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(
                    relative
                            + ":"
                            + (e.getProblemMark().getLine() + 1)
                            + ":"
                            + (e.getProblemMark().getColumn() + 1)
                            + ": "
                            + e.getProblem(),
                    e);
        }
        if (!(doc instanceof Map)) {
            throw new IllegalArgumentException(relative + ":1:1: not a YAML mapping");
        }
        return (Map<String, Object>) doc;
    }
}
