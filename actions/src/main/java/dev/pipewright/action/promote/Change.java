package dev.pipewright.action.promote;

/**
 * One image reference rewritten in one file: where, and the old and new tag and digest (empty when
 * absent).
 *
 * @param location the YAML path (Helm) or the {@code images[name]} entry (kustomize)
 */
public record Change(
        String file,
        int line,
        String location,
        String image,
        String oldTag,
        String newTag,
        String oldDigest,
        String newDigest) {
    public boolean changed() {
        return !oldTag.equals(newTag) || !oldDigest.equals(newDigest);
    }
}
