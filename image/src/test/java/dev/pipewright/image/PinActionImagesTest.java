package dev.pipewright.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/build/PinActionImages.java, run as the release runs it: java's source launcher, a folder and
 * a reference.
 */
class PinActionImagesTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String IMAGE = "ghcr.io/acme/pipewright-actions@" + DIGEST;

    private record Run(int exit, String out, String err) {}

    private static Run pin(Path dir, String image) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                Path.of("src", "build", "PinActionImages.java").toString(),
                                dir.toString(),
                                image)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    /**
     * The repository's own actions' action.yml files, copied so the test never edits the sources.
     */
    private static List<Path> copyRepositoryActions(Path to) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("..", "actions"))) {
            for (Path d :
                    s.filter(d -> Files.isRegularFile(d.resolve("action.yml"))).sorted().toList()) {
                Path copy = to.resolve(d.getFileName().toString()).resolve("action.yml");
                Files.createDirectories(copy.getParent());
                Files.copy(d.resolve("action.yml"), copy);
                copies.add(copy);
            }
        }
        return copies;
    }

    @Test
    void pinsEveryRealActionChangingOnlyTheImageLine(@TempDir Path dir) throws Exception {
        List<Path> files = copyRepositoryActions(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        List<List<String>> before = new ArrayList<>();
        for (Path f : files) {
            before.add(Files.readAllLines(f));
        }

        Run run = pin(dir, "docker://" + IMAGE);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(files.size()).allMatch(l -> l.startsWith("pinned "));

        for (int i = 0; i < files.size(); i++) {
            List<String> old = before.get(i);
            List<String> now = Files.readAllLines(files.get(i));
            assertThat(now).as(files.get(i).toString()).hasSameSizeAs(old);
            List<Integer> differing = new ArrayList<>();
            for (int l = 0; l < old.size(); l++) {
                if (!old.get(l).equals(now.get(l))) {
                    differing.add(l);
                }
            }
            assertThat(differing).as(files.get(i).toString()).hasSize(1);
            int l = differing.get(0);
            assertThat(old.get(l)).startsWith("  image: docker://");
            assertThat(now.get(l)).isEqualTo("  image: docker://" + IMAGE);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
        // A second run with the same digest has nothing to do.
        Run again = pin(dir, IMAGE);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEmpty();
    }

    @Test
    void keepsQuotesAndCommentAndIgnoresNestedImageKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a/action.yml");
        Files.createDirectories(f.getParent());
        Files.writeString(
                f,
                "name: x\nruns:\n  using: docker\n  env:\n    image: docker://not/this:1\n"
                        + "  image: 'docker://old/img:1.0'  # the image\n  args: [a]\nimage: top-level\n");
        assertThat(pin(dir, IMAGE).exit()).isZero();
        assertThat(Files.readString(f))
                .isEqualTo(
                        "name: x\nruns:\n  using: docker\n  env:\n    image: docker://not/this:1\n"
                                + "  image: 'docker://"
                                + IMAGE
                                + "'  # the image\n  args: [a]\nimage: top-level\n");
    }

    @Test
    void refusesADockerfileActionWithoutWritingAnyFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("a/action.yml");
        Path dockerfile = dir.resolve("b/action.yml");
        Files.createDirectories(good.getParent());
        Files.createDirectories(dockerfile.getParent());
        String goodText = "runs:\n  using: docker\n  image: docker://x/y:1\n";
        Files.writeString(good, goodText);
        Files.writeString(dockerfile, "name: b\nruns:\n  using: docker\n  image: Dockerfile\n");

        Run run = pin(dir, IMAGE);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        dockerfile
                                + ":4:10: runs.image is \"Dockerfile\", not a docker:// image;"
                                + " only a prebuilt image can be pinned\n");
        assertThat(Files.readString(good)).isEqualTo(goodText);
    }

    @Test
    void refusesACompositeActionAndAReferenceWithoutDigest(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c/action.yml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "runs:\n  using: composite\n  steps: []\n");
        Run composite = pin(dir, IMAGE);
        assertThat(composite.exit()).isEqualTo(2);
        assertThat(composite.err())
                .isEqualTo(
                        f
                                + ":1:1: no runs.image; only a docker action can be pinned to an image\n");

        Run tag = pin(dir, "ghcr.io/acme/pipewright-actions:0.2.0");
        assertThat(tag.exit()).isEqualTo(2);
        assertThat(tag.err())
                .isEqualTo(
                        "not an image reference with a sha256 digest: ghcr.io/acme/pipewright-actions:0.2.0\n");
        assertThat(pin(dir, "ghcr.io/acme/x@sha256:abc").exit()).isEqualTo(2);
    }
}
