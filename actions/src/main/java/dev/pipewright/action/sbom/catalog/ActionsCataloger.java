package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import dev.pipewright.github.Uses;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
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
 * GitHub Actions: every {@code uses:} in {@code .github/workflows/*.y*ml} and in composite {@code
 * action.y*ml}, as {@code pkg:github/owner/repo@ref} with the path inside the repository as subpath
 * (reusable workflows too). Local ({@code ./…}) and {@code docker://} references are not repository
 * packages and are skipped.
 */
public final class ActionsCataloger implements Cataloger {
    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        boolean yaml = n.endsWith(".yml") || n.endsWith(".yaml");
        return yaml
                && (relative.matches("(.*/)?\\.github/workflows/[^/]+")
                        || n.equals("action.yml")
                        || n.equals("action.yaml"));
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        Node root;
        try {
            root =
                    new Yaml(new LoaderOptions())
                            .compose(new StringReader(Readers.text(file, display)));
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
                if (t.getKeyNode() instanceof ScalarNode k
                        && k.getValue().equals("uses")
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
        Optional<Uses> parsed = Uses.parse(value);
        if (parsed.isEmpty()) {
            catalog.unresolved(
                    display + ":" + line + ": uses '" + value + "' is not owner/repo[/path]@ref");
            return;
        }
        Uses u = parsed.get();
        // The runner drops empty path segments (owner/repo/@v1 is the repository's root action), so
        // "/" is no subpath.
        String path = u.path().equals("/") ? "" : u.path();
        Purl purl = Purl.of("github", u.owner(), u.repo(), u.ref());
        if (!path.isEmpty()) {
            purl = purl.withSubpath(path);
        }
        String name = u.repository() + path;
        catalog.direct(
                catalog.add(
                        new Component(
                                Ecosystem.GITHUB_ACTIONS,
                                name,
                                u.ref(),
                                purl,
                                Hashes.none(),
                                false,
                                Set.of(display))));
    }
}
