package dev.pipewright.lint.audit;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a job-level string takes through its matrix: {@code runs-on: ${{ matrix.os }}} or
 * {@code image: node:${{ matrix.node }}} expands to one string per value of {@code
 * strategy.matrix.os} (and of the {@code include:} rows that set it), as zizmor expands them. Empty
 * when the string is not one matrix expansion or the matrix is computed ({@code fromJSON(...)}),
 * whose values cannot be known before the run.
 */
public final class MatrixValues {
    private MatrixValues() {}

    private static final Pattern ONE =
            Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*}}");

    /** The distinct expansions of {@code value} in source order, or empty. */
    public static Optional<List<String>> expand(YMap job, YScalar value) {
        String text = value.value();
        Matcher m = ONE.matcher(text);
        if (!m.find()
                || text.indexOf("${{", m.end()) >= 0
                || text.substring(0, m.start()).contains("${{")) {
            return Optional.empty();
        }
        Optional<YMap> matrix = job.map("strategy").flatMap(s -> s.map("matrix"));
        if (matrix.isEmpty()) {
            return Optional.empty();
        }
        String key = m.group(1);
        Set<String> values = new LinkedHashSet<>();
        matrix.get().get(key).ifPresent(n -> scalars(n, values));
        // an exclude row naming only this axis removes its value from every combination (GitHub
        // applies include rows after excludes, so theirs stay)
        matrix.get()
                .seq("exclude")
                .ifPresent(
                        rows ->
                                rows.items()
                                        .forEach(
                                                r -> {
                                                    if (r instanceof YMap row
                                                            && row.entries().size() == 1
                                                            && row.get(key).orElse(null)
                                                                    instanceof YScalar s) {
                                                        values.remove(s.value());
                                                    }
                                                }));
        matrix.get()
                .seq("include")
                .ifPresent(
                        rows ->
                                rows.items()
                                        .forEach(
                                                r -> {
                                                    if (r instanceof YMap row) {
                                                        row.get(key)
                                                                .ifPresent(n -> scalars(n, values));
                                                    }
                                                }));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(text.substring(0, m.start()) + v + text.substring(m.end()));
        }
        return Optional.of(out);
    }

    /**
     * The literal strings of a matrix axis (a list) or of an include row's value; expressions are
     * skipped.
     */
    private static void scalars(YNode n, Set<String> into) {
        if (n instanceof YScalar s && !s.value().contains("${{")) {
            into.add(s.value());
        } else if (n instanceof YSeq q) {
            q.items()
                    .forEach(
                            i -> {
                                if (i instanceof YScalar s && !s.value().contains("${{")) {
                                    into.add(s.value());
                                }
                            });
        }
    }
}
