package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.lint.LintConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audits section: personas, forbidden-uses and secrets-outside-env, and its errors with
 * positions.
 */
class AuditPolicyTest {
    @TempDir Path dir;

    private AuditPolicy load(String text) throws IOException {
        Path f = dir.resolve("pipewright-lint.yml");
        Files.writeString(f, text);
        return LintConfig.load(f).audits();
    }

    @Test
    void auditorImpliesPedantic() throws IOException {
        AuditPolicy p = load("audits:\n  persona: auditor\n");
        assertThat(p.auditor()).isTrue();
        assertThat(p.pedantic()).isTrue();
        assertThat(load("audits:\n  pedantic: true\n").auditor()).isFalse();
        assertThat(AuditPolicy.defaults().pedantic()).isFalse();
    }

    @Test
    void forbiddenUsesReadsAllowOrDeny() throws IOException {
        AuditPolicy.ForbiddenUses f =
                load("audits:\n  forbidden-uses:\n    deny: [acme/*, actions/checkout@v4]\n")
                        .forbiddenUses();
        assertThat(f.allow()).isFalse();
        assertThat(f.patterns())
                .extracting(UsesPattern::text)
                .containsExactly("acme/*", "actions/checkout@v4");
        assertThat(load("audits:\n  forbidden-uses:\n    allow: [\"*\"]\n").forbiddenUses().allow())
                .isTrue();
        assertThat(AuditPolicy.defaults().forbiddenUses()).isNull();
    }

    @Test
    void secretsOutsideEnvAllowsGithubTokenAndTheListedNames() throws IOException {
        AuditPolicy p = load("audits:\n  secrets-outside-env:\n    allow: [CODECOV_TOKEN]\n");
        assertThat(p.allowsSecretOutsideEnv("codecov_token")).isTrue();
        assertThat(p.allowsSecretOutsideEnv("GITHUB_TOKEN")).isTrue();
        assertThat(p.allowsSecretOutsideEnv("NPM_TOKEN")).isFalse();
    }

    @Test
    void badSectionsNameTheirPosition() {
        assertThatThrownBy(() -> load("audits:\n  forbidden-uses:\n    deny: [acme]\n"))
                .hasMessageEndingWith(
                        ":3:12: \"acme\" is not a repository pattern; expected *, owner/*, owner/repo,"
                                + " owner/repo/* or owner/repo[/path][@ref]");
        assertThatThrownBy(
                        () ->
                                load(
                                        "audits:\n  forbidden-uses:\n    allow: [a/*]\n    deny: [b/*]\n"))
                .hasMessageContaining(
                        ":3:5: expected \"allow: [...]\" or \"deny: [...]\" under forbidden-uses");
        assertThatThrownBy(
                        () -> load("audits:\n  secrets-outside-env:\n    allow: CODECOV_TOKEN\n"))
                .hasMessageContaining(":3:12: allow must be a list of strings");
        assertThatThrownBy(() -> load("audits:\n  auditor: true\n"))
                .hasMessageContaining(":2:3: unknown audits key \"auditor\"");
    }

    @Test
    void theRegularPersonaIsTheDefaultAndSeesOnlyItsOwnFindings() throws IOException {
        AuditPolicy p = load("audits:\n  unpinned-uses:\n    allow-owners: [actions]\n");
        assertThat(p.persona()).isEqualTo(Persona.REGULAR);
        assertThat(p.shows(Persona.REGULAR)).isTrue();
        assertThat(p.shows(Persona.PEDANTIC)).isFalse();
        assertThat(p.shows(Persona.AUDITOR)).isFalse();
    }

    @Test
    void eachPersonaSeesTheFindingsOfThePersonasBeforeIt() throws IOException {
        AuditPolicy pedantic = load("audits:\n  persona: pedantic\n");
        assertThat(pedantic.shows(Persona.REGULAR)).isTrue();
        assertThat(pedantic.shows(Persona.PEDANTIC)).isTrue();
        assertThat(pedantic.shows(Persona.AUDITOR)).isFalse();
        AuditPolicy auditor = load("audits:\n  persona: Auditor\n");
        assertThat(Persona.values()).allMatch(auditor::shows);
    }

    @Test
    void pedanticTrueIsThePedanticPersonaAndAnExplicitPersonaWins() throws IOException {
        assertThat(load("audits:\n  pedantic: true\n").persona()).isEqualTo(Persona.PEDANTIC);
        assertThat(load("audits:\n  pedantic: true\n  persona: auditor\n").persona())
                .isEqualTo(Persona.AUDITOR);
        assertThat(load("audits:\n  persona: regular\n").withPersona(Persona.AUDITOR).persona())
                .isEqualTo(Persona.AUDITOR);
    }

    @Test
    void negativeAnUnknownPersonaIsALocatedError() {
        assertThatThrownBy(() -> load("audits:\n  persona: paranoid\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(
                        "pipewright-lint.yml:2:12: unknown persona \"paranoid\"; expected regular, pedantic or auditor");
        assertThatThrownBy(() -> load("audits:\n  personas: auditor\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected unpinned-uses, persona, pedantic, forbidden-uses or secrets-outside-env");
    }
}
