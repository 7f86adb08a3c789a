package dev.pipewright.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.audit.Audit;
import dev.pipewright.lint.audit.SecurityAudits;
import dev.pipewright.lint.rule.BuiltInRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Validates rule metadata the way error-prone validates its bug patterns. */
class RegistryTest {
    @Test
    void idsAreUniqueKebabCaseWithSummaries() {
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : BuiltInRules.all()) {
            assertThat(r.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
            assertThat(r.summary()).isNotBlank().doesNotEndWith(".");
            assertThat(r.factory().get()).isNotNull();
        }
    }

    @Test
    void everyRuleHasADocsPageAndThreeErrorFixtures() throws IOException {
        Path docs = TestFiles.repoRoot().resolve("docs/rules");
        for (RuleInfo r : BuiltInRules.all()) {
            assertThat(docs.resolve(r.id() + ".md")).as("docs page of %s", r.id()).exists();
            long cases;
            try (Stream<Path> s = Files.list(FixturesTest.LINT.resolve("err"))) {
                cases =
                        s.filter(p -> p.getFileName().toString().endsWith(".out"))
                                .filter(
                                        p -> {
                                            try {
                                                return Files.readString(p)
                                                        .contains("[" + r.id() + "]");
                                            } catch (IOException e) {
                                                throw new UncheckedIOException(e);
                                            }
                                        })
                                .count();
            }
            assertThat(cases).as("error fixtures reporting %s", r.id()).isGreaterThanOrEqualTo(3);
        }
    }

    /**
     * zizmor's rating decides: high severity at high confidence is an error, so --fail-level error
     * catches it.
     */
    @Test
    void everyAuditsSeverityFollowsItsRating() {
        for (RuleInfo r : SecurityAudits.all()) {
            Audit audit = SecurityAudits.audit(r.id()).orElseThrow();
            assertThat(r.severity())
                    .as(
                            "severity of %s (%s, %s confidence)",
                            r.id(), audit.severity(), audit.confidence())
                    .isEqualTo(SecurityAudits.findingSeverity(audit));
        }
        assertThat(
                        SecurityAudits.all().stream()
                                .filter(r -> r.severity() == Severity.ERROR)
                                .map(RuleInfo::id)
                                .sorted()
                                .toList())
                .containsExactly(
                        "dependabot-execution",
                        "forbidden-uses",
                        "github-app",
                        "hardcoded-container-credentials",
                        "insecure-commands",
                        "insecure-url-scheme",
                        "known-vulnerable-actions",
                        "template-injection",
                        "unpinned-images",
                        "unsound-condition");
    }

    @Test
    void theAuditTableOfTheRulesReadmeStatesEachAuditsRatingAndLevel() throws IOException {
        String readme = Files.readString(TestFiles.repoRoot().resolve("docs/rules/README.md"));
        for (RuleInfo r : SecurityAudits.all()) {
            Audit audit = SecurityAudits.audit(r.id()).orElseThrow();
            String rating =
                    " | "
                            + audit.severity().name().toLowerCase(Locale.ROOT)
                            + " | "
                            + audit.confidence().name().toLowerCase(Locale.ROOT)
                            + " | `"
                            + r.severity().label()
                            + "` | ";
            assertThat(readme)
                    .as("row of %s", r.id())
                    .containsPattern(
                            "(?m)^\\| \\[`"
                                    + r.id()
                                    + "`\\]\\("
                                    + r.id()
                                    + "\\.md\\) \\| [^|]+"
                                    + Pattern.quote(rating));
        }
    }
}
