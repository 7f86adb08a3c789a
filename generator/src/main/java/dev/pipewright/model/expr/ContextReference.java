package dev.pipewright.model.expr;

import java.util.Objects;

/**
 * One use of a context in an expression, e.g. {@code ("needs", "build")} for {@code
 * needs.build.result}.
 *
 * @param context the context name, lower-cased (GitHub matches context names case-insensitively)
 * @param property the first property after the context as written, or null when the context is used
 *     whole ({@code toJSON(secrets)}) or indexed dynamically ({@code secrets[matrix.name]})
 */
public record ContextReference(String context, String property) {
    public ContextReference {
        Objects.requireNonNull(context, "context");
    }
}
