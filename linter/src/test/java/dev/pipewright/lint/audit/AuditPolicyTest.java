package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.lint.LintConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPolicyTest {
    @TempDir
    Path dir;

    private AuditPolicy load(String text) throws IOException {
        Path f = dir.resolve("pipewright-lint.yml");
        Files.writeString(f, text);
        return LintConfig.load(f).audits();
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
        assertThat(load("audits:\n  pedantic: true\n  persona: auditor\n").persona()).isEqualTo(Persona.AUDITOR);
        assertThat(load("audits:\n  persona: regular\n").withPersona(Persona.AUDITOR).persona()).isEqualTo(Persona.AUDITOR);
    }

    @Test
    void negativeAnUnknownPersonaIsALocatedError() {
        assertThatThrownBy(() -> load("audits:\n  persona: paranoid\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("pipewright-lint.yml:2:12: unknown persona \"paranoid\"; expected regular, pedantic or auditor");
        assertThatThrownBy(() -> load("audits:\n  personas: auditor\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected unpinned-uses, persona or pedantic");
    }
}
