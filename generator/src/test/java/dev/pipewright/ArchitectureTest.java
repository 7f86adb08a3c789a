package dev.pipewright;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package rules, from a plain scan of the imports (and fully qualified names in code) under
 * generator/src/main/java. The allowed dependencies form this DAG (also in docs/STYLE.md, "Package
 * dependencies"); an arrow means "may import":
 *
 * <pre>
 *   pipeline         → emit, model, model.trigger, model.expr, model.validation, model.dependabot, stacks.actions
 *   stacks.actions   → bindings, model, model.expr
 *   bindings         → model, model.expr
 *   emit             → model, model.trigger, model.expr, model.dependabot
 *   model.validation → model, model.trigger, model.expr, model.util, model.dependabot
 *   model.dependabot → model.util
 *   model            → model.trigger, model.expr, model.util
 *   model.trigger    → model.util
 *   model.util       → (JDK only)
 *   model.expr       → (JDK only)
 * </pre>
 *
 * Every package may also import {@code dev.pipewright.github..}: GitHub's rules in their own
 * module, which depends on nothing but the JDK and so can form no cycle with this one.
 *
 * <p>One edge against the grain is known and allowed: {@code model → model.validation}, because
 * {@code Workflow.Builder.build()} validates. It is the only cycle; {@link #KNOWN_CYCLE_EDGES}
 * lists it so that any other cycle fails.
 */
class ArchitectureTest {
    private static final String BASE = "dev.pipewright.";
    private static final String CORE = "dev.pipewright.github";
    private static final Map<String, Set<String>> ALLOWED =
            Map.of(
                    "pipeline",
                            Set.of(
                                    "emit",
                                    "model",
                                    "model.trigger",
                                    "model.expr",
                                    "model.validation",
                                    "model.dependabot",
                                    "stacks.actions"),
                    "stacks.actions", Set.of("bindings", "model", "model.expr"),
                    "bindings", Set.of("model", "model.expr"),
                    "emit", Set.of("model", "model.trigger", "model.expr", "model.dependabot"),
                    "model.validation",
                            Set.of(
                                    "model",
                                    "model.trigger",
                                    "model.expr",
                                    "model.util",
                                    "model.dependabot"),
                    "model.dependabot", Set.of("model.util"),
                    "model", Set.of("model.trigger", "model.expr", "model.util"),
                    "model.trigger", Set.of("model.util"),
                    "model.util", Set.of(),
                    "model.expr", Set.of());
    // building a workflow or a dependabot config validates it
    private static final Set<String> KNOWN_CYCLE_EDGES =
            Set.of("model → model.validation", "model.dependabot → model.validation");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b(dev\\.pipewright(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** Source package (relative to dev.pipewright) → referenced package → files. */
    private static final Map<String, Map<String, Set<String>>> EDGES = new TreeMap<>();

    /** Source package → every non-dev.pipewright package it imports from. */
    private static final Map<String, Set<String>> EXTERNAL = new TreeMap<>();

    @BeforeAll
    static void scan() throws IOException {
        Path src = SharedData.repoRoot().orElseThrow().resolve("generator/src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher pm = PACKAGE.matcher(text);
            assertThat(pm.find()).as("package declaration in %s", file).isTrue();
            String from = relative(pm.group(1));
            EDGES.computeIfAbsent(from, k -> new TreeMap<>());
            List<String> targets = new ArrayList<>();
            Matcher im = IMPORT.matcher(text);
            while (im.find()) {
                targets.add(packageOf(im.group(1)));
            }
            Matcher qm = QUALIFIED.matcher(withoutCommentsAndStrings(text));
            while (qm.find()) {
                targets.add(qm.group(1));
            }
            for (String target : targets) {
                if (target.equals(CORE) || target.startsWith(CORE + ".")) {
                    continue; // the JDK-only github module, allowed everywhere
                }
                if (target.startsWith(BASE)) {
                    String to = relative(target);
                    if (!to.equals(from)) {
                        EDGES.get(from)
                                .computeIfAbsent(to, k -> new TreeSet<>())
                                .add(src.relativize(file).toString());
                    }
                } else {
                    EXTERNAL.computeIfAbsent(from, k -> new TreeSet<>()).add(target);
                }
            }
        }
    }

    @Test
    void positiveEveryPackageIsInTheDag() {
        assertThat(EDGES.keySet())
                .as("a new package needs its place in ALLOWED and docs/STYLE.md")
                .isSubsetOf(ALLOWED.keySet());
    }

    @Test
    void positiveModelImportsOnlyJavaAndModel() {
        List<String> bad = new ArrayList<>();
        EXTERNAL.forEach(
                (from, targets) -> {
                    if (from.equals("model") || from.startsWith("model.")) {
                        targets.stream()
                                .filter(t -> !t.equals("java") && !t.startsWith("java."))
                                .forEach(t -> bad.add(from + " → " + t));
                    }
                });
        EDGES.forEach(
                (from, targets) -> {
                    if (from.equals("model") || from.startsWith("model.")) {
                        targets.keySet().stream()
                                .filter(t -> !t.equals("model") && !t.startsWith("model."))
                                .forEach(
                                        t ->
                                                bad.add(
                                                        from
                                                                + " → "
                                                                + BASE
                                                                + t
                                                                + " "
                                                                + targets.get(t)));
                    }
                });
        assertThat(bad).isEmpty();
    }

    @Test
    void positiveEmitDoesNotImportPipeline() {
        assertThat(EDGES.getOrDefault("emit", Map.of())).doesNotContainKey("pipeline");
    }

    @Test
    void positiveOnlyAllowedDependencies() {
        List<String> bad = new ArrayList<>();
        EDGES.forEach(
                (from, targets) ->
                        targets.forEach(
                                (to, files) -> {
                                    String edge = from + " → " + to;
                                    if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)
                                            && !KNOWN_CYCLE_EDGES.contains(edge)) {
                                        bad.add(edge + " in " + files);
                                    }
                                }));
        assertThat(bad).as("dependencies outside the DAG in docs/STYLE.md").isEmpty();
    }

    @Test
    void positiveAllowedGraphIsAcyclic() {
        assertThat(findCycle(ALLOWED)).isEmpty();
    }

    @Test
    void positiveNoPackageCyclesBesidesTheKnownEdge() {
        Map<String, Set<String>> actual = new TreeMap<>();
        EDGES.forEach((from, targets) -> actual.put(from, new TreeSet<>(targets.keySet())));
        for (String edge : KNOWN_CYCLE_EDGES) {
            String[] ends = edge.split(" → ");
            assertThat(actual.getOrDefault(ends[0], Set.of()))
                    .as(
                            "known edge %s still exists; if it is gone, "
                                    + "remove it from KNOWN_CYCLE_EDGES and docs/STYLE.md",
                            edge)
                    .contains(ends[1]);
            actual.get(ends[0]).remove(ends[1]);
        }
        assertThat(findCycle(actual)).isEmpty();
    }

    private static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String node,
            Map<String, Set<String>> graph,
            Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }

    private static String packageOf(String qualifiedName) {
        List<String> parts = new ArrayList<>();
        for (String part : qualifiedName.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return String.join(".", parts);
    }

    private static String relative(String pkg) {
        return pkg.startsWith(BASE) ? pkg.substring(BASE.length()) : pkg;
    }

    /** Java text with comments and string/char literals blanked out, so only code is searched. */
    private static String withoutCommentsAndStrings(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ")
                .replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("'(?:\\\\.|[^'\\\\\\n])'", "' '");
    }
}
