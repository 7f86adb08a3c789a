package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command splitter adhoc-packages and use-trusted-publishing read scripts with. */
class ShellCommandsTest {
    private static List<List<String>> words(String script) {
        return ShellCommands.parse(script).stream().map(ShellCommands.Command::words).toList();
    }

    @Test
    void splitsAtSeparatorsAndSkipsAssignmentsKeywordsAndComments() {
        assertThat(
                        words(
                                "npm ci && npm i -g pnpm; pnpm add x | tee log\n# gem install y\nif true; then CI=1 gem push a.gem; fi"))
                .containsExactly(
                        List.of("npm", "ci"),
                        List.of("npm", "i", "-g", "pnpm"),
                        List.of("pnpm", "add", "x"),
                        List.of("tee", "log"),
                        List.of("true"),
                        List.of("gem", "push", "a.gem"),
                        List.of("fi"));
    }

    @Test
    void keepsQuotedWordsExpansionsAndContinuationsTogether() {
        assertThat(
                        words(
                                "cargo publish --token \"${{ secrets.T }}\" \\\n  --locked\necho '$(x)' ${HOME}/bin"))
                .containsExactly(
                        List.of("cargo", "publish", "--token", "${{ secrets.T }}", "--locked"),
                        List.of("echo", "$(x)", "${HOME}/bin"));
    }

    @Test
    void offsetsPointAtTheCommandName() {
        String script = "echo a\n  FOO=1 gem install rake";
        assertThat(ShellCommands.parse(script).get(1).offset()).isEqualTo(script.indexOf("gem"));
    }

    @Test
    void baseNamesDropDirectoriesAndWindowsExtensions() {
        assertThat(ShellCommands.base("/usr/bin/npm")).isEqualTo("npm");
        assertThat(ShellCommands.base("C:\\tools\\NuGet.exe")).isEqualTo("nuget");
        assertThat(ShellCommands.shellName("/bin/bash -e {0}")).isEqualTo("bash");
    }
}
