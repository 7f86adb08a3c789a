package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YamlFile;
import java.util.Locale;
import java.util.Map;

/**
 * In {@code .pre-commit-config.yaml}: a hook repository fetched over {@code http://} or {@code
 * git://} travels in plain text, so anyone on the path can hand pre-commit other code to run on
 * every developer's machine and in CI. As zizmor's audit of the same name, only the {@code repo:}
 * URLs of pre-commit configurations are read.
 */
@Rule(
        id = "insecure-url-scheme",
        summary = "pre-commit hook repositories are fetched over an encrypted transport",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class InsecureUrlSchemeAudit extends AuditRule {
    /**
     * The plaintext schemes and what to use instead; {@code git://} is git's own unauthenticated
     * transport.
     */
    private static final Map<String, String> INSECURE =
            Map.of("http", "https://", "git", "https:// or ssh://");

    @Override
    public void visitFile(YamlFile yaml) {
        PreCommitHooks.repositories(ctx(), yaml).forEach(this::check);
    }

    private void check(YScalar url) {
        String scheme = scheme(url.value());
        String instead = scheme == null ? null : INSECURE.get(scheme);
        if (instead != null) {
            report(
                    url,
                    "the hook repository is fetched over "
                            + scheme
                            + "://, in plain text, so its code can be"
                            + " replaced on the way; use "
                            + instead);
        }
    }

    /**
     * A URL's scheme as the WHATWG URL standard reads it (a letter, then letters, digits, {@code
     * +-.}, up to the first colon), lower-cased; null for {@code local}, {@code meta} and scp-like
     * {@code git@host:path}, which have none.
     */
    static String scheme(String url) {
        String s = url.strip();
        int colon = s.indexOf(':');
        if (colon < 1 || !isAsciiLetter(s.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return null;
            }
        }
        return s.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
