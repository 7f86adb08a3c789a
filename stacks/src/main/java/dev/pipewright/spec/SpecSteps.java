package dev.pipewright.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.RunStep;
import dev.pipewright.model.Step;
import dev.pipewright.model.StepBuilder;
import dev.pipewright.model.UsesStep;
import dev.pipewright.stacks.Stages;
import java.util.Iterator;
import java.util.Map;

/** The steps and jobs a spec's overrides add, from their schema-checked JSON. */
final class SpecSteps {
    private SpecSteps() {}

    static Step step(JsonNode s) {
        if (s.has("run")) {
            RunStep.Builder b = Step.run(s.get("run").asText());
            if (s.has("shell")) {
                b.shell(s.get("shell").asText());
            }
            if (s.has("working-directory")) {
                b.workingDirectory(s.get("working-directory").asText());
            }
            return common(b, s).build();
        }
        UsesStep.Builder b = Step.uses(s.get("uses").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("with").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isBoolean()) {
                b.with(e.getKey(), e.getValue().asBoolean());
            } else if (e.getValue().isIntegralNumber()) {
                b.with(e.getKey(), e.getValue().asLong());
            } else {
                b.with(e.getKey(), e.getValue().asText());
            }
        }
        return common(b, s).build();
    }

    private static <B extends StepBuilder<B>> B common(B b, JsonNode s) {
        b.id(s.get("id").asText());
        if (s.has("name")) {
            b.name(s.get("name").asText());
        }
        if (s.has("if")) {
            b.ifCondition(s.get("if").asText());
        }
        if (s.has("timeout-minutes")) {
            b.timeoutMinutes(s.get("timeout-minutes").asInt());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("env").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.env(e.getKey(), e.getValue().asText());
        }
        return b;
    }

    /**
     * A job with the stacks' safe defaults (contents: read, the stacks' runner, 15 minutes) unless
     * the spec sets them.
     */
    static NormalJob job(String id, JsonNode j) {
        NormalJob.Builder b =
                Stages.job(id, j.has("timeout-minutes") ? j.get("timeout-minutes").asInt() : 15);
        if (j.has("name")) {
            b.name(j.get("name").asText());
        }
        if (j.has("runs-on")) {
            b.runsOn(j.get("runs-on").asText());
        }
        if (j.has("if")) {
            b.ifCondition(j.get("if").asText());
        }
        j.path("needs").forEach(n -> b.needs(n.asText()));
        j.get("steps").forEach(s -> b.step(step(s)));
        return b.build();
    }
}
