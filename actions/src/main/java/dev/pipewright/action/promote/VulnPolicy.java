package dev.pipewright.action.promote;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The vulnerability gate: a finding blocks when its severity is one of {@code fail-on} and no
 * active waiver covers it; with {@code ignore-unfixed}, findings without a fix ({@code Status}
 * other than {@code fixed}) are dropped first, as trivy does. Expired waivers do not suppress, and
 * are reported as such. The clock is injectable for tests.
 */
record VulnPolicy(Set<TrivyReport.Severity> failOn, boolean ignoreUnfixed, Clock clock) {
    enum Verdict {
        BLOCKING,
        WAIVED,
        EXPIRED_WAIVER,
        BELOW_THRESHOLD,
        UNFIXED_IGNORED
    }

    /**
     * One finding and what the policy made of it; {@code waiver} is the one applied or the expired
     * one.
     */
    record Decision(TrivyReport.Finding finding, Verdict verdict, Allowlist.Waiver waiver) {
        boolean blocking() {
            return verdict == Verdict.BLOCKING;
        }
    }

    record Result(List<Decision> decisions) {
        boolean passed() {
            return decisions.stream().noneMatch(Decision::blocking);
        }

        List<Decision> with(Verdict v) {
            return decisions.stream().filter(d -> d.verdict() == v).toList();
        }

        /** Ids of blocking findings, each once, in report order. */
        List<String> blockingIds() {
            return decisions.stream()
                    .filter(Decision::blocking)
                    .map(d -> d.finding().id())
                    .distinct()
                    .toList();
        }
    }

    VulnPolicy {
        failOn = Set.copyOf(failOn);
    }

    Result evaluate(List<TrivyReport.Finding> findings, List<Allowlist.Waiver> waivers) {
        List<Decision> out = new ArrayList<>();
        Instant now = clock.instant();
        for (TrivyReport.Finding f : findings) {
            if (ignoreUnfixed && !f.status().equals("fixed")) {
                out.add(new Decision(f, Verdict.UNFIXED_IGNORED, null));
                continue;
            }
            Optional<Allowlist.Waiver> active =
                    waivers.stream().filter(w -> w.covers(f) && !w.expired(now)).findFirst();
            if (active.isPresent()) {
                out.add(new Decision(f, Verdict.WAIVED, active.get()));
                continue;
            }
            Optional<Allowlist.Waiver> expired =
                    waivers.stream().filter(w -> w.covers(f)).findFirst();
            boolean blocks = failOn.contains(f.severity());
            if (expired.isPresent() && blocks) {
                out.add(new Decision(f, Verdict.BLOCKING, expired.get()));
            } else if (expired.isPresent()) {
                out.add(new Decision(f, Verdict.EXPIRED_WAIVER, expired.get()));
            } else {
                out.add(new Decision(f, blocks ? Verdict.BLOCKING : Verdict.BELOW_THRESHOLD, null));
            }
        }
        return new Result(out);
    }
}
