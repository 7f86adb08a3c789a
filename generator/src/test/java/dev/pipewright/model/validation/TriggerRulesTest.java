package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.job;

import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.CustomTrigger;
import dev.pipewright.model.trigger.EventCatalog;
import dev.pipewright.model.trigger.Schedule;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.TriggerBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerRulesTest {

    private static Workflow.Builder on(TriggerBuilder... triggers) {
        return Workflow.builder("ci.yml").on(triggers).job(job("build").build());
    }

    private static String exclusive(String key) {
        return key
                + " and "
                + key
                + "-ignore cannot both be set for one event; use "
                + key
                + " with '!' patterns to exclude";
    }

    @Test
    void positiveEveryFilterWithoutItsIgnoreTwin() {
        assertAccepted(
                on(
                        Trigger.push().branches("main").tagsIgnore("v0.*").paths("src/**"),
                        Trigger.pullRequest()
                                .branchesIgnore("gh-pages")
                                .pathsIgnore("docs/**")
                                .types("opened", "synchronize"),
                        Trigger.workflowRun("CI").branches("main").types("completed"),
                        Trigger.mergeGroup().branches("main").types("checks_requested")));
    }

    static Stream<Arguments> bothFilterAndIgnore() {
        return Stream.of(
                Arguments.of(
                        Trigger.push().branches("main").branchesIgnore("dev"), "push", "branches"),
                Arguments.of(Trigger.push().tags("v*").tagsIgnore("v0*"), "push", "tags"),
                Arguments.of(
                        Trigger.push().paths("src/**").pathsIgnore("docs/**"), "push", "paths"),
                Arguments.of(
                        Trigger.pullRequest().branches("main").branchesIgnore("dev"),
                        "pull_request",
                        "branches"),
                Arguments.of(
                        Trigger.pullRequest().paths("a").pathsIgnore("b"), "pull_request", "paths"),
                Arguments.of(
                        Trigger.pullRequestTarget().branches("main").branchesIgnore("dev"),
                        "pull_request_target",
                        "branches"),
                Arguments.of(
                        Trigger.workflowRun("CI").branches("main").branchesIgnore("dev"),
                        "workflow_run",
                        "branches"),
                Arguments.of(
                        Trigger.mergeGroup().branches("main").branchesIgnore("dev"),
                        "merge_group",
                        "branches"),
                // the same events written through the generic event builder
                Arguments.of(
                        Trigger.event("push").filter("tags", "v*").filter("tags-ignore", "v0*"),
                        "push",
                        "tags"),
                Arguments.of(
                        Trigger.event("pull_request")
                                .filter("paths", "a")
                                .filter("paths-ignore", "b"),
                        "pull_request",
                        "paths"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("bothFilterAndIgnore")
    void negativeFilterWithItsIgnoreTwin(TriggerBuilder trigger, String event, String key) {
        assertRejected(on(trigger), W + " › on." + event, exclusive(key));
    }

    @Test
    void positiveKnownActivityTypes() {
        assertAccepted(
                on(
                        Trigger.release().types("published", "prereleased"),
                        Trigger.event("issues").types("opened", "labeled"),
                        Trigger.repositoryDispatch().types("any-name-we-like")));
    }

    @Test
    void negativeUnknownPullRequestType() {
        assertRejected(
                on(Trigger.pullRequest().types("opend")),
                W + " › on.pull_request",
                "'opend' is not an activity type of pull_request; use one of "
                        + EventCatalog.find("pull_request").orElseThrow().activityTypes());
    }

    @Test
    void negativeUnknownWorkflowRunType() {
        assertRejected(
                on(Trigger.workflowRun("CI").types("finished")),
                W + " › on.workflow_run",
                "'finished' is not an activity type of workflow_run; use one of [requested, completed, in_progress]");
    }

    @Test
    void negativeUnknownReleaseType() {
        assertRejected(
                on(Trigger.release().types("publish")),
                W + " › on.release",
                "'publish' is not an activity type of release; use one of "
                        + "[published, unpublished, created, edited, deleted, prereleased, released]");
    }

    @Test
    void negativeTypesOnEventWithoutTypes() {
        assertRejected(
                on(Trigger.event("fork").types("created")),
                W + " › on.fork",
                "fork takes no activity types; remove types");
    }

    @Test
    void negativeUnknownFilter() {
        assertRejected(
                on(Trigger.release().filter("branches", "main")),
                W + " › on.release",
                "release has no filter 'branches'; it takes [types]");
    }

    @Test
    void positiveCustomTriggerForNewEvents() {
        assertAccepted(on(new CustomTrigger("brand_new_event", Map.of("types", List.of("x")))));
    }

    @Test
    void negativeUnknownEvent() {
        assertRejected(
                on(Trigger.event("pushh")),
                W + " › on.pushh",
                "'pushh' is not an event GitHub's schema "
                        + "knows; fix the name, or use CustomTrigger for an event newer than this version");
    }

    @Test
    void negativeEventListedTwice() {
        assertRejected(
                on(Trigger.push().branches("main"), Trigger.push().tags("v*")),
                W + " › on.push",
                "the event is listed twice; merge its filters into one trigger");
    }

    @Test
    void positiveScheduleWithTimezone() {
        assertAccepted(
                on(Schedule.of(Schedule.Cron.of("30 5 * * 1-5").inTimezone("Europe/Berlin"))));
    }

    @Test
    void negativeScheduleCronOutOfRange() {
        assertRejected(
                on(Trigger.schedule("0 0 0 * *")),
                W + " › on.schedule",
                "cron '0 0 0 * *' day-of-month: 0 is outside 1-31; fix the expression "
                        + "(GitHub runs schedules in UTC unless a timezone is set)");
    }
}
