package dev.pipewright.model.validation;

import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.assertRejectedWith;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;

import dev.pipewright.model.NormalJob;
import org.junit.jupiter.api.Test;

class JobGraphRulesTest {

    @Test
    void positiveDiamond() {
        NormalJob a = job("a").build();
        NormalJob b = job("b").needs(a).build();
        NormalJob c = job("c").needs(a).build();
        assertAccepted(workflow(a, b, c, job("d").needs(b, c).build()));
    }

    @Test
    void positiveNeedsALaterJob() {
        // order of jobs in the file does not matter, only the graph
        assertAccepted(workflow(job("deploy").needs("build").build(), job("build").build()));
    }

    @Test
    void negativeNeedsUnknownJob() {
        assertRejected(
                workflow(job("build").build(), job("test").needs("biuld").build()),
                W + " › job test › needs",
                "needs job 'biuld', which does not exist; known jobs: [build, test]");
    }

    @Test
    void negativeDuplicateNeed() {
        assertRejected(
                workflow(job("build").build(), job("test").needs("build", "build").build()),
                W + " › job test › needs",
                "'build' is listed twice; list each job once");
    }

    @Test
    void negativeSelfNeed() {
        assertRejected(
                workflow(job("build").build(), job("test").needs("test").build()),
                W + " › job test › needs",
                "the job needs itself; remove 'test'");
    }

    @Test
    void negativeCycle() {
        assertRejected(
                workflow(
                        job("start").build(),
                        job("a").needs("start", "c").build(),
                        job("b").needs("a").build(),
                        job("c").needs("b").build()),
                W + " › job a › needs",
                "jobs form a cycle a → c → b → a; remove one of these needs");
    }

    @Test
    void negativeEveryJobNeedsAnother() {
        assertRejectedWith(
                workflow(job("a").needs("b").build(), job("b").needs("a").build()),
                new Problem(
                        new Where(W + " › jobs"),
                        "every job needs another, so none can start; let at least one job need nothing"),
                new Problem(
                        new Where(W + " › job a › needs"),
                        "jobs form a cycle a → b → a; remove one of these needs"));
    }
}
