package dev.pipewright.action.promote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One promotion gate as reported in the step summary and the pull request: passed, failed or
 * skipped, and why.
 */
final class Gate {
    enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    private final String name;
    private Status status = Status.PASSED;
    private final List<String> details = new ArrayList<>();

    Gate(String name) {
        this.name = name;
    }

    Gate fail(String detail) {
        status = Status.FAILED;
        details.add(detail);
        return this;
    }

    Gate note(String detail) {
        details.add(detail);
        return this;
    }

    Gate skip(String why) {
        status = Status.SKIPPED;
        details.add(why);
        return this;
    }

    boolean failed() {
        return status == Status.FAILED;
    }

    boolean skipped() {
        return status == Status.SKIPPED;
    }

    String name() {
        return name;
    }

    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("details", new ArrayList<>(details));
        return m;
    }
}
