package dev.pipewright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.GeneratedFile;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.PipelineCatalog;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No generated workflow names a made-up host: a registry, URL or Vault address that only looks
 * filled in passes every parser and fails on the first real run. Such values are required
 * parameters; the examples give real ones or repository variables ({@code ${{ vars.NAME }}}). Both
 * the committed files and a fresh rendering are scanned.
 */
class NoPlaceholderHostTest {
    /**
     * RFC 2606's example domains (and their subdomains), the placeholder registries we used to
     * default to.
     */
    static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "(?<![A-Za-z0-9.-])([A-Za-z0-9-]+\\.)*example\\.(com|org|net)(?![A-Za-z0-9-])"
                            + "|(?<![A-Za-z0-9.-])example\\.azurecr\\.io|ghcr\\.io/example(?![A-Za-z0-9._-])");

    /** {@code file:line: match} for each placeholder host in {@code text}. */
    static List<String> placeholders(String file, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                out.add(file + ":" + (i + 1) + ": " + m.group());
            }
        }
        return out;
    }

    @Test
    void thePatternFindsEachPlaceholderWeUsedToWriteAndNothingReal() {
        assertThat(
                        placeholders(
                                "cd.yml",
                                "tags: ghcr.io/example/service:${{ github.sha }}\n"
                                        + "      url: https://staging.example.com\nREGISTRY: example.azurecr.io\n  url: https://example.com/healthz"))
                .containsExactly(
                        "cd.yml:1: ghcr.io/example",
                        "cd.yml:2: staging.example.com",
                        "cd.yml:3: example.azurecr.io",
                        "cd.yml:4: example.com");
        assertThat(
                        placeholders(
                                "ok.yml",
                                "tags: ghcr.io/${{ vars.GHCR_OWNER }}/service\nREGISTRY: ${{ vars.ACR_LOGIN_SERVER }}\n"
                                        + "image: ghcr.io/example-org/x\nurl: https://notexample.com\nhttps://central.sonatype.com/artifact/dev.example/library"))
                .isEmpty();
    }

    @Test
    void noCommittedGeneratedFileNamesAPlaceholderHost() throws IOException {
        Path root = SharedData.repoRoot().orElseThrow();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root.resolve("generated-workflows"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                found.addAll(placeholders(root.relativize(f).toString(), Files.readString(f)));
                scanned++;
            }
        }
        assertThat(scanned).as("generated files scanned").isGreaterThan(20);
        assertThat(found)
                .as(
                        "placeholder hosts; make the value a required parameter and set it in the example")
                .isEmpty();
    }

    @Test
    void noPipelineRendersAPlaceholderHost() {
        List<Pipeline> pipelines =
                PipelineCatalog.pipelines(NoPlaceholderHostTest.class.getClassLoader());
        List<GeneratedFile> generated =
                PipelineCatalog.render(pipelines.stream().map(FileSource::of).toList());
        assertThat(generated).hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (GeneratedFile f : generated) {
            found.addAll(placeholders(f.path(), f.content()));
        }
        assertThat(found).isEmpty();
    }
}
