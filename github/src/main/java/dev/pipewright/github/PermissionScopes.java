// Generated from schemas/github/workflow-v1.0.json (@actions/workflow-parser 0.3.61, copied 2026-11-22) by TableGenerator — do not edit.
// Regenerate: mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true
package dev.pipewright.github;

import java.util.Map;
import java.util.Set;

/** The GITHUB_TOKEN permission scopes and the levels each accepts. */
public final class PermissionScopes {
    private PermissionScopes() {}

    /** Scope name to its allowed levels. */
    public static final Map<String, Set<String>> SCOPES = Map.ofEntries(
            Map.entry("actions", Set.of("read", "write", "none")),
            Map.entry("artifact-metadata", Set.of("read", "write", "none")),
            Map.entry("attestations", Set.of("read", "write", "none")),
            Map.entry("checks", Set.of("read", "write", "none")),
            Map.entry("code-quality", Set.of("read", "write", "none")),
            Map.entry("contents", Set.of("read", "write", "none")),
            Map.entry("copilot-requests", Set.of("write", "none")),
            Map.entry("deployments", Set.of("read", "write", "none")),
            Map.entry("discussions", Set.of("read", "write", "none")),
            Map.entry("drives", Set.of("read", "write", "none")),
            Map.entry("id-token", Set.of("write", "none")),
            Map.entry("issues", Set.of("read", "write", "none")),
            Map.entry("models", Set.of("read", "none")),
            Map.entry("packages", Set.of("read", "write", "none")),
            Map.entry("pages", Set.of("read", "write", "none")),
            Map.entry("pull-requests", Set.of("read", "write", "none")),
            Map.entry("repository-projects", Set.of("read", "write", "none")),
            Map.entry("security-events", Set.of("read", "write", "none")),
            Map.entry("statuses", Set.of("read", "write", "none")),
            Map.entry("vulnerability-alerts", Set.of("read", "none")));
}
