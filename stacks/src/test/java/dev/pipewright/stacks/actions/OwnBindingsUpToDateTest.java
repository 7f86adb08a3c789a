package dev.pipewright.stacks.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Actions;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The committed bindings of our own actions are exactly what {@link OwnBindingGenerator} makes
 * from the {@link ActionDescriptor}s that also write {@code actions/<id>/action.yml}; the local
 * action each binding embeds equals that committed action.yml minus its header. With
 * {@code -Dgolden.update=true} (not in CI) the bindings are rewritten instead.
 */
class OwnBindingsUpToDateTest {
    // the bindings ship in the generator, the artifact every pipeline depends on; their package name is kept
    private static final String DIR = "generator/src/main/java/dev/pipewright/stacks/actions/";

    static String imageVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Action.class.getResourceAsStream("/dev/pipewright/action/version.properties")) {
            p.load(in);
        }
        return p.getProperty("version").replaceFirst("-SNAPSHOT$", "");
    }

    static Map<String, String> expected() throws IOException {
        String version = imageVersion();
        Map<String, String> out = new TreeMap<>();
        for (Action a : Actions.all()) {
            ActionDescriptor d = a.descriptor();
            out.put(DIR + OwnBindingGenerator.className(d.id()) + ".java",
                    OwnBindingGenerator.source(d, version, "the descriptor of " + a.getClass().getName()));
        }
        return out;
    }

    @Test
    void committedBindingsMatchTheDescriptors() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        Map<String, String> expected = expected();
        if (Boolean.getBoolean("golden.update") && !"true".equals(System.getenv("CI"))) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Files.writeString(root.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path p = root.resolve(e.getKey());
            assertThat(Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<missing>")
                    .as(e.getKey() + " differs from its descriptor; rerun " + OwnBindingGenerator.REGENERATE)
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void localActionMetadataIsTheCommittedActionYml() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        String version = imageVersion();
        for (Action a : Actions.all()) {
            ActionDescriptor d = a.descriptor();
            String committed = Files.readString(root.resolve("actions/" + d.id() + "/action.yml"), StandardCharsets.UTF_8);
            String body = committed.lines().dropWhile(l -> l.startsWith("#"))
                    .reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString();
            assertThat(LocalActions.all().get("pipewright-" + d.id())).as(d.id())
                    .isEqualTo(OwnBindingGenerator.metadata(d, version))
                    .isEqualTo(body);
        }
    }
}
