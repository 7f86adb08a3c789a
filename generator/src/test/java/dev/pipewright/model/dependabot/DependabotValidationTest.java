package dev.pipewright.model.dependabot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.validation.Problem;
import dev.pipewright.model.validation.WorkflowValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Invalid configs are rejected when built, with the place ({@code dependabot.yml › updates[i] (…)})
 * and the fix.
 */
class DependabotValidationTest {

    private static Update.Builder npm(String dir) {
        return Update.builder(Ecosystem.NPM, Schedule.weekly()).directory(dir);
    }

    private static List<String> problems(DependabotConfig.Builder b) {
        try {
            b.build();
        } catch (WorkflowValidationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the config to be rejected");
    }

    private static List<String> problemsOf(UnaryOperator<Update.Builder> change) {
        return problems(DependabotConfig.builder().update(change.apply(npm("/web"))));
    }

    @Test
    void negativeDuplicateEcosystemDirectoryAndTargetBranch() {
        List<String> p =
                problems(
                        DependabotConfig.builder()
                                .update(
                                        Update.builder(Ecosystem.MAVEN, Schedule.daily())
                                                .directory("/"))
                                .update(npm("/web"))
                                .update(
                                        Update.builder(Ecosystem.NPM, Schedule.daily())
                                                .directory("/web/")));
        assertThat(p)
                .containsExactly(
                        "dependabot.yml › updates[2] (npm /web/): repeats package-ecosystem npm,"
                                + " directory /web/ and target-branch (default) of updates[1]; GitHub rejects the file: merge the"
                                + " two blocks or give one another target-branch");
    }

    @Test
    void positiveSameDirectoryOnAnotherTargetBranchOrEcosystem() {
        DependabotConfig.builder()
                .update(npm("/web"))
                .update(npm("/web").targetBranch("release"))
                .update(Update.builder(Ecosystem.DOCKER, Schedule.weekly()).directory("/web"))
                .build();
    }

    @Test
    void negativeDuplicateThroughDirectories() {
        List<String> p =
                problems(
                        DependabotConfig.builder()
                                .update(
                                        Update.builder(Ecosystem.NPM, Schedule.weekly())
                                                .directories("/a", "/web"))
                                .update(npm("/web")));
        assertThat(p)
                .singleElement()
                .asString()
                .startsWith("dependabot.yml › updates[1] (npm /web): repeats");
    }

    @Test
    void negativeDirectoryAndDirectories() {
        assertThat(problemsOf(b -> b.directories("/x")))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web): directory and directories are mutually exclusive; keep one");
        assertThat(
                        problems(
                                DependabotConfig.builder()
                                        .update(Update.builder(Ecosystem.NPM, Schedule.weekly()))))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm (no directory)): has no directory; set"
                                + " .directory(\"/\") for the repository root, or .directories(…)");
    }

    @Test
    void negativeScheduleFormats() {
        assertThat(
                        problemsOf(
                                b ->
                                        b.schedule(
                                                Schedule.weekly()
                                                        .day("Mon")
                                                        .at("9:00")
                                                        .inTimezone("CEST"))))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › schedule: day 'Mon' is not a day; use monday … sunday"
                                + " (lower case), e.g. Schedule.weekly(DayOfWeek.MONDAY)",
                        "dependabot.yml › updates[0] (npm /web) › schedule: time '9:00' is not hh:mm in 24-hour form;"
                                + " write e.g. 09:00 or 17:30",
                        "dependabot.yml › updates[0] (npm /web) › schedule: timezone 'CEST' is not an IANA time zone;"
                                + " write e.g. Europe/Berlin, America/New_York or Etc/UTC");
        assertThat(problemsOf(b -> b.schedule(Schedule.daily().day("monday").at("24:00"))))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › schedule: day is only read with interval weekly, not daily;"
                                + " drop the day or use Schedule.weekly(…)",
                        "dependabot.yml › updates[0] (npm /web) › schedule: time '24:00' is not hh:mm in 24-hour form;"
                                + " write e.g. 09:00 or 17:30");
        assertThat(problemsOf(b -> b.schedule(Schedule.weekly().inTimezone("+01:00")))).hasSize(1);
    }

    @Test
    void negativeCron() {
        assertThat(problemsOf(b -> b.schedule(Schedule.cron("0 25 * * *"))))
                .singleElement()
                .asString()
                .startsWith(
                        "dependabot.yml › updates[0] (npm /web) › schedule: cronjob: cron '0 25 * * *' hour");
        assertThat(problemsOf(b -> b.schedule(Schedule.of(Schedule.Interval.CRON))))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › schedule: interval cron needs a cronjob;"
                                + " use Schedule.cron(\"0 9 * * 1\")");
        assertThat(
                        problemsOf(
                                b ->
                                        b.schedule(
                                                new Schedule(
                                                        Schedule.Interval.DAILY,
                                                        null,
                                                        null,
                                                        null,
                                                        "0 9 * * *"))))
                .singleElement()
                .asString()
                .contains("cronjob is only read with interval cron, not daily");
    }

    @Test
    void negativeCooldownDaysOutOfRange() {
        assertThat(
                        problemsOf(
                                b ->
                                        b.cooldown(
                                                Cooldown.builder()
                                                        .defaultDays(0)
                                                        .semverMajorDays(91)
                                                        .build())))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › cooldown: default-days is 0; GitHub accepts 1 to 90 days",
                        "dependabot.yml › updates[0] (npm /web) › cooldown: semver-major-days is 91; GitHub accepts"
                                + " 1 to 90 days");
        assertThat(problemsOf(b -> b.cooldown(Cooldown.builder().include("*").build())))
                .singleElement()
                .asString()
                .endsWith(
                        "cooldown: sets no days; set default-days (e.g. Cooldown.days(7)) or a semver-*-days");
        String[] many = new String[151];
        Arrays.setAll(many, i -> "dep-" + i);
        assertThat(
                        problemsOf(
                                b ->
                                        b.cooldown(
                                                Cooldown.builder()
                                                        .defaultDays(1)
                                                        .exclude(many)
                                                        .build())))
                .singleElement()
                .asString()
                .endsWith("exclude has 151 entries; GitHub reads at most 150: use wildcards");
    }

    @Test
    void negativeGroupNames() {
        assertThat(problemsOf(b -> b.group(Group.all("NPM dependencies"))))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › groups.NPM dependencies: group name 'NPM dependencies' must"
                                + " start and end with a letter and contain only letters, digits, |, _ or -; it becomes part of"
                                + " branch names (e.g. NPM-dependencies)");
        assertThat(problemsOf(b -> b.group(Group.all("deps-")))).hasSize(1);
        assertThat(problemsOf(b -> b.group(Group.all("1deps")))).hasSize(1);
        assertThat(problemsOf(b -> b.group(Group.all("a/b")))).hasSize(1);
    }

    @Test
    void positiveGroupNames() {
        for (String name :
                List.of("a", "all", "k8s-deps", "dev|tools", "minor_and_patch", "GitHub-Actions")) {
            DependabotConfig.builder().update(npm("/").group(Group.all(name))).build();
        }
    }

    @Test
    void negativeGroupSelectsNothingOrWrongDependencyType() {
        assertThat(
                        problemsOf(
                                b ->
                                        b.group(
                                                Group.builder("sec")
                                                        .appliesTo(Group.AppliesTo.SECURITY_UPDATES)
                                                        .build())))
                .singleElement()
                .asString()
                .endsWith(
                        "groups.sec: selects nothing; add patterns(\"*\"),"
                                + " exclude-patterns, a dependency-type or update-types (applies-to alone is not enough)");
        assertThat(
                        problemsOf(
                                b ->
                                        b.group(
                                                Group.builder("d")
                                                        .dependencyType(DependencyType.DIRECT)
                                                        .build())))
                .singleElement()
                .asString()
                .endsWith(
                        "dependency-type direct is not read in groups;"
                                + " use development or production");
        assertThatThrownBy(() -> npm("/").group(Group.all("a")).group(Group.all("a")))
                .hasMessage("update npm has two groups named a");
    }

    @Test
    void negativeRulesAndLimits() {
        assertThat(
                        problemsOf(
                                b ->
                                        b.allow(new Allow(null, null))
                                                .ignore(new Ignore(null, List.of(), List.of()))
                                                .openPullRequestsLimit(-1)
                                                .milestone(0)
                                                .commitMessage(CommitMessage.prefix("x".repeat(51)))
                                                .labels("deps", "deps")
                                                .pullRequestBranchSeparator(".")
                                                .targetBranch(" ")))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web →  ): target-branch is blank; drop it to use the default branch",
                        "dependabot.yml › updates[0] (npm /web →  ) › allow[0]: selects nothing; set a dependency-name"
                                + " or a dependency-type",
                        "dependabot.yml › updates[0] (npm /web →  ) › ignore[0]: ignores nothing; set a dependency-name,"
                                + " versions or update-types",
                        "dependabot.yml › updates[0] (npm /web →  ): open-pull-requests-limit is -1; use 0 (security"
                                + " updates only) or more",
                        "dependabot.yml › updates[0] (npm /web →  ): milestone is 0; use the milestone's number (1 or"
                                + " more), not its title",
                        "dependabot.yml › updates[0] (npm /web →  ) › commit-message: prefix has 51 characters; GitHub"
                                + " allows 50",
                        "dependabot.yml › updates[0] (npm /web →  ): labels lists deps twice; drop the repeat",
                        "dependabot.yml › updates[0] (npm /web →  ): pull-request-branch-name.separator '.' is not one"
                                + " of -, _ or /");
    }

    @Test
    void negativeRegistriesMustBeDefined() {
        assertThat(problemsOf(b -> b.registries("nexus")))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web) › registries: names registry 'nexus', which the top-level"
                                + " registries do not define; known: []");
        assertThat(problemsOf(b -> b.registries("*", "nexus")))
                .singleElement()
                .asString()
                .endsWith(
                        "registries: mixes \"*\" with names; use allRegistries() alone or list the names");
    }

    @Test
    void negativeCustomKeysMustNotShadowModelledOnes() {
        assertThat(problemsOf(b -> b.custom("schedule", "weekly")))
                .containsExactly(
                        "dependabot.yml › updates[0] (npm /web): custom key 'schedule' is modelled; use the typed setter instead");
        assertThat(problems(DependabotConfig.builder().update(npm("/")).custom("version", 3)))
                .containsExactly(
                        "dependabot.yml: custom key 'version' is modelled; use the typed setter instead");
    }

    @Test
    void negativeNoUpdates() {
        assertThat(problems(DependabotConfig.builder()))
                .containsExactly(
                        "dependabot.yml: has no update; add one,"
                                + " e.g. Update.builder(Ecosystem.MAVEN, Schedule.weekly()).directory(\"/\")");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(
                        problems(
                                DependabotConfig.builder()
                                        .update(npm("/").schedule(Schedule.daily().at("7am")))
                                        .update(
                                                Update.builder(Ecosystem.PIP, Schedule.weekly())
                                                        .directory("/")
                                                        .cooldown(Cooldown.days(100)))))
                .hasSize(2);
    }
}
