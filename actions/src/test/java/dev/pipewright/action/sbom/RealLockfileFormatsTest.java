package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.TestData;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gemfile.lock, composer.lock, NuGet packages.lock.json, Swift Package.resolved (v1, v2, v3) and
 * pubspec.lock from public projects ({@code sbom/real/README.md} names them): the purls (qualifiers
 * dropped) and dev flags equal cdxgen 12.8.4's, recorded beside each file, but for differences
 * listed and explained in {@code cdxgen-differences.txt}; the number of components with a hash is
 * as the lockfile states them; both documents are schema-valid.
 */
class RealLockfileFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "ruby-opensource-guide, 136, 0",
        "composer-composer, 36, 0",
        "dart-obtainium, 163, 153",
        "nuget-bicep, 94, 94",
        "swift-v1-tca, 11, 0",
        "swift-v2-tca, 18, 0",
        "swift-v3-tca, 18, 0"
    })
    void matchesCdxgenAndValidates(String folder, int components, int hashed) throws IOException {
        Path dir = TestData.resource("sbom/real/" + folder);
        Catalog c = new Scanner().scan(dir, p -> dir.relativize(p).toString(), true);
        assertThat(c.components()).hasSize(components);
        assertThat(c.components().values().stream().filter(x -> !x.hashes().isEmpty()).count())
                .isEqualTo(hashed);

        Set<String> ours = new TreeSet<>();
        for (Component x : c.components().values()) {
            String id = x.id().replaceAll("[?#].*$", "");
            ours.add(
                    URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8)
                            + (x.dev() ? " dev" : ""));
        }
        Set<String> expected =
                new TreeSet<>(Files.readAllLines(dir.resolve("cdxgen-12.8.4.purls.txt")));
        Path differences = dir.resolve("cdxgen-differences.txt");
        if (Files.exists(differences)) {
            for (String line : Files.readAllLines(differences)) {
                if (line.startsWith("- ")) {
                    assertThat(expected.remove(line.substring(2)))
                            .as(line)
                            .isTrue(); // cdxgen lists, we do not
                } else if (line.startsWith("+ ")) {
                    expected.add(
                            line.substring(2)); // we list, cdxgen does not (or with another scope)
                }
            }
        }
        assertThat(ours).isEqualTo(expected);

        DocumentInfo info = new DocumentInfo(folder, "1", "test", Instant.ofEpochSecond(0), true);
        List<String> errors =
                new ArrayList<>(
                        SbomValidator.validate(JSON.readTree(CycloneDxWriter.write(c, info)))
                                .errors());
        errors.addAll(SbomValidator.validate(JSON.readTree(SpdxWriter.write(c, info))).errors());
        assertThat(errors).isEmpty();
    }
}
