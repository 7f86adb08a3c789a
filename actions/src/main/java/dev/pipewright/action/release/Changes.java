package dev.pipewright.action.release;

import java.util.ArrayList;
import java.util.List;

/**
 * The commits of a release sorted into sections.
 *
 * @param merges merge commits left out
 * @param unconventional non-conventional commits left out (kept ones are in {@link Grouping#OTHER})
 */
public record Changes(List<Change> changes, int merges, int unconventional) {
    public Changes {
        changes = List.copyOf(changes);
    }

    /**
     * Parses and groups {@code commits} (oldest first).
     *
     * @param includeMerges whether merge commits are parsed like others (else skipped)
     * @param keepUnconventional whether non-conventional commits go to "Other" (else skipped)
     */
    public static Changes classify(
            List<GitCommit> commits,
            Grouping grouping,
            boolean includeMerges,
            boolean keepUnconventional) {
        List<Change> out = new ArrayList<>();
        int merges = 0;
        int unconventional = 0;
        for (GitCommit c : commits) {
            if (c.isMerge() && !includeMerges) {
                merges++;
                continue;
            }
            List<ConventionalCommit.Parsed> all = ConventionalCommit.parseAll(c.message());
            if (all.get(0).conventional()) {
                // One entry per header, the message's own and any additional ones in its body (as
                // release-please).
                for (ConventionalCommit.Parsed p : all) {
                    out.add(new Change(c, p.commit(), grouping.titleFor(p.commit().type())));
                }
            } else if (keepUnconventional) {
                out.add(new Change(c, null, Grouping.OTHER));
            } else {
                unconventional++;
            }
        }
        return new Changes(out, merges, unconventional);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> breaking() {
        return changes.stream().filter(Change::breaking).toList();
    }

    /** The changes of one section, oldest first. */
    public List<Change> inGroup(String title) {
        return changes.stream().filter(c -> c.group().equals(title)).toList();
    }
}
