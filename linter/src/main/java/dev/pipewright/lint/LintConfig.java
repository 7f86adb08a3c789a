package dev.pipewright.lint;

import dev.pipewright.lint.audit.AuditPolicy;
import dev.pipewright.lint.audit.Persona;
import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import dev.pipewright.lint.yaml.YamlFile;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The user's configuration, {@code .github/pipewright-lint.yml}:
 *
 * <pre>
 * self-hosted-runner:
 *   labels: [gpu, "linux-*"]      # extra runner labels (globs); when given, other unknown labels are errors
 * config-variables: [DEPLOY_ENV]  # known vars.*; omit to accept any
 * audits:                         # security audit policy, see AuditPolicy
 *   unpinned-uses: {allow-owners: [actions]}
 * ignore:
 *   - rule: runner-label          # optional: every rule when omitted
 *     path: ".github/workflows/release-*.yml"   # optional glob
 *     message: "macos-.*"         # optional regex
 * default-token-permissions: restricted   # or permissive: the repository's setting
 * reusable-workflows:             # the text of called workflows of other repositories
 *   octo/templates/.github/workflows/deploy.yml@v1: vendor/deploy.yml
 * </pre>
 *
 * @param reusableWorkflows local copies of reusable workflows of other repositories, by the
 *     reference a job's {@code uses:} names ({@code owner/repo/.github/workflows/x.yml@ref}); the
 *     paths are absolute
 * @param defaultTokenPermissions the repository's default GITHUB_TOKEN permissions; null when not
 *     configured
 */
