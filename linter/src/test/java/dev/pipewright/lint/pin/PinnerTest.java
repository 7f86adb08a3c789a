package dev.pipewright.lint.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnerTest {
    private static final String A = "912e2176a00e60e02196737e0ae4c218a14b5dcb";
    private static final String B = "0c8adeaf4a96e48d1b26e9f574fd2c460aaaaaaa";

    /** Answers from a table, as GitHub would; any other tag is not found. */
    private static final TagResolver TABLE =
            (repository, tag) ->
                    switch (repository + "@" + tag) {
                        case "github/codeql-action@v3.28.0" -> A;
                        case "acme/tool@v1.0.0" -> B;
                        default ->
                                throw new TagResolver.ResolveException(
                                        "no tag " + tag + " in " + repository, true);
                    };

    @TempDir Path dir;

    @Test
    void positiveResolvesNamedActionsDroppingTheSubPathAndWritesASortedLock() throws Exception {
        Path lock = dir.resolve(".github/pipewright.lock.yml");
        List<String> printed = new ArrayList<>();

        List<String> keys =
                Pinner.keys(
                        List.of("github/codeql-action/upload-sarif@v3.28.0", "acme/tool@v1.0.0"),
                        Map.of());
        Map<String, String> updated =
                new Pinner(TABLE)
                        .resolve(
                                keys,
                                Pinner.read(lock),
                                p -> printed.add(p.key() + " " + p.status()));
        Pinner.write(lock, updated);

        assertThat(keys).containsExactly("github/codeql-action@v3.28.0", "acme/tool@v1.0.0");
        assertThat(printed)
                .containsExactly("github/codeql-action@v3.28.0 added", "acme/tool@v1.0.0 added");
        assertThat(Files.readString(lock))
                .endsWith("acme/tool@v1.0.0: " + B + "\ngithub/codeql-action@v3.28.0: " + A + "\n");
        assertThat(Pinner.read(lock)).isEqualTo(updated);
        try (var files = Files.list(lock.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(lock);
        }
    }

    @Test
    void positiveWithoutActionsEveryEntryIsResolvedAgain() throws Exception {
        Path lock = dir.resolve("actions.lock");
        Files.writeString(lock, "acme/tool@v1.0.0: 1111111111111111111111111111111111111111\n");
        List<String> printed = new ArrayList<>();

        Map<String, String> current = Pinner.read(lock);
        new Pinner(TABLE)
                .resolve(Pinner.keys(List.of(), current), current, p -> printed.add(p.status()));

        assertThat(printed).containsExactly("was 1111111111111111111111111111111111111111");
    }

    @Test
    void negativeAnUnknownTagStopsBeforeAnythingIsReturned() {
        List<String> printed = new ArrayList<>();

        assertThatThrownBy(
                        () ->
                                new Pinner(TABLE)
                                        .resolve(
                                                List.of("acme/tool@v1.0.0", "acme/tool@v9"),
                                                Map.of(),
                                                p -> printed.add(p.key())))
                .isInstanceOf(TagResolver.ResolveException.class)
                .hasMessage("no tag v9 in acme/tool");
        assertThat(printed).containsExactly("acme/tool@v1.0.0");
    }

    @Test
    void negativeBadInputNamesTheProblem() throws IOException {
        Path lock = dir.resolve("bad.lock");
        Files.writeString(lock, "# ok\nacme/tool@v1: not-a-sha\n");

        assertThatThrownBy(() -> Pinner.keys(List.of("acme"), Map.of()))
                .hasMessage("'acme' is not owner/repo@tag");
        assertThatThrownBy(() -> Pinner.read(lock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(lock + ":2: expected 'owner/repo@tag: <40-hex sha>'");
    }
}
