package dev.pipewright.action.promote;

import dev.pipewright.action.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Sets the tag and digest of each promoted image in Helm values and kustomizations with minimal
 * textual edits staged on the {@link YamlText}; the files' other bytes are left alone.
 */
final class Rewriter {
    private Rewriter() {}

    /**
     * A Helm values block: its repository (with a sibling {@code registry} prepended, Bitnami
     * style) picks the image; tag and digest are set. The digest goes in the form the chart reads:
     * {@code digest: sha256:<hex>} (Bitnami, ingress-nginx) or {@code sha: <hex>}
     * (kube-prometheus-stack, whose templates add {@code @sha256:} themselves), as the file already
     * has it. A block with neither is refused: a {@code digest} key added there is one the chart
     * never reads, and the image would look pinned without being so. A digest path given explicitly
     * is added beside the tag when missing (whoever named it knows the chart reads it).
     */
    static Change helm(YamlText doc, Target t, Map<String, ImageSpec> byRepository) {
        YamlText.Entry repo = required(doc, t.repositoryPath());
        String repository = repo.value().getValue();
        Optional<YamlText.Entry> registry = doc.entry(repo.parent(), "registry", "registry");
        if (registry.isPresent() && !registry.get().value().getValue().isEmpty()) {
            repository = registry.get().value().getValue() + "/" + repository;
        }
        ImageSpec image = byRepository.get(repository);
        if (image == null) {
            throw new InputException(
                    doc.file()
                            + ":"
                            + YamlText.line(repo.value())
                            + ": '"
                            + t.repositoryPath()
                            + "' is "
                            + repository
                            + ", which no --image names (images: "
                            + byRepository.keySet().stream()
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
        YamlText.Entry tag = required(doc, t.tagPath());
        Optional<YamlText.Entry> digest =
                t.block()
                        ? blockDigest(doc, t, tag)
                        : t.digestPath() == null ? Optional.empty() : doc.entry(t.digestPath());
        String oldDigest = digest.map(d -> d.value().getValue()).orElse("");
        boolean bare =
                digest.map(Rewriter::bareHex)
                        .orElse(
                                t.digestPath() != null
                                        && lastSegment(t.digestPath()).equals("sha"));
        String newDigest =
                bare ? image.digest().substring(image.digest().indexOf(':') + 1) : image.digest();
        doc.set(tag, image.tag());
        if (digest.isPresent()) {
            doc.set(digest.get(), newDigest);
        } else if (t.digestPath() != null) {
            String parent = parentPath(t.digestPath());
            if (!parent.equals(parentPath(t.tagPath()))) {
                throw new InputException(
                        doc.file()
                                + ": no value at path '"
                                + t.digestPath()
                                + "' (it can only be "
                                + "added beside '"
                                + t.tagPath()
                                + "'; add the key to the file)");
            }
            doc.insertAfter(tag, lastSegment(t.digestPath()), newDigest);
        }
        String location =
                t.repositoryPath().endsWith(".repository")
                        ? t.repositoryPath()
                                .substring(0, t.repositoryPath().length() - ".repository".length())
                        : t.repositoryPath();
        Change c =
                new Change(
                        doc.file(),
                        YamlText.line(tag.value()),
                        location,
                        image.name(),
                        tag.value().getValue(),
                        image.tag(),
                        oldDigest,
                        digest.isPresent() || t.digestPath() != null ? newDigest : "");
        return c;
    }

    /**
     * The block's {@code digest} key, else its {@code sha} key; neither is bad input naming the
     * block.
     */
    private static Optional<YamlText.Entry> blockDigest(
            YamlText doc, Target t, YamlText.Entry tag) {
        String block = parentPath(t.tagPath());
        for (String key : DIGEST_KEYS) {
            Optional<YamlText.Entry> e = doc.entry(tag.parent(), key, block + "." + key);
            if (e.isPresent()) {
                return e;
            }
        }
        throw new InputException(
                doc.file()
                        + ":"
                        + YamlText.line(tag.key())
                        + ": '"
                        + block
                        + "' has no digest field ("
                        + String.join(
                                " or ",
                                DIGEST_KEYS.stream().map(k -> "'" + block + "." + k + "'").toList())
                        + "), so the chart cannot pin the image by digest, and a key it never reads would only look pinned; "
                        + "name the chart's digest key (FILE:"
                        + t.repositoryPath()
                        + ","
                        + t.tagPath()
                        + ",<digest.path>) or "
                        + "promote by tag alone (FILE:"
                        + t.repositoryPath()
                        + ","
                        + t.tagPath()
                        + ")");
    }

    /**
     * {@code digest} holds {@code sha256:<hex>} (Bitnami, ingress-nginx); {@code sha} the bare hex
     * (kube-prometheus-stack).
     */
    private static final List<String> DIGEST_KEYS = List.of("digest", "sha");

    /**
     * Whether the field holds the bare hex: what it has now says so; an empty one goes by its key,
     * since charts that call it {@code sha} put {@code @sha256:} in their templates.
     */
    private static boolean bareHex(YamlText.Entry e) {
        String v = e.value().getValue().strip();
        if (!v.isEmpty()) {
            return !v.contains(":") && v.matches("[0-9a-fA-F]{64}");
        }
        return e.key().getValue().equals("sha");
    }

    /**
     * The {@code images:} entries of a kustomization whose {@code name} is a promoted repository
     * get {@code newTag} and {@code digest} (kustomize then renders {@code name:tag@digest}); other
     * entries stay.
     */
    static List<Change> kustomize(
            YamlText doc, Map<String, ImageSpec> byRepository, Map<String, ImageSpec> byName) {
        Optional<Node> images = doc.find("images");
        if (images.isEmpty()) {
            throw new InputException(
                    doc.file()
                            + ":1: no 'images:' list; kustomize rewrites images through it "
                            + "(add 'images: [{name: <repository>, newTag: <tag>}]')");
        }
        if (!(images.get() instanceof SequenceNode seq)) {
            throw new InputException(
                    doc.file()
                            + ":"
                            + YamlText.line(images.get())
                            + ": 'images' is a "
                            + YamlText.kind(images.get())
                            + ", expected a list");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (!(item instanceof MappingNode entry)) {
                throw new InputException(
                        doc.file()
                                + ":"
                                + YamlText.line(item)
                                + ": images["
                                + i
                                + "] is a "
                                + YamlText.kind(item)
                                + ", expected a mapping with 'name'");
            }
            Optional<YamlText.Entry> name = doc.entry(entry, "name", "images." + i + ".name");
            if (name.isEmpty()) {
                throw new InputException(
                        doc.file()
                                + ":"
                                + YamlText.line(item)
                                + ": images["
                                + i
                                + "] has no 'name'");
            }
            String n = name.get().value().getValue();
            ImageSpec image = byRepository.getOrDefault(n, byName.get(n));
            if (image == null) {
                continue;
            }
            Optional<YamlText.Entry> tag = doc.entry(entry, "newTag", "images." + i + ".newTag");
            Optional<YamlText.Entry> digest = doc.entry(entry, "digest", "images." + i + ".digest");
            YamlText.Entry last = name.get();
            if (tag.isPresent()) {
                doc.set(tag.get(), image.tag());
                last = tag.get();
            }
            if (digest.isPresent()) {
                doc.set(digest.get(), image.digest());
            }
            if (tag.isEmpty()) {
                doc.insertAfter(digest.orElse(last), "newTag", image.tag());
            }
            if (digest.isEmpty()) {
                doc.insertAfter(last, "digest", image.digest());
            }
            changes.add(
                    new Change(
                            doc.file(),
                            YamlText.line(item),
                            "images[" + n + "]",
                            image.name(),
                            tag.map(e -> e.value().getValue()).orElse(""),
                            image.tag(),
                            digest.map(e -> e.value().getValue()).orElse(""),
                            image.digest()));
        }
        return changes;
    }

    private static YamlText.Entry required(YamlText doc, String path) {
        return doc.entry(path)
                .orElseThrow(
                        () ->
                                new InputException(
                                        doc.file()
                                                + ": no value at path '"
                                                + path
                                                + "'"
                                                + hint(doc, path)));
    }

    /** Names the keys that do exist where the path stopped matching, so a typo is easy to spot. */
    private static String hint(YamlText doc, String path) {
        String parent = parentPath(path);
        Optional<Node> p = parent.isEmpty() ? Optional.of(doc.root()) : doc.find(parent);
        if (p.isPresent() && p.get() instanceof MappingNode m) {
            return " (keys "
                    + (parent.isEmpty() ? "at the top" : "under '" + parent + "'")
                    + ": "
                    + m.getValue().stream()
                            .map(tu -> tu.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?")
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        return parent.isEmpty() ? "" : " ('" + parent + "' does not exist)";
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
