package dev.pipewright.cli;

import dev.pipewright.stacks.Parameter;
import dev.pipewright.stacks.Stacks;

/**
 * The required parameters of a stack set to their examples, for test specs that are about something
 * else.
 */
final class RequiredParameters {
    private RequiredParameters() {}

    /**
     * One indented {@code name: "value"} line per required parameter, to put inside a {@code
     * parameters:} block.
     */
    static String lines(String stack) {
        StringBuilder b = new StringBuilder();
        Stacks.byId(stack).orElseThrow().parameters().stream()
                .filter(Parameter::required)
                .forEach(
                        p ->
                                b.append("  ")
                                        .append(p.name())
                                        .append(": \"")
                                        .append(p.example())
                                        .append("\"\n"));
        return b.toString();
    }

    /**
     * A {@code parameters:} block with only the required ones; appended last, it moves no line a
     * test points at.
     */
    static String block(String stack) {
        return "parameters:\n" + lines(stack);
    }
}
