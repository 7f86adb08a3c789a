package dev.pipewright.lint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.lint.Finding;
import dev.pipewright.lint.RuleInfo;
import dev.pipewright.lint.audit.Audit;
import dev.pipewright.lint.audit.SecurityAudits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, rules with help text and a help URI,
 * results with a physical location and a partial fingerprint that survives line moves.
 */
public final class SarifReporter implements Reporter {
    static final String DOCS = "https://github.com/pipewright/pipewright/blob/main/docs/rules/";

    /**
     * The product version Maven wrote into the linter's jar, so code scanning can tell which linter
     * found what.
     */
    static final String VERSION = version();

    private static String version() {
        Properties p = new Properties();
        try (InputStream in =
                SarifReporter.class.getResourceAsStream(
                        "/dev/pipewright/lint/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the linter's version.properties", e);
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String render(List<Finding> findings, List<RuleInfo> rules, SourceLines sources) {
        ObjectNode root = JsonReporter.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "pipewright-lint");
        driver.put("informationUri", "https://github.com/pipewright/pipewright");
        driver.put("version", VERSION);
        ArrayNode ruleArr = driver.putArray("rules");
        for (RuleInfo r : rules) {
            ObjectNode o = ruleArr.addObject();
            o.put("id", r.id());
            o.put("name", r.id());
            o.putObject("shortDescription").put("text", r.summary());
            o.putObject("fullDescription").put("text", r.summary());
            o.putObject("help")
                    .put("text", r.summary() + ". See " + DOCS + r.id() + ".md")
                    .put(
                            "markdown",
                            r.summary() + ". See [" + r.id() + "](" + DOCS + r.id() + ".md).");
            o.put("helpUri", DOCS + r.id() + ".md");
            o.putObject("defaultConfiguration").put("level", level(r.severity().label()));
            ObjectNode properties = o.putObject("properties");
            properties.putArray("tags").add(r.category());
            SecurityAudits.audit(r.id()).ifPresent(a -> security(properties, a));
        }
        ArrayNode results = run.putArray("results");
        // the same finding twice on one line (two equal expressions) needs a fingerprint of its
        // own: the second gets ":2", as CodeQL numbers occurrences; the first keeps the plain hash
        Map<String, Integer> occurrences = new HashMap<>();
        for (Finding f : findings) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.rule());
            res.put("level", level(f.severity().label()));
            res.putObject("message").put("text", f.message());
            ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", f.file());
            phys.putObject("region").put("startLine", f.line()).put("startColumn", f.column());
            String src = sources.line(f.file(), f.line()).strip();
            String hash = hash(f.rule() + "\0" + f.file() + "\0" + src + "\0" + f.message());
            int n = occurrences.merge(hash, 1, Integer::sum);
            res.putObject("partialFingerprints")
                    .put("primaryLocationLineHash/v1", n == 1 ? hash : hash + ":" + n);
        }
        return JsonReporter.write(root);
    }

    /**
     * What GitHub code scanning reads of a security rule: {@code security-severity} (a CVSS-like
     * score it shows as critical/high/medium/low; 7.0–8.9 is high, 4.0–6.9 medium, 0.1–3.9 low) and
     * {@code precision} (how often a finding is a true one), from the audit's severity and
     * confidence.
     */
    private static void security(ObjectNode properties, Audit audit) {
        String score =
                switch (audit.severity()) {
                    case HIGH -> "8.0";
                    case MEDIUM -> "5.5";
                    case LOW -> "3.0";
                    case INFORMATIONAL -> null;
                };
        if (score != null) {
            properties.put("security-severity", score);
        }
        properties.put("precision", audit.confidence().name().toLowerCase(Locale.ROOT));
    }

    private static String level(String severity) {
        return severity.equals("note") ? "note" : severity;
    }

    private static String hash(String s) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
