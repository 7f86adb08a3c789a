package dev.pipewright.lint.rule;

import dev.pipewright.github.PermissionScopes;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GITHUB_TOKEN access a {@code permissions:} value gives, scope by scope: a scope it does not
 * name is {@code none}, as on GitHub ("if you specify the access for any of these permissions, all
 * of those that are not specified are set to none").
 */
record TokenPermissions(Map<String, Level> levels) {
    enum Level {
        NONE,
        READ,
        WRITE;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The scopes GitHub knows and the most each can be given, in name order (the workflow schema's
     * order).
     */
    static final Map<String, Level> SCOPES = scopes();

    TokenPermissions {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    Level of(String scope) {
        return levels.getOrDefault(scope, Level.NONE);
    }

    /**
     * What {@code node} grants; empty for a value that is not a permissions value GitHub accepts
     * (the {@code permissions} rule reports it), so no comparison is made from it. An unknown scope
     * or level is left out.
     */
    static Optional<TokenPermissions> parse(YNode node) {
        if (node instanceof YScalar s && s.isString() && !s.hasExpression()) {
            return switch (s.value()) {
                case "read-all" -> Optional.of(all(Level.READ));
                case "write-all" -> Optional.of(all(Level.WRITE));
                default -> Optional.empty();
            };
        }
        if (!(node instanceof YMap m)) {
            return Optional.empty();
        }
        Map<String, Level> out = new LinkedHashMap<>();
        for (YMap.Entry e : m.entries()) {
            if (!SCOPES.containsKey(e.key().value()) || !(e.value() instanceof YScalar v)) {
                continue;
            }
            switch (v.value()) {
                case "read" -> out.put(e.key().value(), Level.READ);
                case "write" -> out.put(e.key().value(), Level.WRITE);
                case "none" -> out.put(e.key().value(), Level.NONE);
                default -> {
                    // an expression or a misspelt level: the permissions rule reports it
                }
            }
        }
        return Optional.of(new TokenPermissions(out));
    }

    /**
     * {@code read-all} and {@code write-all}: every scope at that level, as GitHub expands them
     * (its message for a called job asking for {@code read-all} lists {@code id-token: read}); a
     * scope that cannot be written ({@code models}) stays at read.
     */
    static TokenPermissions all(Level level) {
        Map<String, Level> out = new LinkedHashMap<>();
        SCOPES.forEach((scope, max) -> out.put(scope, level.compareTo(max) > 0 ? max : level));
        return new TokenPermissions(out);
    }

    /**
     * The repository's default token permissions (Settings, Actions, Workflow permissions), from
     * GitHub's table "Permissions for the GITHUB_TOKEN": restricted gives contents and packages
     * read (and metadata, which no {@code permissions:} names); permissive gives every scope read
     * and write except {@code id-token}.
     */
    static TokenPermissions ofDefault(LintConfig.DefaultTokenPermissions policy) {
        if (policy == LintConfig.DefaultTokenPermissions.RESTRICTED) {
            return new TokenPermissions(Map.of("contents", Level.READ, "packages", Level.READ));
        }
        Map<String, Level> out = new LinkedHashMap<>(all(Level.WRITE).levels());
        out.put("id-token", Level.NONE);
        return new TokenPermissions(out);
    }

    /** The scopes this asks for beyond {@code allowed}, in the schema's order. */
    List<String> beyond(TokenPermissions allowed) {
        List<String> out = new ArrayList<>();
        for (String scope : SCOPES.keySet()) {
            if (of(scope).compareTo(allowed.of(scope)) > 0) {
                out.add(scope);
            }
        }
        return out;
    }

    /** {@code actions: write, contents: read} for the given scopes. */
    String describe(List<String> scopes) {
        List<String> parts = new ArrayList<>();
        scopes.forEach(s -> parts.add(s + ": " + of(s).text()));
        return String.join(", ", parts);
    }

    /** From the scope table in {@code github}: read where a scope takes no write, else write. */
    private static Map<String, Level> scopes() {
        Map<String, Level> out = new LinkedHashMap<>();
        new TreeMap<>(PermissionScopes.SCOPES)
                .forEach(
                        (scope, levels) ->
                                out.put(
                                        scope,
                                        levels.contains("write") ? Level.WRITE : Level.READ));
        return Collections.unmodifiableMap(out);
    }
}
