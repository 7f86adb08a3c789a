package dev.pipewright.stacks.harness;

import org.junit.jupiter.api.Assumptions;

/**
 * A job the harness rejected because its runtime is absent here (say pnpm where npm cannot install
 * it) is skipped, and the reason goes to the build log as well as to the test report: a skip must
 * say which runtime was missing.
 */
final class AbsentRuntime {
    private AbsentRuntime() {}

    static void assumePresent(JobHarness.JobRun r) {
        if (r.rejected() != null && r.rejected().startsWith("runtime absent")) {
            System.out.println("[job harness] " + r.job() + " skipped: " + r.rejected());
            Assumptions.abort(r.rejected());
        }
    }
}
