package dev.pipewright.emit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.Yaml;

/** The YAML readers every emitted document must satisfy, and tree-to-Java conversion. */
enum Readers {
    /** SnakeYAML: YAML 1.1 implicit types (yes/on/0755/12:30/2001-12-14 ...). */
    YAML_1_1(doc -> new Yaml().load(doc)),
    /** snakeyaml-engine with its default settings (YAML 1.2, JSON schema). */
    YAML_1_2(doc -> new Load(LoadSettings.builder().build()).loadFromString(doc)),
    /** snakeyaml-engine with the YAML 1.2 core schema (0o14, 0x1F, .Inf, True ...). */
    YAML_1_2_CORE(
            doc ->
                    new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
                            .loadFromString(doc));

    private final Function<String, Object> loader;

    Readers(Function<String, Object> loader) {
        this.loader = loader;
    }

    Object load(String doc) {
        return loader.apply(doc);
    }

    boolean isYaml11() {
        return this == YAML_1_1;
    }

    /**
     * What this reader should produce for {@code node}: maps, lists, strings, booleans and numbers.
     * The key "on" is written plain (GitHub dialect), which YAML 1.1 reads as true.
     */
    Object expected(YamlNode node) {
        if (node instanceof YamlMap m) {
            Map<Object, Object> map = new LinkedHashMap<>();
            m.entries()
                    .forEach(
                            (k, v) ->
                                    map.put(
                                            isYaml11() && k.equals("on") ? Boolean.TRUE : k,
                                            expected(v)));
            return map;
        }
        if (node instanceof YamlSeq s) {
            List<Object> list = new ArrayList<>();
            s.items().forEach(i -> list.add(expected(i)));
            return list;
        }
        if (node instanceof YamlNull) {
            return null;
        }
        return ((YamlScalar) node).value();
    }

    /** Null when equal, else a description of the first difference. */
    static String diff(Object expected, Object actual, String path) {
        if (expected == null) {
            return actual == null ? null : path + ": expected null, got " + describe(actual);
        }
        if (expected instanceof Map<?, ?> em) {
            if (!(actual instanceof Map<?, ?> am)) {
                return path + ": expected a map, got " + describe(actual);
            }
            List<?> ek = new ArrayList<>(em.keySet());
            List<?> ak = new ArrayList<>(am.keySet());
            if (!ek.equals(ak)) {
                return path + ": keys " + describe(ek) + " != " + describe(ak);
            }
            for (Object k : ek) {
                String d = diff(em.get(k), am.get(k), path + "/" + describe(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al) || al.size() != el.size()) {
                return path + ": expected " + el.size() + " items, got " + describe(actual);
            }
            for (int i = 0; i < el.size(); i++) {
                String d = diff(el.get(i), al.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected instanceof String || expected instanceof Boolean) {
            return expected.equals(actual)
                    ? null
                    : path + ": expected " + describe(expected) + ", got " + describe(actual);
        }
        // Numbers: compare numerically, as readers pick Integer/Long/BigInteger/Double freely.
        BigDecimal e = new BigDecimal(expected.toString());
        boolean same;
        if (actual instanceof Double d) {
            same = e.doubleValue() == d;
        } else if (actual instanceof Integer
                || actual instanceof Long
                || actual instanceof BigInteger) {
            same = e.compareTo(new BigDecimal(actual.toString())) == 0;
        } else {
            same = false;
        }
        return same ? null : path + ": expected number " + e + ", got " + describe(actual);
    }

    static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        String text = o instanceof String s ? Quoting.doubleQuotedLenient(s) : String.valueOf(o);
        return o.getClass().getSimpleName() + " " + text;
    }
}
