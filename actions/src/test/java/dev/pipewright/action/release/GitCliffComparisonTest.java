package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.testing.SharedData;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs git-cliff itself (npm package {@code git-cliff}, pinned to the version that made the stored
 * oracle) on the recreated fixture repository and compares its groups and bumped version with ours.
 * Installed once into {@code <repo>/.oracles/git-cliff} (gitignored); skips without node and npm,
 * the shared fixture, or the registry.
 */
class GitCliffComparisonTest {
    private static final String VERSION = "2.14.2";

    @TempDir Path tmp;

    @Test
    void groupsAndBumpedVersionAgreeWithGitCliffExceptForUpperCaseTypes() throws Exception {
        Path cliff = install();
        Path config = SharedFixture.file("cliff.toml");
        try (TestRepo repo = SharedFixture.create(tmp.resolve("repo"), true)) {
            JsonNode context =
                    new ObjectMapper()
                            .readTree(
                                    run(
                                            repo.dir(),
                                            cliff.toString(),
                                            "--config",
                                            config.toString(),
                                            "--context",
                                            "--latest"));
            JsonNode release = context.get(0);
            assertThat(release.get("version").asText()).isEqualTo("v2.0.0");
            assertThat(release.get("previous").get("version").asText()).isEqualTo("v1.2.0");

            History.Range range =
                    History.read(repo.dir(), null, "v2.0.0", TagPattern.parse("tag-pattern", "v*"));
            Changes ours = Changes.classify(range.commits(), Grouping.defaults(), false, false);
            Map<String, String> ourGroups = new LinkedHashMap<>();
            ours.changes().forEach(c -> ourGroups.put(c.commit().id(), c.group()));
            Map<String, String> cliffGroups = new LinkedHashMap<>();
            List<String> differences = new ArrayList<>();
            for (JsonNode c : release.get("commits")) {
                String group = c.get("group").asText().replaceFirst("^<!-- \\d+ -->", "");
                cliffGroups.put(c.get("id").asText(), group);
                if (!group.equals(ourGroups.get(c.get("id").asText()))) {
                    differences.add(
                            c.get("raw_message").asText()
                                    + ": git-cliff "
                                    + group
                                    + ", ours "
                                    + ourGroups.get(c.get("id").asText()));
                }
                assertThat(c.get("breaking").asBoolean())
                        .isEqualTo(
                                ours.changes().stream()
                                        .filter(x -> x.commit().id().equals(c.get("id").asText()))
                                        .findFirst()
                                        .orElseThrow()
                                        .breaking());
            }
            assertThat(ourGroups.keySet()).containsExactlyElementsOf(cliffGroups.keySet());
            // The one difference, by the spec: types are case-insensitive, git-cliff's '^feat' rule
            // is not.
            assertThat(differences)
                    .containsExactly(
                            "FEAT(Scope): uppercase type is still conventional "
                                    + "(types are case-insensitive): git-cliff FEAT, ours Features");
        }
        try (TestRepo repo = SharedFixture.create(tmp.resolve("unreleased"), false)) {
            String bumped =
                    run(
                                    repo.dir(),
                                    cliff.toString(),
                                    "--config",
                                    config.toString(),
                                    "--bumped-version")
                            .strip();
            History.Range range =
                    History.read(repo.dir(), null, "HEAD", TagPattern.parse("tag-pattern", "v*"));
            Changes ours = Changes.classify(range.commits(), Grouping.defaults(), false, false);
            SemVer next =
                    new NextVersion(false, false, SemVer.of(0, 1, 0))
                            .decide(range.previous().version(), ours.changes())
                            .version();
            assertThat("v" + next).isEqualTo(bumped);
        }
    }

    /**
     * {@code .oracles/git-cliff/node_modules/.bin/git-cliff}, installed with npm once per checkout.
     */
    private static Path install() throws IOException, InterruptedException {
        assumeTrue(
                onPath("node") && onPath("npm"),
                "skipped: node and npm are needed to run git-cliff from npm");
        SharedFixture.file("cliff.toml");
        Path root = SharedData.repoRoot().orElseThrow();
        Path dir = Files.createDirectories(root.resolve(".oracles/git-cliff"));
        Path bin = dir.resolve("node_modules/.bin/git-cliff");
        try (FileChannel channel =
                FileChannel.open(
                        dir.resolve(".install.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                String pkg =
                        "{\"private\":true,\"dependencies\":{\"git-cliff\":\"" + VERSION + "\"}}\n";
                Path pkgFile = dir.resolve("package.json");
                boolean current =
                        Files.isExecutable(bin)
                                && Files.isRegularFile(pkgFile)
                                && Files.readString(pkgFile).equals(pkg);
                if (!current) {
                    Files.writeString(pkgFile, pkg);
                    Process p =
                            new ProcessBuilder(
                                            "npm",
                                            "install",
                                            "--no-audit",
                                            "--no-fund",
                                            "--no-package-lock")
                                    .directory(dir.toFile())
                                    .redirectErrorStream(true)
                                    .redirectOutput(dir.resolve("install.log").toFile())
                                    .start();
                    boolean done = p.waitFor(5, TimeUnit.MINUTES);
                    if (!done) {
                        p.destroyForcibly();
                    }
                    assumeTrue(
                            done && p.exitValue() == 0 && Files.isExecutable(bin),
                            () ->
                                    "skipped: npm install git-cliff@"
                                            + VERSION
                                            + " failed, see "
                                            + dir.resolve("install.log"));
                }
            } finally {
                lock.release();
            }
        }
        return bin;
    }

    private static String run(Path cwd, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("git-cliff", ".out");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command)
                            .directory(cwd.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("NO_COLOR", "1");
            pb.environment().remove("GITHUB_TOKEN");
            Process p = pb.start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
