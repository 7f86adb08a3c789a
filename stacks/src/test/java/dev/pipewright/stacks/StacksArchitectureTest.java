package dev.pipewright.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package DAG of the stacks module, as written in docs/STYLE.md ("The stacks module"). */
class StacksArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED =
            Map.of(
                    "spec", Set.of("stacks", "stacks.actions", "model"),
                    "stacks",
                            Set.of(
                                    "stacks.actions",
                                    "bindings",
                                    "model",
                                    "model.expr",
                                    "model.trigger",
                                    "model.dependabot",
                                    "pipeline"));
    private static final Pattern PACKAGE =
            Pattern.compile("(?m)^package\\s+dev\\.pipewright\\.([\\w.]+)\\s*;");
    private static final Pattern REF =
            Pattern.compile("\\bdev\\.pipewright\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");

    @Test
    void positiveOnlyAllowedDependencies() throws IOException {
        Path src = SharedData.repoRoot().orElseThrow().resolve("stacks/src/main/java");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pm = PACKAGE.matcher(text);
                assertThat(pm.find()).isTrue();
                String from = pm.group(1);
                assertThat(ALLOWED)
                        .as("package " + from + " needs a line in docs/STYLE.md")
                        .containsKey(from);
                Matcher m = REF.matcher(text.replaceAll("(?m)^package .*$|^\\s*//.*$", ""));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && !ALLOWED.get(from).contains(to)) {
                        bad.add(from + " → " + to + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }
}
