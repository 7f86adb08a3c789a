package dev.pipewright.action.sbom.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pipewright.action.JsonErrors;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.lint.StrictUtf8;
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
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads lockfiles: text as strict UTF-8 and JSON, TOML and YAML into trees; a byte that is not
 * UTF-8 or a syntax error becomes {@code file:line[:col]: reason} (exit 2).
 */
final class Readers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxStringLength(50_000_000).build());
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

    /**
     * The file's text. Every lockfile format these catalogers read is UTF-8, and a lenient decode
     * would put U+FFFD into names and versions, so the first byte that is not UTF-8 is refused at
     * its line and column.
     */
    static String text(Path file, String display) throws IOException {
        StrictUtf8.Result r = StrictUtf8.decode(Files.readAllBytes(file));
        if (!r.ok()) {
            throw new LockfileException(
                    String.format(
                            "%s:%d:%d: the file is not valid UTF-8 (byte 0x%02X); lockfiles are"
                                    + " written as UTF-8: regenerate it, or save it as UTF-8",
                            display, r.line(), r.column(), r.badByte()),
                    null);
        }
        return r.text();
    }

    /** The file's lines (LF or CRLF), decoded as {@link #text}. */
    static List<String> lines(Path file, String display) throws IOException {
        return text(file, display).lines().toList();
    }

    static JsonNode toml(Path file, String display) throws IOException {
        return toml(text(file, display), display);
    }

    static JsonNode toml(String text, String display) throws IOException {
        try {
            return TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LockfileException(
                    JsonErrors.position(display, e) + ": malformed TOML: " + JsonErrors.reason(e),
                    e);
        }
    }

    /** Every YAML document of the file (pnpm may write two), as plain maps and lists. */
    static List<Object> yamlDocuments(Path file, String display) throws IOException {
        return yamlDocuments(text(file, display), display);
    }

    static List<Object> yamlDocuments(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new LocatedConstructor(options, display));
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : yaml.loadAll(text)) {
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new LockfileException(
                    display,
                    m == null ? 1 : m.getLine() + 1,
                    "not valid YAML: " + e.getProblem(),
                    e);
        } catch (YAMLException e) {
            throw new LockfileException(display, 1, "not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /**
     * SnakeYAML's safe constructor, whose tagged values that do not parse ({@code !!binary} that is
     * not base64, {@code !!int x}, {@code !!timestamp x}) throw plain IllegalArgumentExceptions
     * with no position: here they are refused at the node's line and column.
     */
    private static final class LocatedConstructor extends SafeConstructor {
        private final String display;

        LocatedConstructor(LoaderOptions options, String display) {
            super(options);
            this.display = display;
        }

        @Override
        protected Object constructObject(Node node) {
            try {
                return super.constructObject(node);
            } catch (YAMLException | LockfileException e) {
                throw e;
            } catch (RuntimeException e) {
                Mark m = node.getStartMark();
                throw new LockfileException(
                        String.format(
                                "%s:%d:%d: cannot read this %s value (%s); remove the tag or fix"
                                        + " the value",
                                display,
                                m.getLine() + 1,
                                m.getColumn() + 1,
                                node.getTag().getValue(),
                                e.getMessage()),
                        e);
            }
        }
    }

    /**
     * The 1-based line of the {@code n}th (0-based) line that is {@code header} once trimmed, e.g.
     * a TOML {@code [[package]]}: the trees Jackson builds carry no positions, the file's text
     * does.
     */
    static int headerLine(String text, String header, int n) {
        int line = 0;
        int seen = 0;
        for (String l : text.lines().toList()) {
            line++;
            if (l.trim().equals(header) && seen++ == n) {
                return line;
            }
        }
        return 1;
    }

    /**
     * The 1-based line of the first occurrence of {@code needle} in {@code text}, for messages
     * about content.
     */
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
