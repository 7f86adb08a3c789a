package dev.pipewright.model.trigger;

import dev.pipewright.model.util.Lists;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@code on: schedule}: one or more POSIX cron entries, each with an optional IANA time zone. */
public record Schedule(List<Cron> crons) implements Trigger {

    /** One {@code - cron: …} entry. */
    public record Cron(String expression, String timezone) {
        public Cron {
            Objects.requireNonNull(expression, "cron expression == null");
        }

        public static Cron of(String expression) {
            return new Cron(expression, null);
        }

        public Cron inTimezone(String zone) {
            return new Cron(expression, Objects.requireNonNull(zone, "zone == null"));
        }
    }

    public Schedule {
        crons = Lists.copy(crons, "schedule");
        if (crons.isEmpty()) {
            throw new IllegalArgumentException("schedule has no cron entry");
        }
    }

    public static Schedule of(String... expressions) {
        return new Schedule(Arrays.stream(expressions).map(Cron::of).toList());
    }

    public static Schedule of(Cron... crons) {
        return new Schedule(List.of(crons));
    }

    @Override
    public String event() {
        return "schedule";
    }

    @Override
    public <R> R accept(Trigger.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
