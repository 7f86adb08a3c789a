// Generated from linter/src/main/data/runner-labels.txt (retrieved 2026-11-22) by TableGenerator — do not edit.
// Regenerate: mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true
package dev.pipewright.lint.data;

import java.util.Set;

/** GitHub-hosted runner labels, current and retired. */
public final class RunnerLabels {
    private RunnerLabels() {}

    /** Labels of GitHub-hosted runners that run jobs today. */
    public static final Set<String> CURRENT = Set.of("ubuntu-latest", "ubuntu-26.04", "ubuntu-24.04", "ubuntu-22.04", "ubuntu-slim", "ubuntu-26.04-arm", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "windows-latest", "windows-2025", "windows-2025-vs2026", "windows-2022", "windows-11-arm", "macos-latest", "macos-26", "macos-15", "macos-14", "macos-26-intel", "macos-15-intel", "macos-latest-large", "macos-26-large", "macos-15-large", "macos-14-large", "macos-latest-xlarge", "macos-26-xlarge", "macos-15-xlarge", "macos-14-xlarge");

    /** Labels GitHub no longer serves: jobs wait for a runner until they time out. */
    public static final Set<String> RETIRED = Set.of("ubuntu-20.04", "ubuntu-18.04", "ubuntu-16.04", "windows-2019", "windows-2016", "macos-13", "macos-13-large", "macos-13-xlarge", "macos-12", "macos-12-large", "macos-11", "macos-10.15");
}
