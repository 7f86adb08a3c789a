package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Map;
import java.util.Objects;

/**
 * Escape hatch: an event written exactly as given (values: strings, booleans, numbers, lists,
 * maps).
 */
public record CustomTrigger(String event, Map<String, Object> body) implements Trigger {
    public CustomTrigger {
        Objects.requireNonNull(event, "event == null");
        body = Lists.copy(body, event);
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
