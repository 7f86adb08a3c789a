package dev.pipewright.model;

import dev.pipewright.github.PermissionScopes;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code GITHUB_TOKEN} scope with the levels GitHub accepts for it. Known scopes and their levels
 * come from the table generated from GitHub's workflow schema ({@code
 * dev.pipewright.github.PermissionScopes}), which the linter uses too; {@link #custom} admits
 * scopes GitHub adds later.
 */
public record PermissionScope(String key, Set<PermissionLevel> levels) {
    private static final Set<PermissionLevel> ANY = EnumSet.allOf(PermissionLevel.class);

    public static final PermissionScope ACTIONS = known("actions");
    public static final PermissionScope ARTIFACT_METADATA = known("artifact-metadata");
    public static final PermissionScope ATTESTATIONS = known("attestations");
    public static final PermissionScope CHECKS = known("checks");
    public static final PermissionScope CODE_QUALITY = known("code-quality");
    public static final PermissionScope CONTENTS = known("contents");
    public static final PermissionScope COPILOT_REQUESTS = known("copilot-requests");
    public static final PermissionScope DEPLOYMENTS = known("deployments");
    public static final PermissionScope DISCUSSIONS = known("discussions");
    public static final PermissionScope DRIVES = known("drives");
    public static final PermissionScope ID_TOKEN = known("id-token");
    public static final PermissionScope ISSUES = known("issues");
    public static final PermissionScope MODELS = known("models");
    public static final PermissionScope PACKAGES = known("packages");
    public static final PermissionScope PAGES = known("pages");
    public static final PermissionScope PULL_REQUESTS = known("pull-requests");
    public static final PermissionScope REPOSITORY_PROJECTS = known("repository-projects");
    public static final PermissionScope SECURITY_EVENTS = known("security-events");
    public static final PermissionScope STATUSES = known("statuses");
    public static final PermissionScope VULNERABILITY_ALERTS = known("vulnerability-alerts");

    /** Every scope GitHub's schema lists, sorted by key. */
    public static final List<PermissionScope> KNOWN =
            PermissionScopes.SCOPES.keySet().stream().sorted().map(PermissionScope::known).toList();

    public PermissionScope {
        Objects.requireNonNull(key, "key == null");
        levels = Set.copyOf(levels);
    }

    /** A scope of GitHub's schema, with the levels the generated table gives it. */
    private static PermissionScope known(String key) {
        Set<String> levels = PermissionScopes.SCOPES.get(key);
        if (levels == null) {
            throw new IllegalStateException(
                    "permission scope " + key + " is missing from GitHub's schema table");
        }
        Set<PermissionLevel> allowed = EnumSet.noneOf(PermissionLevel.class);
        for (PermissionLevel level : PermissionLevel.values()) {
            if (levels.contains(level.yaml())) {
                allowed.add(level);
            }
        }
        return new PermissionScope(key, allowed);
    }

    /** A scope this version does not know yet; every level is allowed. */
    public static PermissionScope custom(String key) {
        return KNOWN.stream()
                .filter(s -> s.key.equals(key))
                .findFirst()
                .orElse(new PermissionScope(key, ANY));
    }

    public boolean allows(PermissionLevel level) {
        return levels.contains(level);
    }
}
