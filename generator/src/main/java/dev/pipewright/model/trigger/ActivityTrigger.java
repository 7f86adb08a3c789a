package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any event with optional activity {@code types} and list filters ({@code branches} for
 * merge_group, {@code names}/{@code versions} for image_version, …). Unknown events and types are
 * accepted here and checked against {@link EventCatalog} when the workflow is validated.
 */
public record ActivityTrigger(String event, List<String> types, Map<String, List<String>> filters)
        implements Trigger {

    public ActivityTrigger {
        Objects.requireNonNull(event, "event == null");
        types = Lists.copy(types, event + ".types");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Lists.copy(filters, event + " filters")
                .forEach((k, v) -> copy.put(k, Lists.copy(v, event + "." + k)));
        filters = Collections.unmodifiableMap(copy);
    }

    public static Builder builder(String event) {
        return new Builder(event);
    }

    /** Builds an {@link ActivityTrigger}. */
    public static final class Builder implements TriggerBuilder {
        private final String event;
        private List<String> types = List.of();
        private final Map<String, List<String>> filters = new LinkedHashMap<>();

        private Builder(String event) {
            this.event = event;
        }

        public Builder types(String... v) {
            types = Arrays.asList(v);
            return this;
        }

        /**
         * A list filter such as {@code branches}; GitHub's schema says which keys an event takes.
         */
        public Builder filter(String key, String... values) {
            filters.put(key, Arrays.asList(values));
            return this;
        }

        public Builder branches(String... v) {
            return filter("branches", v);
        }

        public Builder branchesIgnore(String... v) {
            return filter("branches-ignore", v);
        }

        public ActivityTrigger build() {
            return new ActivityTrigger(event, types, filters);
        }
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
