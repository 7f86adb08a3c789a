package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A job that calls a reusable workflow. Only the keys GitHub allows here exist: no runs-on, steps,
 * env or timeout. {@code expectedOutputs} names the called workflow's outputs so downstream
 * references can be checked; it is not written.
 */
public record CallJob(
        String id,
        String name,
        List<String> needs,
        String condition,
        Permissions permissions,
        Concurrency concurrency,
        Strategy strategy,
        String uses,
        Map<String, Object> with,
        Map<String, String> secrets,
        boolean inheritSecrets,
        List<String> expectedOutputs,
        Map<String, Object> custom)
        implements Job {

    public CallJob {
        Objects.requireNonNull(id, "job id == null");
        Objects.requireNonNull(uses, () -> "job " + id + " has no uses");
        needs = Lists.copy(needs, "needs");
        with = Lists.copy(with, "with");
        secrets = Lists.copy(secrets, "secrets");
        expectedOutputs = Lists.copy(expectedOutputs, "outputs");
        custom = Lists.copy(custom, "custom keys");
        if (inheritSecrets && !secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "job " + id + " both inherits secrets and lists them; choose one");
        }
    }

    @Override
    public Set<String> outputNames() {
        return new LinkedHashSet<>(expectedOutputs);
    }

    public static Builder builder(String id, String uses) {
        return new Builder(id, uses);
    }

    /** Builds a {@link CallJob}. */
    public static final class Builder extends JobBuilder<Builder> {
        private final String uses;
        private final Map<String, Object> with = new LinkedHashMap<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private boolean inheritSecrets;
        private final List<String> expectedOutputs = new ArrayList<>();

        private Builder(String id, String uses) {
            super(id);
            this.uses = uses;
        }

        public Builder with(String key, Object value) {
            with.put(key, value);
            return this;
        }

        public Builder secret(String key, String value) {
            secrets.put(key, value);
            return this;
        }

        /** {@code secrets: inherit}: passes every secret; prefer naming them. */
        public Builder inheritSecrets() {
            inheritSecrets = true;
            return this;
        }

        public Builder expectOutputs(String... names) {
            expectedOutputs.addAll(List.of(names));
            return this;
        }

        public CallJob build() {
            return new CallJob(
                    id,
                    name,
                    needs,
                    condition,
                    permissions,
                    concurrency,
                    strategy,
                    uses,
                    with,
                    secrets,
                    inheritSecrets,
                    expectedOutputs,
                    custom);
        }
    }

    @Override
    public <R> R accept(Job.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