public record LintConfig(
        List<String> runnerLabels,
        List<String> configVariables,
        List<Ignore> ignores,
        AuditPolicy audits,
        String shellcheck,
        Map<String, Path> reusableWorkflows,
        DefaultTokenPermissions defaultTokenPermissions) {
    /**
     * The repository setting "Workflow permissions": the GITHUB_TOKEN's access when no permissions:
     * is given.
     */
    public enum DefaultTokenPermissions {
        /**
         * Read and write permissions (GitHub's default for repositories of personal accounts
         * created before 2023).
         */
        PERMISSIVE,
        /** Read repository contents and packages permissions. */
        RESTRICTED;

        /** {@code restricted} or {@code permissive}; null for anything else. */
        public static DefaultTokenPermissions parse(String value) {
            return switch (value) {
                case "restricted" -> RESTRICTED;
                case "permissive" -> PERMISSIVE;
                default -> null;
            };
        }
    }

    /** Suppresses findings that match all given parts. */
    public record Ignore(String rule, PathMatcher path, Pattern message) {
        boolean matches(Finding f) {
            return (rule == null || rule.equals(f.rule()))
                    && (path == null || path.matches(Path.of(f.file())))
                    && (message == null || message.matcher(f.message()).find());
        }

        /**
         * {@code RULE} or {@code RULE:PATH} as the CLI's {@code --ignore} takes it (PATH a glob
         * like the configuration's {@code path:}).
         *
         * @throws IllegalArgumentException naming the unknown rule, with the closest known one
         */
        public static Ignore parse(String spec) {
            int colon = spec.indexOf(':');
            String rule = colon < 0 ? spec : spec.substring(0, colon);
            String error = unknownRule(rule);
            if (error != null) {
                throw new IllegalArgumentException(error);
            }
            String glob = colon < 0 ? "" : spec.substring(colon + 1);
            return new Ignore(
                    rule,
                    glob.isEmpty() ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob),
                    null);
        }
    }

    /**
     * Null when {@code rule} is a rule id, else the message saying so: an ignore entry with a
     * misspelt rule would silently ignore nothing.
     */
    static String unknownRule(String rule) {
        List<String> ids = BuiltInRules.all().stream().map(RuleInfo::id).toList();
        if (ids.contains(rule)) {
            return null;
        }
        String close = Suggest.closest(rule, ids);
        return "unknown rule \""
                + rule
                + "\"; "
                + (close != null ? "did you mean \"" + close + "\"? " : "")
                + "the rules are listed in docs/rules and in 'pipewright lint --format sarif' (tool.driver.rules)";
    }

    public static final String DEFAULT_PATH = ".github/pipewright-lint.yml";

    /**
     * {@code shellcheck}: the shellcheck to run, as {@code --shellcheck} gives it (a path or a
     * command name on PATH; {@code off} or empty disables the rule); null for the default, {@code
     * $PIPEWRIGHT_SHELLCHECK} or PATH.
     */
    public LintConfig {
        runnerLabels = runnerLabels == null ? null : List.copyOf(runnerLabels);
        configVariables = configVariables == null ? null : List.copyOf(configVariables);
        ignores = List.copyOf(ignores);
        audits = audits == null ? AuditPolicy.defaults() : audits;
        reusableWorkflows = reusableWorkflows == null ? Map.of() : Map.copyOf(reusableWorkflows);
    }

    public LintConfig(
            List<String> runnerLabels,
            List<String> configVariables,
            List<Ignore> ignores,
            AuditPolicy audits,
            String shellcheck) {
        this(runnerLabels, configVariables, ignores, audits, shellcheck, Map.of(), null);
    }

    public LintConfig(
            List<String> runnerLabels, List<String> configVariables, List<Ignore> ignores) {
        this(runnerLabels, configVariables, ignores, null, null);
    }

    public LintConfig(
            List<String> runnerLabels,
            List<String> configVariables,
            List<Ignore> ignores,
            AuditPolicy audits) {
        this(runnerLabels, configVariables, ignores, audits, null);
    }

    /** This configuration with more ignore entries (the CLI's {@code --ignore}). */
    public LintConfig withIgnores(List<Ignore> more) {
        List<Ignore> all = new ArrayList<>(ignores);
        all.addAll(more);
        return new LintConfig(
                runnerLabels,
                configVariables,
                all,
                audits,
                shellcheck,
                reusableWorkflows,
                defaultTokenPermissions);
    }

    /**
     * This configuration with the audits read by {@code persona} (the command line's {@code
     * --persona}).
     */
    public LintConfig withPersona(Persona persona) {
        return new LintConfig(
                runnerLabels,
                configVariables,
                ignores,
                audits.withPersona(persona),
                shellcheck,
                reusableWorkflows,
                defaultTokenPermissions);
    }

    /** This configuration running the given shellcheck (see the record's javadoc). */
    public LintConfig withShellcheck(String shellcheck) {
        return new LintConfig(
                runnerLabels,
                configVariables,
                ignores,
                audits,
                shellcheck,
                reusableWorkflows,
                defaultTokenPermissions);
    }

    /** This configuration reading called workflows of other repositories from the given files. */
    public LintConfig withReusableWorkflows(Map<String, Path> workflows) {
        return new LintConfig(
                runnerLabels,
                configVariables,
                ignores,
                audits,
                shellcheck,
                workflows,
                defaultTokenPermissions);
    }

    /** This configuration with the repository's default token permissions (null: unknown). */
    public LintConfig withDefaultTokenPermissions(DefaultTokenPermissions policy) {
        return new LintConfig(
                runnerLabels,
                configVariables,
                ignores,
                audits,
                shellcheck,
                reusableWorkflows,
                policy);
    }

    public static LintConfig empty() {
        return new LintConfig(null, null, List.of());
    }

    /**
     * Whether {@code self-hosted-runner.labels} is given: then, as in actionlint, the labels it
     * lists are the only ones besides GitHub's, and any other label is an error. Without it every
     * unknown label is taken for a self-hosted or larger runner's.
     */
    public boolean runnerLabelsListed() {
        return runnerLabels != null;
    }

    /** True when a configured self-hosted label (glob) matches {@code label}. */
    public boolean isConfiguredLabel(String label) {
        if (runnerLabels == null) {
            return false;
        }
        for (String l : runnerLabels) {
            if (globToRegex(l).matcher(label).matches()) {
                return true;
            }
        }
        return false;
    }

    public boolean ignored(Finding f) {
        return ignores.stream().anyMatch(i -> i.matches(f));
    }

    /**
     * The project's own configuration: {@value #DEFAULT_PATH} under {@code root} when it exists,
     * else none.
     */
    public static LintConfig forProject(Path root) throws IOException {
        Path d = root.resolve(DEFAULT_PATH);
        return Files.isRegularFile(d) ? load(d) : empty();
    }

    /**
     * The text of a UTF-8 file; a bad byte is a usage error at its line and column (not a bare
     * decoder message).
     */
    private static String utf8(Path file, byte[] bytes) {
        StrictUtf8.Result r = StrictUtf8.decode(bytes);
        if (!r.ok()) {
            throw new IllegalArgumentException(
                    file
                            + ":"
                            + r.line()
                            + ":"
                            + r.column()
                            + ": "
                            + String.format(
                                    "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
                                    r.badByte()));
        }
        return r.text();
    }

    /** Reads a config file; a bad file is a usage error with its position. */
    public static LintConfig load(Path file) throws IOException {
        String text = utf8(file, Files.readAllBytes(file));
        YamlFile y = new YamlLoader().load(text);
        if (!y.problems().isEmpty()) {
            throw new IllegalArgumentException(
                    file + ":" + y.problems().get(0).pos() + ": " + y.problems().get(0).message());
        }
        if (y.root() == null || y.root() instanceof YScalar s && s.isNull()) {
            return empty();
        }
        if (!(y.root() instanceof YMap root)) {
            throw new IllegalArgumentException(file + ":1:1: the configuration must be a mapping");
        }
        List<String> labels =
                root.map("self-hosted-runner")
                        .flatMap(m -> m.get("labels"))
                        .filter(n -> !(n instanceof YScalar s && s.isNull()))
                        .map(n -> strings(file, n))
                        .orElse(null);
        List<String> vars =
                root.get("config-variables")
                        .filter(n -> !(n instanceof YScalar s && s.isNull()))
                        .map(n -> strings(file, n))
                        .orElse(null);
        List<Ignore> ignores = new ArrayList<>();
        root.seq("ignore")
                .ifPresent(seq -> seq.items().forEach(item -> ignores.add(ignore(file, item))));
        List<String> keys =
                List.of(
                        "self-hosted-runner",
                        "config-variables",
                        "ignore",
                        "audits",
                        "default-token-permissions",
                        "reusable-workflows");
        for (YMap.Entry e : root.entries()) {
            if (!keys.contains(e.key().value())) {
                throw new IllegalArgumentException(
                        file
                                + ":"
                                + e.key().pos()
                                + ": unknown configuration key \""
                                + e.key().value()
                                + "\"; expected "
                                + String.join(", ", keys.subList(0, keys.size() - 1))
                                + " or "
                                + keys.get(keys.size() - 1));
            }
        }
        return new LintConfig(
                labels,
                vars,
                ignores,
                AuditPolicy.parse(file, root.get("audits").orElse(null)),
                null,
                reusableWorkflows(file, root.get("reusable-workflows").orElse(null)),
                defaultTokenPermissions(file, root.get("default-token-permissions").orElse(null)));
    }

    private static DefaultTokenPermissions defaultTokenPermissions(Path file, YNode n) {
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return null;
        }
        DefaultTokenPermissions p =
                n instanceof YScalar s ? DefaultTokenPermissions.parse(s.value()) : null;
        if (p == null) {
            throw new IllegalArgumentException(
                    file
                            + ":"
                            + n.pos()
                            + ": default-token-permissions must be restricted or permissive (the repository's Workflow permissions setting)");
        }
        return p;
    }

    /**
     * {@code reusable-workflows:}, a mapping of {@code owner/repo/path@ref} to a file. A relative
     * file is relative to the repository root for {@code .github/pipewright-lint.yml}, else to the
     * configuration file's folder.
     */
    private static Map<String, Path> reusableWorkflows(Path file, YNode n) {
        Map<String, Path> out = new TreeMap<>();
        if (n == null || n instanceof YScalar s && s.isNull()) {
            return out;
        }
        if (!(n instanceof YMap m)) {
            throw new IllegalArgumentException(
                    file
                            + ":"
                            + n.pos()
                            + ": reusable-workflows must map owner/repo/.github/workflows/x.yml@ref to a file");
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir.getFileName() != null
                && dir.getFileName().toString().equals(".github")
                && dir.getParent() != null) {
            dir = dir.getParent();
        }
        for (YMap.Entry e : m.entries()) {
            String ref = e.key().value();
            if (!REMOTE_WORKFLOW.matcher(ref).matches()) {
                throw new IllegalArgumentException(
                        file
                                + ":"
                                + e.key().pos()
                                + ": \""
                                + ref
                                + "\" is not a reusable workflow reference; write owner/repo/.github/workflows/x.yml@ref");
            }
            if (!(e.value() instanceof YScalar v) || !v.isString() || v.value().isBlank()) {
                throw new IllegalArgumentException(
                        file + ":" + e.value().pos() + ": the file holding " + ref + " is missing");
            }
            // not read here: the workflow-call rule reports a copy it cannot read at the calls of
            // it
            out.put(ref, dir.resolve(v.value()).normalize());
        }
        return out;
    }

    /**
     * {@code owner/repo/.github/workflows/x.yml@ref}, the form a job's uses: names another
     * repository's workflow.
     */
    private static final Pattern REMOTE_WORKFLOW =
            Pattern.compile("[^/@\\s]+/[^/@\\s]+/\\.github/workflows/[^/@\\s]+\\.ya?ml@\\S+");

    private static Ignore ignore(Path file, YNode item) {
        if (!(item instanceof YMap m)) {
            throw new IllegalArgumentException(
                    file
                            + ":"
                            + item.pos()
                            + ": an ignore entry must be a mapping with rule, path or message");
        }
        m.scalar("rule")
                .ifPresent(
                        r -> {
                            String error = unknownRule(r.value());
                            if (error != null) {
                                throw new IllegalArgumentException(
                                        file + ":" + r.pos() + ": " + error + " (ignore)");
                            }
                        });
        try {
            return new Ignore(
                    m.string("rule").orElse(null),
                    m.string("path")
                            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                            .orElse(null),
                    m.string("message").map(Pattern::compile).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    file + ":" + item.pos() + ": bad ignore pattern: " + e.getMessage());
        }
    }

    private static List<String> strings(Path file, YNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof YSeq seq)) {
            throw new IllegalArgumentException(
                    file + ":" + n.pos() + ": expected a list of strings");
        }
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s) {
                out.add(s.value());
            }
        }
        return out;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
