package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.bareJob;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionRulesTest {

    private static String outside(String condition) {
        return "the condition '"
                + condition
                + "' has text outside ${{ }}, so it is always true; put the whole "
                + "condition inside one ${{ }} or write it without ${{ }}";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "github.ref == 'refs/heads/main'",
                "${{ github.ref == 'refs/heads/main' }}",
                "  ${{ success() }}  ",
                "!cancelled()",
                "${{ !cancelled() }}",
                "contains(github.ref, '}}')",
                "${{ github.event_name == 'push' && github.ref_name != 'x }} y' }}"
            })
    void positiveJobCondition(String condition) {
        assertAccepted(workflow(job("build").ifCondition(condition).build()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${{ github.event_name }} == 'push'",
                        "${{ success() }} && ${{ github.ref == 'x' }}",
                "true ${{ always() }}", "${{ always() }}!"
            })
    void negativeJobConditionWithTextOutsideExpression(String condition) {
        assertRejected(
                workflow(job("build").ifCondition(condition).build()),
                W + " › job build › if",
                outside(condition));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${{ github.event_name }} == 'push'", "ok ${{ always() }}"})
    void negativeStepConditionWithTextOutsideExpression(String condition) {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").ifCondition(condition).build())
                                .build()),
                W + " › job build › step 1 › if",
                outside(condition));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void negativeEmptyJobCondition(String condition) {
        assertRejected(
                workflow(job("build").ifCondition(condition).build()),
                W + " › job build › if",
                "the condition is empty; remove the if or write a condition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void negativeEmptyStepCondition(String condition) {
        assertRejected(
                workflow(
                        bareJob("build")
                                .step(Step.run("make").id("make").ifCondition(condition).build())
                                .build()),
                W + " › job build › step 1 (id: make) › if",
                "the condition is empty; remove the if or write a condition");
    }
}
