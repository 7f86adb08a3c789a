package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pipewright.action.JsonErrors;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Parses JSON, TOML and YAML files into trees; a syntax error becomes {@code file:line: reason} (exit 2). */
final class Readers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(50_000_000).build());
    }

    private Readers() {}

    static JsonNode json(Path file, String display) throws IOException {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new LockfileException(display, 1, "empty file; expected a JSON document");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new LockfileException(JsonErrors.malformed(display, e), e);
        }
    }

    static JsonNode toml(Path file, String display) throws IOException {
        try {
            return TOML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new LockfileException(JsonErrors.position(display, e) + ": malformed TOML: " + JsonErrors.reason(e), e);
        }
    }

    /** Every YAML document of the file (pnpm may write two), as plain maps and lists. */
    static List<Object> yamlDocuments(Path file, String display) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> docs = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file)) {
            for (Object doc : yaml.loadAll(reader)) {
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new LockfileException(display, m == null ? 1 : m.getLine() + 1, "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new LockfileException(display, 1, "not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** The 1-based line of the first occurrence of {@code needle} in {@code text}, for messages about content. */
    static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            return 1;
        }
        int line = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
