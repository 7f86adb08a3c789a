package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * GitHub Actions: every {@code uses:} in {@code .github/workflows/*.y*ml} and in composite {@code action.y*ml}, as
 * {@code pkg:github/owner/repo@ref} with the path inside the repository as subpath (reusable workflows too).
 * Local ({@code ./…}) and {@code docker://} references are not repository packages and are skipped.
 */
public final class ActionsCataloger implements Cataloger {
    private static final Pattern USES = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(/[^@]+)?@(.+)");

    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        boolean yaml = n.endsWith(".yml") || n.endsWith(".yaml");
        return yaml && (relative.matches("(.*/)?\\.github/workflows/[^/]+") || n.equals("action.yml") || n.equals("action.yaml"));
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options) throws IOException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(Readers.text(file, display)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new LockfileException(display, line, "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            // a parser limit (nesting, aliases, size) or a character YAML forbids
            throw new LockfileException(display, 1, "not valid YAML: " + e.getMessage(), e);
        }
        if (root != null) {
            walk(root, display, catalog);
        }
    }

    private static void walk(Node node, String display, Catalog catalog) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("uses")
                        && t.getValueNode() instanceof ScalarNode v) {
                    uses(v.getValue().trim(), display, v.getStartMark().getLine() + 1, catalog);
                } else {
                    walk(t.getValueNode(), display, catalog);
                }
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> walk(n, display, catalog));
        }
    }

    static void uses(String value, String display, int line, Catalog catalog) {
        if (value.startsWith("./") || value.startsWith("docker://") || value.contains("${{")) {
            return;
        }
        Matcher m = USES.matcher(value);
        if (!m.matches()) {
            catalog.unresolved(display + ":" + line + ": uses '" + value + "' is not owner/repo[/path]@ref");
            return;
        }
        Purl purl = Purl.of("github", m.group(1), m.group(2), m.group(4));
        if (m.group(3) != null) {
            purl = purl.withSubpath(m.group(3));
        }
        String name = m.group(1) + "/" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        catalog.direct(catalog.add(new Component(Ecosystem.GITHUB_ACTIONS, name, m.group(4), purl, Hashes.none(), false,
                Set.of(display))));
    }
}
