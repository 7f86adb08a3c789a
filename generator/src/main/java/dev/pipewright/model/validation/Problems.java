package dev.pipewright.model.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so one build reports all of them, not just the first. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    void add(Where where, String message) {
        list.add(new Problem(where, message));
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
