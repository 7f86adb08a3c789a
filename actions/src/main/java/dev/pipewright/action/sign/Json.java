package dev.pipewright.action.sign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pipewright.action.JsonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON as the signing formats need it: numbers kept exactly, duplicate keys rejected (two parsers
 * must never see two different documents), compact for signed payloads, and 2-space indented with
 * LF for files.
 */
public final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance()
                                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                    .withObjectEmptySeparator("")
                                    .withArrayEmptySeparator(""));

    static {
        PRETTY.indentArraysWith(new DefaultIndenter("  ", "\n"));
        PRETTY.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    }

    /** A JSON parse failure with the position, and without quoting the input (it may be secret). */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    private Json() {}

    public static JsonNode parse(byte[] bytes, String shown) throws JsonException {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new JsonException(shown + ":1:1: empty file, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            String what = JsonErrors.reason(e);
            // Keep the parser's reason but cut any quoted input out of it.
            int quote = what.indexOf('\'');
            if (quote >= 0) {
                what = what.substring(0, quote).strip();
            }
            throw new JsonException(JsonErrors.position(shown, e) + ": malformed JSON: " + what);
        } catch (IOException e) {
            throw new JsonException(shown + ": cannot read JSON: " + e.getMessage());
        }
    }

    public static byte[] compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented with two spaces, LF line ends, a final LF. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Protobuf-JSON bytes: standard or URL-safe base64, padding optional; null when invalid. */
    static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
