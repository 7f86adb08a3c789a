package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.LockfileException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * {@code pom.xml}: the direct {@code <dependencies>} (inherited ones included) with versions from
 * properties and {@code <dependencyManagement>} of the POM, of its parents and of the BOMs they
 * import ({@code <scope>import}). Parents are looked for in the scanned tree first ({@code
 * <relativePath>}, default {@code ../pom.xml}), then, like imported BOMs, in a {@link
 * PomRepository} (the local Maven repository, then Maven Central when reachable). A version that
 * stays unknown is listed without one and reported with the places searched, never invented; {@code
 * test} scope is dev.
 */
public final class PomCataloger implements Cataloger {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** A parsed POM and the parent it names. */
    private record Pom(Path file, Element project, Pom parent) {}

    /**
     * What a POM and its ancestors define: properties, managed versions by {@code group:artifact},
     * dependencies.
     */
    private record Model(
            Map<String, String> props, Map<String, String[]> managed, List<Element> deps) {}

    private final PomRepository repository;

    public PomCataloger() {
        this(PomRepository.standard());
    }

    public PomCataloger(PomRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean accepts(Path file, String relative) {
        return file.getFileName().toString().equals("pom.xml");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        Pom pom = load(file, display, 0, catalog);
        Model model = model(pom, display, catalog, 0);
        Map<String, String> props = model.props();
        Map<String, String[]> managed = model.managed();
        List<Element> deps = model.deps();
        Map<String, Element> unique = new LinkedHashMap<>();
        for (Element d : deps) {
            unique.put(
                    text(d, "groupId", "")
                            + ":"
                            + text(d, "artifactId", "")
                            + ":"
                            + text(d, "classifier", ""),
                    d);
        }
        for (Element d : unique.values()) {
            String group = interpolate(text(d, "groupId", ""), props);
            String artifact = interpolate(text(d, "artifactId", ""), props);
            String[] m = managed.get(text(d, "groupId", "") + ":" + text(d, "artifactId", ""));
            if (m == null) {
                m = managed.get(group + ":" + artifact);
            }
            String rawVersion = text(d, "version", m == null ? null : m[0]);
            String scope = text(d, "scope", m == null ? null : m[1]);
            String version = rawVersion == null ? null : interpolate(rawVersion, props);
            if (version != null && version.contains("${")) {
                version = null;
            }
            if (group.contains("${")
                    || artifact.contains("${")
                    || group.isEmpty()
                    || artifact.isEmpty()) {
                catalog.unresolved(
                        display
                                + ": dependency "
                                + group
                                + ":"
                                + artifact
                                + " has unresolved coordinates");
                continue;
            }
            if (version == null) {
                catalog.unresolved(
                        display
                                + ": "
                                + group
                                + ":"
                                + artifact
                                + " has no version: "
                                + (rawVersion == null
                                        ? "no dependencyManagement entry"
                                        : rawVersion + " is not defined")
                                + " in the POM, its parents or imported BOMs (outside the scanned tree, searched "
                                + repository.searched()
                                + ")");
            }
            if ("import".equals(scope)) {
                continue;
            }
            catalog.direct(
                    catalog.add(
                            Maven.component(
                                    group,
                                    artifact,
                                    version,
                                    text(d, "type", null),
                                    text(d, "classifier", null),
                                    Hashes.none(),
                                    "test".equals(scope),
                                    display)));
        }
    }

    /**
     * Properties, managed versions and dependencies of {@code pom} and its parents, imported BOMs
     * merged in.
     */
    private Model model(Pom pom, String display, Catalog catalog, int depth) throws IOException {
        Map<String, String> props = new HashMap<>();
        Map<String, String[]> managed = new HashMap<>();
        List<Element> deps = new ArrayList<>();
        List<Element> imports = new ArrayList<>();
        List<Pom> chain = new ArrayList<>();
        for (Pom p = pom; p != null; p = p.parent()) {
            chain.add(0, p);
        }
        for (Pom p : chain) { // parents first, so the child overrides
            Element proj = p.project();
            Element parent = child(proj, "parent");
            String version = text(proj, "version", text(parent, "version", null));
            String group = text(proj, "groupId", text(parent, "groupId", null));
            putIfPresent(props, "project.version", version);
            putIfPresent(props, "version", version);
            putIfPresent(props, "pom.version", version);
            putIfPresent(props, "project.groupId", group);
            putIfPresent(props, "project.artifactId", text(proj, "artifactId", null));
            putIfPresent(props, "project.parent.version", text(parent, "version", null));
            putIfPresent(props, "project.parent.groupId", text(parent, "groupId", null));
            for (Element prop : children(child(proj, "properties"), null)) {
                props.put(prop.getTagName(), prop.getTextContent().trim());
            }
            for (Element d :
                    children(
                            child(child(proj, "dependencyManagement"), "dependencies"),
                            "dependency")) {
                if ("import".equals(text(d, "scope", null))
                        && "pom".equals(text(d, "type", null))) {
                    imports.add(0, d); // the child's imports are consulted first
                    continue;
                }
                managed.put(
                        text(d, "groupId", "") + ":" + text(d, "artifactId", ""),
                        new String[] {
                            text(d, "version", null), text(d, "scope", null), p.file().toString()
                        });
            }
            deps.addAll(children(child(proj, "dependencies"), "dependency"));
        }
        for (Element d : imports) { // entries the POM chain manages itself win over imported ones
            String g = interpolate(text(d, "groupId", ""), props);
            String a = interpolate(text(d, "artifactId", ""), props);
            String v = interpolate(text(d, "version", ""), props);
            String coordinates = g + ":" + a + ":" + v;
            if (coordinates.contains("${")
                    || v.isEmpty()
                    || depth > 10
                    || !PomRepository.validCoordinates(g, a, v)) {
                catalog.unresolved(
                        display + ": imported BOM " + coordinates + " has unresolved coordinates");
                continue;
            }
            var bomFile = repository.find(g, a, v);
            if (bomFile.isEmpty()) {
                catalog.unresolved(
                        display
                                + ": imported BOM "
                                + coordinates
                                + " not found in "
                                + repository.searched());
                continue;
            }
            Model bom =
                    model(
                            load(bomFile.get(), bomFile.get().toString(), depth + 1, catalog),
                            display,
                            catalog,
                            depth + 1);
            bom.managed()
                    .forEach(
                            (key, value) ->
                                    managed.putIfAbsent(
                                            interpolate(key, bom.props()),
                                            new String[] {
                                                value[0] == null
                                                        ? null
                                                        : interpolate(value[0], bom.props()),
                                                value[1],
                                                value[2]
                                            }));
        }
        return new Model(props, managed, deps);
    }

    private Pom load(Path file, String display, int depth, Catalog catalog) throws IOException {
        Element project = parse(file, display);
        if (!project.getTagName().equals("project")) {
            throw new LockfileException(
                    display, 1, "root element is <" + project.getTagName() + ">, not <project>");
        }
        Element parent = child(project, "parent");
        Pom parentPom = null;
        if (parent != null && depth < 20) {
            String rel = text(parent, "relativePath", "../pom.xml");
            Path candidate = rel.isEmpty() ? null : file.getParent().resolve(rel).normalize();
            if (candidate != null && Files.isDirectory(candidate)) {
                candidate = candidate.resolve("pom.xml");
            }
            if (candidate != null && Files.isRegularFile(candidate)) {
                Pom p = load(candidate, candidate.toString(), depth + 1, catalog);
                // Only the parent the POM names: same artifactId (groupId may be inherited itself).
                if (text(parent, "artifactId", "").equals(text(p.project(), "artifactId", null))) {
                    parentPom = p;
                }
            }
            if (parentPom == null) {
                String g = text(parent, "groupId", "");
                String a = text(parent, "artifactId", "");
                String v = text(parent, "version", "");
                if (!g.isEmpty()
                        && !a.isEmpty()
                        && !v.isEmpty()
                        && !v.contains("${")
                        && !PomRepository.validCoordinates(g, a, v)) {
                    // Maven refuses such a parent too ("does not match a valid id pattern");
                    // nothing could be looked up
                    throw new LockfileException(
                            display,
                            lineOf(file, "<parent>"),
                            "parent "
                                    + g
                                    + ":"
                                    + a
                                    + ":"
                                    + v
                                    + " is not a valid Maven coordinate (groupId and artifactId are letters, digits, '_', '-' and"
                                    + " '.'); fix the <parent> element");
                }
                var published =
                        g.isEmpty() || a.isEmpty() || v.isEmpty() || v.contains("${")
                                ? Optional.<Path>empty()
                                : repository.find(g, a, v);
                if (published.isPresent()) {
                    parentPom =
                            load(published.get(), published.get().toString(), depth + 1, catalog);
                } else {
                    catalog.unresolved(
                            display
                                    + ": parent "
                                    + g
                                    + ":"
                                    + a
                                    + ":"
                                    + v
                                    + " is neither in the scanned tree nor in "
                                    + repository.searched());
                }
            }
        }
        return new Pom(file, project, parentPom);
    }

    /**
     * The 1-based line of {@code needle} in the file (read byte for char: line counting needs only
     * the newlines).
     */
    private static int lineOf(Path file, String needle) throws IOException {
        return Readers.lineOf(
                new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), needle);
    }

    private static Element parse(Path file, String display) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(file.toFile());
            return doc.getDocumentElement();
        } catch (SAXParseException e) {
            throw new LockfileException(
                    display, e.getLineNumber(), "not well-formed XML: " + e.getMessage(), e);
        } catch (UnsupportedEncodingException e) {
            // only the XML declaration, on the first line, names an encoding
            throw new LockfileException(
                    display,
                    1,
                    "the XML declaration names encoding '"
                            + e.getMessage()
                            + "', which is not one Java reads; declare encoding=\"UTF-8\" and save the file as UTF-8",
                    e);

        } catch (SAXException | ParserConfigurationException e) {
            throw new LockfileException(display, 1, "not a readable POM: " + e.getMessage(), e);
        }
    }

    static String interpolate(String value, Map<String, String> props) {
        String v = value;
        for (int round = 0; round < 10 && v.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String r = props.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(r == null ? m.group() : r));
            }
            m.appendTail(sb);
            if (sb.toString().equals(v)) {
                break;
            }
            v = sb.toString();
        }
        return v;
    }

    private static void putIfPresent(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name, String fallback) {
        Element e = child(parent, name);
        return e == null ? fallback : e.getTextContent().trim();
    }
}
