package dev.pipewright.action.health;

import java.time.Duration;

/**
 * One health check attempt against a service; never throws for the service's failures, it reports
 * them.
 */
interface Probe {
    /**
     * The result of one attempt: healthy or not, and what was seen (status, error) for the report.
     */
    record Attempt(boolean healthy, String detail) {}

    Attempt attempt(Duration timeout) throws InterruptedException;

    /** What is probed, for logs: the URL or the command. */
    String target();
}
