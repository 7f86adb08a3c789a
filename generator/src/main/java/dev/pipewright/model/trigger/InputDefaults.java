package dev.pipewright.model.trigger;

/** Checks that an input's default matches its declared type. */
final class InputDefaults {
    private InputDefaults() {}

    static void check(InputType type, Object value) {
        if (value == null) {
            return;
        }
        boolean ok =
                switch (type) {
                    case BOOLEAN -> value instanceof Boolean || isExpression(value);
                    case NUMBER -> value instanceof Number || isExpression(value);
                    case STRING, CHOICE, ENVIRONMENT -> value instanceof String;
                };
        if (!ok) {
            throw new IllegalArgumentException(
                    "default "
                            + value
                            + " ("
                            + value.getClass().getSimpleName()
                            + ") does not match input type "
                            + type.yaml());
        }
    }

    private static boolean isExpression(Object value) {
        return value instanceof String s && s.strip().startsWith("${{");
    }
}
