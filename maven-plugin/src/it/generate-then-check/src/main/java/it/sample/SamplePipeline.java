package it.sample;

import dev.pipewright.model.Job;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.pipeline.Pipeline;
import java.util.List;

public final class SamplePipeline implements Pipeline {
    @Override
    public String id() {
        return "sample";
    }

    @Override
    public String source() {
        return "src/main/java/it/sample/SamplePipeline.java";
    }

    @Override
    public String regenerateCommand() {
        return "mvn process-classes pipewright:generate";
    }

    @Override
    public String outputDirectory() {
        return ".github/workflows";
    }

    @Override
    public List<Workflow> workflows() {
        return List.of(
                Workflow.builder("ci.yml")
                        .on(Trigger.push().branches("main"))
                        .permissions(Permissions.contentsRead())
                        .job(
                                Job.builder("build")
                                        .runsOn("ubuntu-24.04")
                                        .timeoutMinutes(10)
                                        .step(Step.run("echo hello").build())
                                        .build())
                        .build());
    }
}
