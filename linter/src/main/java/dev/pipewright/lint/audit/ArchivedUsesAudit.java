package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code uses:} of an action or reusable workflow whose repository is archived: read-only and
 * unmaintained, so its vulnerabilities and those of what it vendors stay unfixed. The archived
 * repositories are a committed snapshot of zizmor's list ({@code archived-actions.txt}, refreshed
 * by {@code tools/refresh-archived-actions.sh}), so the audit runs offline.
 */
@Rule(
        id = "archived-uses",
        summary = "actions and reusable workflows do not come from archived repositories",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.HIGH)
public final class ArchivedUsesAudit extends UsesAudit {
    private static final Set<String> ARCHIVED = load();

    private static Set<String> load() {
        try (InputStream in = ArchivedUsesAudit.class.getResourceAsStream("archived-actions.txt")) {
            if (in == null) {
                throw new IllegalStateException(
                        "archived-actions.txt is missing from the linter's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code owner/repo} is in the snapshot (case-insensitive). */
    public static boolean archived(String repository) {
        return ARCHIVED.contains(repository.toLowerCase(Locale.ROOT));
    }

    @Override
    protected void uses(YMap owner, YScalar uses) {
        Uses.parse(uses.value())
                .filter(u -> archived(u.repository()))
                .ifPresent(
                        u ->
                                report(
                                        uses,
                                        "\""
                                                + u.repository()
                                                + "\" is an archived repository: no one fixes its vulnerabilities or those of what it bundles; move to a"
                                                + " maintained action that does the same"));
    }

    /**
     * The hook repositories of pre-commit's {@code .pre-commit-config.yaml} on GitHub: an archived
     * one is as unmaintained as an archived action, and zizmor checks them too.
     */
    @Override
    public void visitFile(YamlFile yaml) {
        PreCommitHooks.repositories(ctx(), yaml).forEach(this::checkHook);
    }

    private void checkHook(YScalar url) {
        Matcher m = GITHUB_REPO.matcher(url.value().strip());
        if (m.matches() && archived(m.group(1) + "/" + m.group(2))) {
            report(
                    url,
                    "\""
                            + m.group(1)
                            + "/"
                            + m.group(2)
                            + "\" is an archived repository: no one fixes its hooks any more; move to a"
                            + " maintained hook that does the same");
        }
    }

    private static final Pattern GITHUB_REPO =
            Pattern.compile(
                    "(?i)(?:https?://|git@|ssh://git@)github\\.com[/:]([\\w.-]+)/([\\w.-]+?)(?:\\.git)?/?");
}
