package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code jbang-catalog.json} (what {@code jbang pipewright@pipewright/pipewright} reads): its alias
 * names this release's CLI artifact and a main class that exists, and the README's install table
 * names that alias.
 */
class JBangCatalogTest {
    @Test
    void theAliasRunsThisReleasesCli() throws Exception {
        Path root = ReadmeExamplesTest.root();
        JsonNode alias =
                new ObjectMapper()
                        .readTree(root.resolve("jbang-catalog.json").toFile())
                        .path("aliases")
                        .path("pipewright");
        String version = releaseVersion(root);
        assertThat(alias.path("script-ref").asText())
                .isEqualTo("dev.pipewright:pipewright-cli:" + version);
        // the CLI artifact's own manifest has no Main-Class (only the shaded jar's has): the alias
        // must name it
        Method main = Class.forName(alias.path("main").asText()).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(alias.path("java").asText()).isEqualTo("17+");
        assertThat(Files.readString(root.resolve("README.md")))
                .contains("jbang pipewright@pipewright/pipewright")
                .contains("dev.pipewright:pipewright-cli:" + version);
    }

    /** The version the reactor releases next: its version without -SNAPSHOT. */
    private static String releaseVersion(Path root) throws IOException {
        Matcher m =
                Pattern.compile(
                                "<artifactId>pipewright-parent</artifactId>\\s*<version>([^<]+)</version>")
                        .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(m.find()).as("the parent pom's version").isTrue();
        return m.group(1).replace("-SNAPSHOT", "");
    }
}
