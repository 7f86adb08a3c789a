package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The committed snapshot of GitHub's advisories for GitHub Actions ({@code action-advisories.tsv},
 * rebuilt by {@code tools/refresh-action-advisories.py}), one {@link Advisory} a vulnerable range,
 * looked up by action.
 */
public final class ActionAdvisories {
    /**
     * One vulnerable range of an advisory: the package it names, how bad, which versions, the first
     * fixed one.
     */
    public record Advisory(
            String id,
            String pkg,
            String severity,
            ActionVersion.Range range,
            String fixed,
            String summary) {
        /** The first fixed version, or null when the advisory knows none. */
        public ActionVersion fixedVersion() {
            return fixed.equals("-") ? null : ActionVersion.parse(fixed).orElse(null);
        }

        /**
         * True for the advisories of the action {@code u} runs: its repository, or its repository
         * and path.
         */
        boolean names(Uses u) {
            String p = pkg.toLowerCase(Locale.ROOT);
            return p.equals(u.repository().toLowerCase(Locale.ROOT)) || p.equals(u.target());
        }
    }

    private static final String RESOURCE = "action-advisories.tsv";
    private static final ActionAdvisories SNAPSHOT = load();

    /**
     * By lower-case {@code owner/repo}: every advisory of the repository, those of one path in it
     * included.
     */
    private final Map<String, List<Advisory>> byRepository;

    private ActionAdvisories(Map<String, List<Advisory>> byRepository) {
        this.byRepository = byRepository;
    }

    /** The snapshot the linter ships. */
    public static ActionAdvisories snapshot() {
        return SNAPSHOT;
    }

    /** The advisories of the action {@code u} runs, in the snapshot's order. */
    public List<Advisory> of(Uses u) {
        return byRepository
                .getOrDefault(u.repository().toLowerCase(Locale.ROOT), List.of())
                .stream()
                .filter(a -> a.names(u))
                .toList();
    }

    /** Every advisory range of the snapshot. */
    public List<Advisory> all() {
        return byRepository.values().stream().flatMap(List::stream).toList();
    }

    private static ActionAdvisories load() {
        try (InputStream in = ActionAdvisories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the linter's resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The advisories of a snapshot's text; a malformed line fails with its number, so a bad refresh
     * fails the build.
     */
    static ActionAdvisories parse(String text) {
        Map<String, List<Advisory>> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException(
                        RESOURCE
                                + ":"
                                + (i + 1)
                                + ": expected 7 tab-separated fields, found "
                                + f.length);
            }
            ActionVersion.Range range;
            try {
                range = ActionVersion.Range.parse(f[3]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        RESOURCE + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            String repository = repository(f[1]);
            out.computeIfAbsent(repository, k -> new ArrayList<>())
                    .add(new Advisory(f[0], f[1], f[2], range, f[4], f[6]));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new ActionAdvisories(out);
    }

    /** {@code owner/repo} of a package name that may go on with a path. */
    private static String repository(String pkg) {
        int first = pkg.indexOf('/');
        int second = first < 0 ? -1 : pkg.indexOf('/', first + 1);
        return (second < 0 ? pkg : pkg.substring(0, second)).toLowerCase(Locale.ROOT);
    }
}
