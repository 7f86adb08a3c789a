package dev.pipewright.model.expr;

import java.util.Locale;
import java.util.Optional;

/** The built-in expression functions, with their canonical spelling and allowed arity. */
public enum Function {
  CONTAINS("contains", 2, 2),
  STARTS_WITH("startsWith", 2, 2),
  ENDS_WITH("endsWith", 2, 2),
  // 255 is the argument limit of GitHub's implementations
  FORMAT("format", 1, 255),
  JOIN("join", 1, 2),
  TO_JSON("toJSON", 1, 1),
  FROM_JSON("fromJSON", 1, 1),
  HASH_FILES("hashFiles", 1, 255),
  SUCCESS("success", 0, 0),
  ALWAYS("always", 0, 0),
  FAILURE("failure", 0, 0),
  CANCELLED("cancelled", 0, 0);

  private final String functionName;
  private final int minArgs;
  private final int maxArgs;

  Function(String functionName, int minArgs, int maxArgs) {
    this.functionName = functionName;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  /** The canonical spelling, e.g. {@code toJSON}. */
  public String functionName() {
    return functionName;
  }

  /** The fewest arguments the function accepts. */
  public int minArgs() {
    return minArgs;
  }

  /** The most arguments the function accepts. */
  public int maxArgs() {
    return maxArgs;
  }

  /** The function with this name; GitHub matches function names case-insensitively. */
  public static Optional<Function> byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Function f : values()) {
      if (f.functionName.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  void checkArity(int count) {
    if (count < minArgs || count > maxArgs) {
      String expected =
          minArgs == maxArgs
              ? String.valueOf(minArgs)
              : maxArgs - minArgs == 1 ? minArgs + " or " + maxArgs : minArgs + " to " + maxArgs;
      throw new IllegalArgumentException(
          functionName + "() takes " + expected + " argument" + (maxArgs == 1 ? "" : "s")
              + ", got " + count);
    }
  }
}
