package dev.pipewright.action.release;

import dev.pipewright.action.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which section each commit type goes to, in section order; types compare case-insensitively
 * (unlike git-cliff's default {@code ^feat} rules, which send {@code FEAT:} to a section of its
 * own). Unmapped types go to "Other".
 */
public final class Grouping {
    public static final String OTHER = "Other";

    /** git-cliff's default sections, in the order of its default configuration (emoji left out). */
    private static final String DEFAULTS =
            """
            Features: feat
            Bug Fixes: fix
            Performance: perf
            Refactor: refactor
            Documentation: docs, doc
            Styling: style
            Testing: test
            Revert: revert
            Miscellaneous Tasks: chore, ci, build
            """;

    private final Map<String, String> titleByType;
    private final List<String> titles;

    private Grouping(Map<String, String> titleByType, List<String> titles) {
        this.titleByType = titleByType;
        this.titles = titles;
    }

    public static Grouping defaults() {
        return parse("groups", DEFAULTS.lines().toList());
    }

    /** Lines {@code Title: type, type}; blank lines and {@code #} comments are skipped. */
    public static Grouping parse(String input, List<String> lines) {
        Map<String, String> byType = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            String title = colon < 0 ? "" : line.substring(0, colon).strip();
            if (title.isEmpty() || line.substring(colon + 1).isBlank()) {
                throw InputException.forInput(
                        input, "'" + line + "' is not 'Title: type, type' (e.g. 'Features: feat')");
            }
            if (!titles.contains(title)) {
                titles.add(title);
            }
            for (String type : line.substring(colon + 1).split(",")) {
                String key = type.strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    continue;
                }
                String before = byType.putIfAbsent(key, title);
                if (before != null && !before.equals(title)) {
                    throw InputException.forInput(
                            input,
                            "type '"
                                    + key
                                    + "' is mapped to both '"
                                    + before
                                    + "' and '"
                                    + title
                                    + "'");
                }
            }
        }
        if (byType.isEmpty()) {
            throw InputException.forInput(
                    input, "maps no type; give lines such as 'Features: feat'");
        }
        if (!titles.contains(OTHER)) {
            titles.add(OTHER);
        }
        return new Grouping(byType, List.copyOf(titles));
    }

    /** The section of a conventional type (any case), or {@link #OTHER}. */
    public String titleFor(String type) {
        return titleByType.getOrDefault(type.toLowerCase(Locale.ROOT), OTHER);
    }

    /** Section titles in output order, {@link #OTHER} last unless placed explicitly. */
    public List<String> titles() {
        return titles;
    }
}
