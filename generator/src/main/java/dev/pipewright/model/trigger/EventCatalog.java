package dev.pipewright.model.trigger;

import dev.pipewright.github.WebhookEvents;
import java.util.List;
import java.util.Optional;

/**
 * The events GitHub's workflow schema knows, with their filter keys and activity types: a view of
 * the table generated from the schema ({@code dev.pipewright.github.WebhookEvents}), the same one
 * the linter's tables come from.
 */
public final class EventCatalog {
    /** Filter keys and activity types of one event. */
    public record EventSpec(String name, List<String> keys, List<String> activityTypes) {}

    private EventCatalog() {}

    /** The event's spec, or empty for an event the schema does not know. */
    public static Optional<EventSpec> find(String event) {
        return Optional.ofNullable(WebhookEvents.EVENTS.get(event))
                .map(e -> new EventSpec(event, e.keys(), e.types()));
    }

    /** Every known event name, sorted. */
    public static List<String> names() {
        return WebhookEvents.EVENTS.keySet().stream().sorted().toList();
    }
}
