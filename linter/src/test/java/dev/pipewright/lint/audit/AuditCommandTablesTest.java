package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command and name tables of adhoc-packages, use-trusted-publishing and typosquat-uses, from
 * zizmor's unit tests.
 */
class AuditCommandTablesTest {
    private static boolean adhoc(String command) {
        List<String> w = Arrays.asList(command.split(" "));
        return AdhocPackagesAudit.adhoc(w.get(0), w.subList(1, w.size()));
    }

    private static boolean publishes(String command) {
        List<String> w = Arrays.asList(command.split(" "));
        return UseTrustedPublishingAudit.publishes(w.get(0), w.subList(1, w.size()));
    }

    @Test
    void positiveAdhocInstalls() {
        for (String c :
                List.of(
                        "gem install rake",
                        "gem install rails:7.0.0",
                        "gem --silent install rake",
                        "gem i --no-document rake",
                        "bundle add rails --skip-install",
                        "npm install oxlint@^1.55.0",
                        "npm isnt lodash",
                        "npm i --no-fund oxlint@1.55.0",
                        "yarn add --dev oxlint@1.55.0",
                        "pnpm add lodash")) {
            assertThat(adhoc(c)).as(c).isTrue();
        }
    }

    @Test
    void negativeLockfileInstallsAndOtherCommands() {
        for (String c :
                List.of(
                        "gem install",
                        "gem install --help",
                        "gem build foo.gemspec",
                        "bundle install",
                        "npm i --help",
                        "npm install --no-fund",
                        "npm ci",
                        "npx foobar@1.2.3",
                        "pip install requests",
                        "yarn install --frozen-lockfile",
                        "pnpm install")) {
            assertThat(adhoc(c)).as(c).isFalse();
        }
    }

    @Test
    void positivePublishCommands() {
        for (String c :
                List.of(
                        "cargo publish -p foo",
                        "uv publish dist/*",
                        "uv --directory pkg publish",
                        "uv run --dev twine upload",
                        "uvx twine@6.1.0 upload",
                        "poetry publish",
                        "hatch publish",
                        "twine upload dist/*",
                        "pipx run twine upload dist/*",
                        "python3.12 -m twine upload dist/*",
                        "gem push foo.gem",
                        "bundle exec gem push foo.gem",
                        "npm publish",
                        "yarn publish",
                        "yarn npm publish",
                        "pnpm publish",
                        "bunx npm@11 publish",
                        "bun publish",
                        "nuget push a.nupkg",
                        "dotnet nuget push a.nupkg",
                        "npm publish --registry https://registry.npmjs.org/",
                        "twine upload --repository-url https://upload.pypi.org/legacy/ dist/*")) {
            assertThat(publishes(c)).as(c).isTrue();
        }
    }

    @Test
    void negativeDryRunsAndOtherCommands() {
        for (String c :
                List.of(
                        "cargo publish --dry-run",
                        "cargo publish -n",
                        "cargo build",
                        "uv sync",
                        "uv publish --dry-run",
                        "uv build publish", // builds the folder ./publish
                        "uvx twine",
                        "poetry publish --dry-run",
                        "npm publish --dry-run",
                        "yarn npm publish -n",
                        "pnpm publish --dry-run",
                        "gem build x.gemspec",
                        "dotnet build",
                        "npm publish --registry http://localhost:4873/",
                        "pnpm publish --registry=https://npm.pkg.github.com",
                        "cargo publish --registry internal",
                        "twine upload --repository-url https://pypi.example.com/legacy/ dist/*")) {
            assertThat(publishes(c)).as(c).isFalse();
        }
    }

    @Test
    void typosAreOneEditAway() {
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "action/checkout")).isTrue();
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "cations/checkout")).isTrue();
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "acti0ns/checkout")).isTrue();
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "actiions/checkout")).isTrue();
        assertThat(TyposquatUsesAudit.oneTypo("docker/login-action", "dokcer/login-action"))
                .isTrue();
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "actions/checkout")).isFalse();
        assertThat(TyposquatUsesAudit.oneTypo("actions/checkout", "acme/checkout")).isFalse();
        assertThat(TyposquatUsesAudit.oneTypo("actions/cache", "actions/setup-go")).isFalse();
    }
}
