package dev.pipewright.action.promote;

import dev.pipewright.action.InputException;
import java.util.List;

/**
 * A file to rewrite and where its image references are: a Helm values block ({@code
 * FILE[:block.path]}, or {@code FILE:repo.path,tag.path[,digest.path]} for charts with their own
 * layout) or a kustomization.
 *
 * @param digestPath the digest's path when given; null for a block (whose digest key is found in
 *     the file) and for repository and tag paths without one (promotion by tag)
 * @param block whether this is a block, whose digest field ({@code digest} or {@code sha}) is
 *     looked up in the file
 */
record Target(
        Kind kind,
        String file,
        String repositoryPath,
        String tagPath,
        String digestPath,
        boolean block) {
    enum Kind {
        HELM,
        KUSTOMIZE
    }

    static final String DEFAULT_BLOCK = "image";

    static Target helm(String input, String spec) {
        int colon = spec.lastIndexOf(':');
        // "C:\x" or a bare file: no path given.
        if (colon <= 1 || spec.substring(colon + 1).isBlank()) {
            String file = colon == spec.length() - 1 ? spec.substring(0, colon) : spec;
            return block(file, DEFAULT_BLOCK);
        }
        String file = spec.substring(0, colon).strip();
        String paths = spec.substring(colon + 1).strip();
        List<String> parts = List.of(paths.split("\\s*,\\s*"));
        for (String p : parts) {
            if (!p.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                throw InputException.forInput(
                        input,
                        "'"
                                + spec
                                + "': '"
                                + p
                                + "' is not a dotted YAML path "
                                + "(e.g. values.yaml:image or values.yaml:app.image.repository,app.image.tag)");
            }
        }
        if (parts.size() == 1) {
            return block(file, parts.get(0));
        }
        if (parts.size() > 3) {
            throw InputException.forInput(
                    input, "'" + spec + "': give one block path or repository,tag[,digest] paths");
        }
        return new Target(
                Kind.HELM,
                file,
                parts.get(0),
                parts.get(1),
                parts.size() == 3 ? parts.get(2) : null,
                false);
    }

    private static Target block(String file, String block) {
        return new Target(Kind.HELM, file, block + ".repository", block + ".tag", null, true);
    }

    static Target kustomization(String file) {
        return new Target(Kind.KUSTOMIZE, file, null, null, null, false);
    }
}
