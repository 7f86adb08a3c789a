package dev.pipewright.lint.expr;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.github.expr.Type;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type of {@code fromJSON('...')} with a literal argument: GitHub parses the string when the
 * expression runs, so a literal that is not JSON fails the run, and one that is gives a value whose
 * type is known before it runs.
 */
final class JsonLiterals {
    /**
     * The type of a parsed literal, or the reason it does not parse with the offset where the
     * parser stopped.
     */
    record Result(Type type, String error, long offset) {}

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private JsonLiterals() {}

    static Result parse(String text) {
        if (text.isBlank()) {
            return new Result(null, "unexpected end of JSON input", text.length());
        }
        try {
            JsonNode node = JSON.readTree(text);
            return new Result(type(node), null, 0);
        } catch (JsonEOFException e) {
            return new Result(null, "unexpected end of JSON input", text.length());
        } catch (JsonParseException e) {
            long at =
                    Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getCharOffset() - 1);
            char c = at < text.length() ? text.charAt((int) at) : ' ';
            return new Result(null, "invalid character '" + c + "' in JSON", at);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            return new Result(
                    null, e.getOriginalMessage().lines().findFirst().orElse("invalid JSON"), at);
        }
    }

    private static Type type(JsonNode n) {
        if (n.isTextual()) {
            return Type.STRING;
        } else if (n.isNumber()) {
            return Type.NUMBER;
        } else if (n.isBoolean()) {
            return Type.BOOL;
        } else if (n.isNull()) {
            return Type.NULL;
        } else if (n.isArray()) {
            Type elem = null;
            for (JsonNode item : n) {
                elem = elem == null ? type(item) : Types.merge(elem, type(item));
            }
            return new Type.Arr(elem == null ? Type.ANY : elem);
        }
        Map<String, Type> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            props.put(e.getKey(), type(e.getValue()));
        }
        return Type.Obj.strict(props);
    }
}
