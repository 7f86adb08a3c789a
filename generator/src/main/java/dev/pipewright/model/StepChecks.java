package dev.pipewright.model;

/** Shape checks shared by both step records; cross-step rules live in the validator. */
final class StepChecks {
    private StepChecks() {}

    static void flagOrExpression(Object value, String key) {
        if (value != null && !(value instanceof Boolean) && !(value instanceof String)) {
            throw new IllegalArgumentException(key + " must be a boolean or an expression");
        }
    }

    static void numberOrExpression(Object value, String key) {
        if (value != null && !(value instanceof Integer) && !(value instanceof String)) {
            throw new IllegalArgumentException(key + " must be an integer or an expression");
        }
    }
}
