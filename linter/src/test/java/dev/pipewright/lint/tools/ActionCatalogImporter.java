package dev.pipewright.lint.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds {@code popular-actions.json} from a directory of action metadata laid out like the shared
 * corpus ({@code owner__repo/[path__]action.yml}); local {@code .github/...} actions are skipped
 * because only their own repository can use them.
 */
public final class ActionCatalogImporter {
    private ActionCatalogImporter() {}

    public static String importDir(Path dir, String label) throws IOException {
        Map<String, ObjectNode> actions = new TreeMap<>();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*action\\.ya?ml")).sorted().toList();
        }
        for (Path f : files) {
            String repo = f.getParent().getFileName().toString().replace("__", "/");
            String file = f.getFileName().toString();
            String sub = file.replaceFirst("(^|__)action\\.ya?ml$", "").replace("__", "/");
            if (sub.startsWith(".")) {
                continue;
            }
            String name = (sub.isEmpty() ? repo : repo + "/" + sub).toLowerCase(Locale.ROOT);
            YNode root = new YamlLoader().load(Files.readString(f, StandardCharsets.UTF_8)).root();
            if (!(root instanceof YMap m)) {
                continue;
            }
            ObjectNode a = json.createObjectNode();
            ArrayNode req = a.putArray("required");
            ArrayNode opt = a.putArray("optional");
            m.map("inputs").ifPresent(inputs -> inputs.entries().forEach(e -> {
                boolean required = e.value() instanceof YMap im
                        && im.scalar("required").map(YScalar::value).map("true"::equalsIgnoreCase).orElse(false)
                        && im.get("default").isEmpty();
                (required ? req : opt).add(e.key().value());
            }));
            ArrayNode outs = a.putArray("outputs");
            m.map("outputs").ifPresent(o -> o.keys().forEach(outs::add));
            a.put("using", m.map("runs").flatMap(r -> r.string("using")).orElse(""));
            actions.put(name, a);
        }
        ObjectNode root = json.createObjectNode();
        root.put("generated-from", label);
        ObjectNode all = root.putObject("actions");
        actions.forEach(all::set);
        return json.writeValueAsString(root) + "\n";
    }
}
