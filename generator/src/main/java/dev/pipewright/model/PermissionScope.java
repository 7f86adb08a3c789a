package dev.pipewright.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code GITHUB_TOKEN} scope with the levels GitHub accepts for it. Known scopes follow
 * GitHub's workflow schema; {@link #custom} admits scopes GitHub adds later.
 */
public record PermissionScope(String key, Set<PermissionLevel> levels) {
    private static final Set<PermissionLevel> ANY = EnumSet.allOf(PermissionLevel.class);
    private static final Set<PermissionLevel> WRITE_OR_NONE = EnumSet.of(PermissionLevel.WRITE, PermissionLevel.NONE);
    private static final Set<PermissionLevel> READ_OR_NONE = EnumSet.of(PermissionLevel.READ, PermissionLevel.NONE);

    public static final PermissionScope ACTIONS = new PermissionScope("actions", ANY);
    public static final PermissionScope ARTIFACT_METADATA = new PermissionScope("artifact-metadata", ANY);
    public static final PermissionScope ATTESTATIONS = new PermissionScope("attestations", ANY);
    public static final PermissionScope CHECKS = new PermissionScope("checks", ANY);
    public static final PermissionScope CODE_QUALITY = new PermissionScope("code-quality", ANY);
    public static final PermissionScope CONTENTS = new PermissionScope("contents", ANY);
    public static final PermissionScope COPILOT_REQUESTS = new PermissionScope("copilot-requests", WRITE_OR_NONE);
    public static final PermissionScope DEPLOYMENTS = new PermissionScope("deployments", ANY);
    public static final PermissionScope DISCUSSIONS = new PermissionScope("discussions", ANY);
    public static final PermissionScope DRIVES = new PermissionScope("drives", ANY);
    public static final PermissionScope ID_TOKEN = new PermissionScope("id-token", WRITE_OR_NONE);
    public static final PermissionScope ISSUES = new PermissionScope("issues", ANY);
    public static final PermissionScope MODELS = new PermissionScope("models", READ_OR_NONE);
    public static final PermissionScope PACKAGES = new PermissionScope("packages", ANY);
    public static final PermissionScope PAGES = new PermissionScope("pages", ANY);
    public static final PermissionScope PULL_REQUESTS = new PermissionScope("pull-requests", ANY);
    public static final PermissionScope REPOSITORY_PROJECTS = new PermissionScope("repository-projects", ANY);
    public static final PermissionScope SECURITY_EVENTS = new PermissionScope("security-events", ANY);
    public static final PermissionScope STATUSES = new PermissionScope("statuses", ANY);
    public static final PermissionScope VULNERABILITY_ALERTS = new PermissionScope("vulnerability-alerts", READ_OR_NONE);

    /** Every scope GitHub's schema lists, sorted by key. */
    public static final java.util.List<PermissionScope> KNOWN = java.util.List.of(
            ACTIONS, ARTIFACT_METADATA, ATTESTATIONS, CHECKS, CODE_QUALITY, CONTENTS, COPILOT_REQUESTS, DEPLOYMENTS,
            DISCUSSIONS, DRIVES, ID_TOKEN, ISSUES, MODELS, PACKAGES, PAGES, PULL_REQUESTS, REPOSITORY_PROJECTS,
            SECURITY_EVENTS, STATUSES, VULNERABILITY_ALERTS);

    public PermissionScope {
        Objects.requireNonNull(key, "key == null");
        levels = Set.copyOf(levels);
    }

    /** A scope this version does not know yet; every level is allowed. */
    public static PermissionScope custom(String key) {
        return KNOWN.stream().filter(s -> s.key.equals(key)).findFirst().orElse(new PermissionScope(key, ANY));
    }

    public boolean allows(PermissionLevel level) {
        return levels.contains(level);
    }
}
