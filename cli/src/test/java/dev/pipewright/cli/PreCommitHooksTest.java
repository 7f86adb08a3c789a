package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * {@code .pre-commit-hooks.yaml} is a valid pre-commit manifest (the keys, types and languages of
 * pre-commit's {@code MANIFEST_HOOK_DICT} in {@code pre_commit/clientlib.py}), and each hook's
 * entry is a command of ours.
 */
class PreCommitHooksTest {
    /**
     * pre-commit's languages ({@code all_languages.py}) plus the names it still accepts and
     * translates.
     */
    static final Set<String> LANGUAGES =
            Set.of(
                    "conda",
                    "coursier",
                    "dart",
                    "docker",
                    "docker_image",
                    "dotnet",
                    "fail",
                    "golang",
                    "haskell",
                    "julia",
                    "lua",
                    "node",
                    "perl",
                    "pygrep",
                    "python",
                    "r",
                    "ruby",
                    "rust",
                    "swift",
                    "unsupported",
                    "unsupported_script",
                    "system",
                    "script");

    static final Set<String> REQUIRED = Set.of("id", "name", "entry", "language");
    static final Set<String> STRINGS =
            Set.of(
                    "id",
                    "name",
                    "entry",
                    "language",
                    "alias",
                    "files",
                    "exclude",
                    "description",
                    "language_version",
                    "log_file",
                    "minimum_pre_commit_version");
    static final Set<String> BOOLEANS =
            Set.of("always_run", "fail_fast", "pass_filenames", "require_serial", "verbose");
    static final Set<String> LISTS =
            Set.of(
                    "types",
                    "types_or",
                    "exclude_types",
                    "additional_dependencies",
                    "args",
                    "stages");

    static List<Map<String, Object>> hooks() throws IOException {
        Path file = SharedData.repoRoot().orElseThrow().resolve(".pre-commit-hooks.yaml");
        return new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyHookMatchesPreCommitsManifestSchema() throws IOException {
        List<Map<String, Object>> hooks = hooks();
        assertThat(hooks)
                .extracting(h -> h.get("id"))
                .containsExactly("pipewright-lint", "pipewright-check");
        for (Map<String, Object> hook : hooks) {
            String id = String.valueOf(hook.get("id"));
            assertThat(hook.keySet()).as(id).containsAll(REQUIRED);
            for (Map.Entry<String, Object> e : hook.entrySet()) {
                String key = e.getKey();
                assertThat(STRINGS.contains(key) || BOOLEANS.contains(key) || LISTS.contains(key))
                        .as(id + ": unknown key " + key)
                        .isTrue();
                if (STRINGS.contains(key)) {
                    assertThat(e.getValue()).as(id + "." + key).isInstanceOf(String.class);
                } else if (BOOLEANS.contains(key)) {
                    assertThat(e.getValue()).as(id + "." + key).isInstanceOf(Boolean.class);
                } else {
                    assertThat(e.getValue()).as(id + "." + key).isInstanceOf(List.class);
                }
            }
            assertThat(LANGUAGES).as(id + ".language").contains((String) hook.get("language"));
            for (String regex : List.of("files", "exclude")) {
                if (hook.containsKey(regex)) {
                    Pattern.compile((String) hook.get(regex)); // pre-commit's check_regex
                }
            }
        }
    }

    @Test
    void lintRunsOnWorkflowsAndActionsOnlyAndCheckTakesNoFileNames() throws IOException {
        Map<String, Object> lint = hooks().get(0);
        Map<String, Object> check = hooks().get(1);
        assertThat(lint)
                .containsEntry("language", "system")
                .containsEntry("files", "^\\.github/.*\\.ya?ml$");
        assertThat(check)
                .containsEntry("language", "system")
                .containsEntry("pass_filenames", false);
        // pre-commit selects a file when files matches (search) and exclude does not.
        Pattern files = Pattern.compile((String) lint.get("files"));
        Pattern exclude = Pattern.compile((String) lint.get("exclude"));
        for (String selected :
                List.of(
                        ".github/workflows/ci.yml",
                        ".github/actions/pipewright-lint/action.yml",
                        ".github/dependabot.yml")) {
            assertThat(files.matcher(selected).find() && !exclude.matcher(selected).find())
                    .as(selected)
                    .isTrue();
        }
        for (String skipped :
                List.of(
                        ".github/pipewright.lock.yml",
                        ".github/pipewright-lint.yml",
                        ".github/ISSUE_TEMPLATE/bug.yml",
                        "src/app.yml")) {
            assertThat(files.matcher(skipped).find() && !exclude.matcher(skipped).find())
                    .as(skipped)
                    .isFalse();
        }
    }

    @Test
    void eachEntryIsTheLauncherWithAnExistingSubcommand() throws IOException {
        Path launcher = SharedData.repoRoot().orElseThrow().resolve("pipewright");
        assertThat(Files.isExecutable(launcher)).as("./pipewright is executable").isTrue();
        CommandLine cli = PipewrightCommand.commandLine();
        for (Map<String, Object> hook : hooks()) {
            String[] words = ((String) hook.get("entry")).split(" ");
            assertThat(words[0]).isEqualTo(launcher.getFileName().toString());
            assertThat(cli.getSubcommands()).as("pipewright " + words[1]).containsKey(words[1]);
        }
        assertThat((Object) cli.getSubcommands().get("lint").getCommand())
                .isInstanceOf(LintCommand.class);
        assertThat((Object) cli.getSubcommands().get("check").getCommand())
                .isInstanceOf(CheckCommand.class);
    }

    /** pre-commit's own validator, where pre-commit is installed (skipped otherwise). */
    @Test
    void preCommitValidatesTheManifestWhereInstalled() throws Exception {
        Path root = SharedData.repoRoot().orElseThrow();
        Optional<Path> preCommit =
                Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(d -> Path.of(d, "pre-commit"))
                        .filter(Files::isExecutable)
                        .findFirst();
        Assumptions.assumeTrue(preCommit.isPresent(), "skipped: pre-commit is not on PATH");
        Process p =
                new ProcessBuilder(
                                preCommit.get().toString(),
                                "validate-manifest",
                                ".pre-commit-hooks.yaml")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
