package dev.pipewright.action.sbom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A package URL per the purl specification: canonical form on {@link #toString()} (lower-case type,
 * type-specific name normalisation, percent-encoding of everything but {@code A-Za-z0-9.-_~:},
 * sorted qualifiers) and a parser for round trips.
 */
public record Purl(
        String type,
        String namespace,
        String name,
        String version,
        SortedMap<String, String> qualifiers,
        String subpath) {
    private static final Pattern TYPE = Pattern.compile("[a-zA-Z.+-][a-zA-Z0-9.+-]*");
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[a-zA-Z.\\-_][a-zA-Z0-9.\\-_]*");

    public Purl {
        Objects.requireNonNull(type, "type == null");
        if (!TYPE.matcher(type).matches() || Character.isDigit(type.charAt(0))) {
            throw new IllegalArgumentException(
                    "purl type '" + type + "' must start with a letter and use a-z0-9.+-");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("purl name is required (type " + type + ")");
        }
        namespace = namespace == null || namespace.isEmpty() ? null : trimSlashes(namespace);
        version = version == null || version.isEmpty() ? null : version;
        subpath = subpath == null ? null : cleanSubpath(subpath);
        TreeMap<String, String> q = new TreeMap<>();
        if (qualifiers != null) {
            for (Map.Entry<String, String> e : qualifiers.entrySet()) {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                if (!QUALIFIER_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException(
                            "purl qualifier key '" + e.getKey() + "' is not valid");
                }
                if (e.getValue() != null && !e.getValue().isEmpty()) {
                    q.put(key, e.getValue());
                }
            }
        }
        qualifiers = Collections.unmodifiableSortedMap(q);
        switch (type) {
            case "pypi" -> name = name.toLowerCase(Locale.ROOT).replace('_', '-');
            case "composer" -> { // vendor and package names are case-blind on Packagist: the spec
                // lower-cases both
                name = name.toLowerCase(Locale.ROOT);
                namespace = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
            }
            case "github", "bitbucket" -> {
                name = name.toLowerCase(Locale.ROOT);
                namespace = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
            }
            default -> {}
        }
        if ((type.equals("maven")
                        || type.equals("github")
                        || type.equals("composer")
                        || type.equals("swift"))
                && namespace == null) {
            throw new IllegalArgumentException("a " + type + " purl needs a namespace: " + name);
        }
        if ((type.equals("cargo")
                        || type.equals("pypi")
                        || type.equals("gem")
                        || type.equals("nuget")
                        || type.equals("pub"))
                && namespace != null) {
            throw new IllegalArgumentException(
                    "a " + type + " purl has no namespace: " + namespace + "/" + name);
        }
    }

    public static Purl of(String type, String namespace, String name, String version) {
        return new Purl(type, namespace, name, version, null, null);
    }

    public Purl withSubpath(String path) {
        return new Purl(type, namespace, name, version, qualifiers, path);
    }

    public Purl withQualifier(String key, String value) {
        TreeMap<String, String> q = new TreeMap<>(qualifiers);
        q.put(key, value);
        return new Purl(type, namespace, name, version, q, subpath);
    }

    /** {@code namespace/name} or {@code name}. */
    public String fullName() {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null) {
            for (String seg : namespace.split("/")) {
                sb.append(encode(seg)).append('/');
            }
        }
        sb.append(encode(name));
        if (version != null) {
            sb.append('@').append(encode(version));
        }
        if (!qualifiers.isEmpty()) {
            List<String> parts = new ArrayList<>();
            qualifiers.forEach((k, v) -> parts.add(k + "=" + encode(v)));
            sb.append('?').append(String.join("&", parts));
        }
        if (subpath != null && !subpath.isEmpty()) {
            List<String> segs = new ArrayList<>();
            for (String seg : subpath.split("/")) {
                segs.add(encode(seg));
            }
            sb.append('#').append(String.join("/", segs));
        }
        return sb.toString();
    }

    /**
     * Parses a purl string as the specification's parsing rules describe; throws on invalid input.
     */
    public static Purl parse(String text) {
        Objects.requireNonNull(text, "text == null");
        String rest = text;
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = decodeSegments(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("purl qualifier without '=': " + pair);
                }
                String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
                if (qualifiers.containsKey(key)) {
                    throw new IllegalArgumentException("duplicate purl qualifier " + key);
                }
                qualifiers.put(key, decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
            throw new IllegalArgumentException("purl must start with 'pkg:': " + text);
        }
        rest = rest.substring(colon + 1);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("purl has no type/name: " + text);
        }
        String type = rest.substring(0, slash);
        rest = trimSlashes(rest.substring(slash + 1));
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0 && at > rest.lastIndexOf('/')) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int lastSlash = rest.lastIndexOf('/');
        String name = decode(lastSlash < 0 ? rest : rest.substring(lastSlash + 1));
        String namespace = lastSlash < 0 ? null : decodeSegments(rest.substring(0, lastSlash));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("purl has an empty name: " + text);
        }
        return new Purl(type, namespace, name, version, qualifiers, subpath);
    }

    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == '~'
                    || c == ':') {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String decodeSegments(String s) {
        List<String> segs = new ArrayList<>();
        for (String seg : s.split("/")) {
            if (!seg.isEmpty() && !seg.equals(".") && !seg.equals("..")) {
                segs.add(decode(seg));
            }
        }
        return String.join("/", segs);
    }

    private static String trimSlashes(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '/') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '/') {
            b--;
        }
        return s.substring(a, b);
    }

    private static String cleanSubpath(String s) {
        List<String> segs = new ArrayList<>();
        for (String seg : s.split("/")) {
            if (!seg.isEmpty() && !seg.equals(".") && !seg.equals("..")) {
                segs.add(seg);
            }
        }
        return segs.isEmpty() ? null : String.join("/", segs);
    }
}
