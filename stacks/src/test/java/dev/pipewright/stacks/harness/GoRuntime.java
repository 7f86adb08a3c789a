package dev.pipewright.stacks.harness;

import org.junit.jupiter.api.Assumptions;

/** Jobs that build Go need a Go toolchain; where it is absent they are skipped, saying so. */
final class GoRuntime {
    private GoRuntime() {}

    static void assumeGo() {
        Assumptions.assumeTrue(
                StandIns.onPath("go"), "runtime absent: no go on PATH, so the Go jobs are not run");
    }
}
