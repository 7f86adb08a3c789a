// Generated from schemas/github/workflow-v1.0.json (@actions/workflow-parser 0.3.61, copied 2026-11-22) by TableGenerator — do not edit.
// Regenerate: mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true
package dev.pipewright.github;

import java.util.List;
import java.util.Map;

/** Webhook events that trigger workflows, with their activity types and filters. */
public final class WebhookEvents {
    private WebhookEvents() {}

    /**
     * One event: activity types (empty when it has none), filter keys it accepts, and every key its configuration
     * may have (types included; for schedule, the keys of each entry).
     */
    public record Event(List<String> types, List<String> filters, List<String> keys) {}

    /** Event name to its description, in the schema's order. */
    public static final Map<String, Event> EVENTS = Map.ofEntries(
            Map.entry("branch_protection_rule", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("check_run", new Event(List.of("completed", "created", "rerequested", "requested_action"), List.of(), List.of("types"))),
            Map.entry("check_suite", new Event(List.of("completed"), List.of(), List.of("types"))),
            Map.entry("create", new Event(List.of(), List.of(), List.of())),
            Map.entry("delete", new Event(List.of(), List.of(), List.of())),
            Map.entry("deployment", new Event(List.of(), List.of(), List.of())),
            Map.entry("deployment_status", new Event(List.of(), List.of(), List.of())),
            Map.entry("discussion", new Event(List.of("created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled", "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered"), List.of(), List.of("types"))),
            Map.entry("discussion_comment", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("fork", new Event(List.of(), List.of(), List.of())),
            Map.entry("gollum", new Event(List.of(), List.of(), List.of())),
            Map.entry("image_version", new Event(List.of("created", "ready", "deleted"), List.of("names", "versions"), List.of("types", "names", "versions"))),
            Map.entry("issue_comment", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("issues", new Event(List.of("opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed", "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned", "demilestoned", "field_added", "field_removed", "typed", "untyped"), List.of(), List.of("types"))),
            Map.entry("label", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("merge_group", new Event(List.of("checks_requested"), List.of("branches", "branches-ignore"), List.of("types", "branches", "branches-ignore"))),
            Map.entry("milestone", new Event(List.of("created", "closed", "opened", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("page_build", new Event(List.of(), List.of(), List.of())),
            Map.entry("project", new Event(List.of("created", "closed", "reopened", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("project_card", new Event(List.of("created", "moved", "converted", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("project_column", new Event(List.of("created", "updated", "moved", "deleted"), List.of(), List.of("types"))),
            Map.entry("public", new Event(List.of(), List.of(), List.of())),
            Map.entry("pull_request", new Event(List.of("assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"), List.of("branches", "branches-ignore", "paths", "paths-ignore"), List.of("types", "branches", "branches-ignore", "paths", "paths-ignore"))),
            Map.entry("pull_request_comment", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("pull_request_review", new Event(List.of("submitted", "edited", "dismissed"), List.of(), List.of("types"))),
            Map.entry("pull_request_review_comment", new Event(List.of("created", "edited", "deleted"), List.of(), List.of("types"))),
            Map.entry("pull_request_target", new Event(List.of("assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued", "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled", "stacked"), List.of("branches", "branches-ignore", "paths", "paths-ignore"), List.of("types", "branches", "branches-ignore", "paths", "paths-ignore"))),
            Map.entry("push", new Event(List.of(), List.of("branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"), List.of("branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"))),
            Map.entry("registry_package", new Event(List.of("published", "updated"), List.of(), List.of("types"))),
            Map.entry("release", new Event(List.of("published", "unpublished", "created", "edited", "deleted", "prereleased", "released"), List.of(), List.of("types"))),
            Map.entry("repository_dispatch", new Event(List.of(), List.of(), List.of("types"))),
            Map.entry("schedule", new Event(List.of(), List.of(), List.of("cron", "timezone"))),
            Map.entry("status", new Event(List.of(), List.of(), List.of())),
            Map.entry("watch", new Event(List.of("started"), List.of(), List.of("types"))),
            Map.entry("workflow_call", new Event(List.of(), List.of("inputs", "secrets", "outputs"), List.of("inputs", "secrets", "outputs"))),
            Map.entry("workflow_dispatch", new Event(List.of(), List.of("inputs"), List.of("inputs"))),
            Map.entry("workflow_run", new Event(List.of("requested", "completed", "in_progress"), List.of("workflows", "branches", "branches-ignore"), List.of("types", "workflows", "branches", "branches-ignore"))));
}
