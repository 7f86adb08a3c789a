package dev.pipewright.action.promote;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.pipewright.action.InputException;
import dev.pipewright.action.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The file side of a promotion: staging the tag and digest edits, the patch, and the images table
 * of the PR body.
 */
final class PromotionEdit {
    private PromotionEdit() {}

    static Map<String, ImageSpec> index(
            List<ImageSpec> images, Function<ImageSpec, String> key, String what) {
        Map<String, ImageSpec> out = new LinkedHashMap<>();
        for (ImageSpec i : images) {
            if (out.put(key.apply(i), i) != null) {
                throw InputException.forInput(
                        "image", "two images have the " + what + " '" + key.apply(i) + "'");
            }
        }
        return out;
    }

    /** Stages every edit on {@code docs}; an image no file references is bad input. */
    static Map<String, List<Change>> rewrite(
            Workspace ws,
            List<Target> targets,
            Map<String, YamlText> docs,
            List<ImageSpec> images) {
        Map<String, ImageSpec> byRepo = index(images, ImageSpec::repository, "repository");
        Map<String, ImageSpec> byName = index(images, ImageSpec::name, "name");
        Map<String, List<Change>> out = new LinkedHashMap<>();
        Set<String> seenKustomizations = new HashSet<>();
        for (Target t : targets) {
            String file = ws.display(ws.resolve("helm-values", t.file()));
            YamlText doc = docs.get(file);
            List<Change> cs =
                    t.kind() == Target.Kind.HELM
                            ? List.of(Rewriter.helm(doc, t, byRepo))
                            : seenKustomizations.add(file)
                                    ? Rewriter.kustomize(doc, byRepo, byName)
                                    : List.of();
            for (Change c : cs) {
                out.computeIfAbsent(c.image(), k -> new ArrayList<>()).add(c);
            }
        }
        for (ImageSpec i : images) {
            if (!out.containsKey(i.name())) {
                throw InputException.forInput(
                        "image",
                        "'"
                                + i.name()
                                + "' ("
                                + i.repository()
                                + ") is not referenced by "
                                + "any helm-values block or kustomization images: entry; remove it or add the file");
            }
        }
        return out;
    }

    static List<Map<String, Object>> imagesModel(
            List<ImageSpec> images, Map<String, List<Change>> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImageSpec i : images) {
            for (Change c : changes.getOrDefault(i.name(), List.of())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", i.name());
                m.put("repository", i.repository());
                m.put("file", c.file());
                m.put("location", c.location());
                m.put("oldTag", c.oldTag());
                m.put("newTag", c.newTag());
                m.put("oldDigest", c.oldDigest());
                m.put("newDigest", c.newDigest());
                m.put("changed", c.changed());
                out.add(m);
            }
        }
        return out;
    }

    static String diff(String file, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> lines =
                UnifiedDiffUtils.generateUnifiedDiff(
                        "a/" + file, "b/" + file, a, DiffUtils.diff(a, b), 3);
        StringBuilder sb = new StringBuilder("diff --git a/" + file + " b/" + file + "\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
