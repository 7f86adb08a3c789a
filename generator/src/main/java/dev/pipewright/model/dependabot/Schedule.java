package dev.pipewright.model.dependabot;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Objects;

/**
 * When Dependabot checks for version updates: an interval, optionally a day (weekly only), a time
 * ({@code hh:mm}) and an IANA time zone; or {@link Interval#CRON} with a cron expression. Formats
 * are checked when the config is built, so the messages can name the update.
 */
public record Schedule(
        Interval interval, String day, String time, String timezone, String cronjob) {

    /** {@code schedule.interval}. */
    public enum Interval {
        DAILY,
        WEEKLY,
        MONTHLY,
        QUARTERLY,
        SEMIANNUALLY,
        YEARLY,
        CRON;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Schedule {
        Objects.requireNonNull(interval, "schedule interval == null");
    }

    public static Schedule daily() {
        return new Schedule(Interval.DAILY, null, null, null, null);
    }

    public static Schedule weekly() {
        return new Schedule(Interval.WEEKLY, null, null, null, null);
    }

    public static Schedule weekly(DayOfWeek day) {
        return weekly().on(day);
    }

    public static Schedule monthly() {
        return new Schedule(Interval.MONTHLY, null, null, null, null);
    }

    public static Schedule of(Interval interval) {
        return new Schedule(interval, null, null, null, null);
    }

    /** {@code interval: cron} with {@code cronjob}: five POSIX fields. */
    public static Schedule cron(String cronjob) {
        return new Schedule(
                Interval.CRON,
                null,
                null,
                null,
                Objects.requireNonNull(cronjob, "cronjob == null"));
    }

    /** The day of a weekly check. */
    public Schedule on(DayOfWeek value) {
        return day(value.name().toLowerCase(Locale.ROOT));
    }

    /** The day as written ({@code monday} … {@code sunday}). */
    public Schedule day(String value) {
        return new Schedule(interval, value, time, timezone, cronjob);
    }

    /** The time of day, {@code hh:mm} in 24-hour form. */
    public Schedule at(String value) {
        return new Schedule(interval, day, value, timezone, cronjob);
    }

    /** An IANA time zone, e.g. {@code Europe/Berlin}; the default is UTC. */
    public Schedule inTimezone(String value) {
        return new Schedule(interval, day, time, value, cronjob);
    }
}
