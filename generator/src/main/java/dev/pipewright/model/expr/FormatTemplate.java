package dev.pipewright.model.expr;

/**
 * Checks a {@code format()} template the way GitHub evaluates it, so that a broken template fails
 * when the workflow is generated rather than when the job runs.
 */
final class FormatTemplate {
  private FormatTemplate() {}

  /** Throws IllegalArgumentException naming the first problem in {@code template}. */
  static void check(String template, int valueCount) {
    int highest = -1;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
          i += 2; // escaped '{'
          continue;
        }
        int close = template.indexOf('}', i + 1);
        if (close < 0) {
          throw problem(template, "'{' at index " + i + " is never closed; write '{{' for a literal brace");
        }
        String digits = template.substring(i + 1, close);
        if (digits.isEmpty() || !digits.chars().allMatch(d -> d >= '0' && d <= '9')) {
          throw problem(template, "placeholder '{" + digits + "}' at index " + i
              + " is not {N} with a number N; write '{{' for a literal brace");
        }
        int index;
        try {
          index = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
          throw problem(template, "placeholder '{" + digits + "}' at index " + i + " is too large");
        }
        highest = Math.max(highest, index);
        i = close + 1;
      } else if (c == '}') {
        if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
          i += 2; // escaped '}'
          continue;
        }
        throw problem(template, "'}' at index " + i + " has no matching '{'; write '}}' for a literal brace");
      } else {
        i++;
      }
    }
    if (highest >= valueCount) {
      throw problem(template, "placeholder {" + highest + "} needs " + (highest + 1)
          + " value" + (highest == 0 ? "" : "s") + " after the template, got " + valueCount);
    }
  }

  private static IllegalArgumentException problem(String template, String what) {
    return new IllegalArgumentException("format template " + StringLiteral.quote(template) + ": " + what);
  }
}
