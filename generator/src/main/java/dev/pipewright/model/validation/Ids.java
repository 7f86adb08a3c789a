package dev.pipewright.model.validation;

import java.util.regex.Pattern;

/** GitHub's id syntax, shared by jobs and steps. */
final class Ids {
    static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Ids() {}

    static boolean valid(String id) {
        return ID.matcher(id).matches();
    }
}
