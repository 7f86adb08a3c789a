///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.pipewright:pipewright-bindings:0.1.0-SNAPSHOT

import dev.pipewright.bindings.ActionsCheckout;
import dev.pipewright.model.Concurrency;
import dev.pipewright.model.Job;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.Scripts;
import java.util.List;

/**
 * A whole pipeline in one file, without a build: {@code jbang examples/script/Pipelines.java} (add
 * {@code check} to compare instead of writing), or without JBang
 * {@code pipewright generate --script examples/script/Pipelines.java}.
 */
public class Pipelines {
    public static void main(String[] args) {
        Scripts.run(args, new Ci());
    }

    /** Tests on every push to main and every pull request. */
    static final class Ci implements Pipeline {
        @Override
        public String id() {
            return "script";
        }

        @Override
        public String source() {
            return "examples/script/Pipelines.java";
        }

        @Override
        public String regenerateCommand() {
            return "jbang examples/script/Pipelines.java";
        }

        @Override
        public String outputDirectory() {
            return "generated-workflows/script";
        }

        @Override
        public List<Workflow> workflows() {
            return List.of(Workflow.builder("ci.yml")
                    .name("CI")
                    .on(Trigger.push().branches("main"))
                    .on(Trigger.pullRequest())
                    .permissions(Permissions.none())
                    .concurrency(Concurrency.of("ci-" + Expr.github("ref").wrapped(), true))
                    .job(Job.builder("test")
                            .name("test")
                            .runsOn("ubuntu-24.04")
                            .permissions(Permissions.contentsRead())
                            .timeoutMinutes(15)
                            .step(ActionsCheckout.builder().name("Check out").persistCredentials(false).build())
                            .step(Step.run("make test").name("Test").build())
                            .build())
                    .build());
        }
    }
}
