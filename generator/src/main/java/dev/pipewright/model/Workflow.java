package dev.pipewright.model;

import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.model.trigger.TriggerBuilder;
import dev.pipewright.model.util.Lists;
import dev.pipewright.model.validation.WorkflowValidator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One workflow file. Built only through {@link Builder#build()}, which validates the whole workflow
 * and throws {@link dev.pipewright.model.validation.WorkflowValidationException} naming every
 * problem's place and fix.
 */
public record Workflow(
        String fileName,
        String name,
        String description,
        String runName,
        List<Trigger> on,
        Permissions permissions,
        Map<String, String> env,
        RunDefaults defaults,
        Concurrency concurrency,
        List<Job> jobs,
        Map<String, Object> custom,
        Set<Preview> previews) {

    public Workflow {
        previews =
                previews == null || previews.isEmpty()
                        ? Set.of()
                        : Set.copyOf(EnumSet.copyOf(previews));
        Objects.requireNonNull(fileName, "fileName == null");
        on = Lists.copy(on, "on");
        env = Lists.copy(env, "env");
        jobs = Lists.copy(jobs, "jobs");
        custom = Lists.copy(custom, "custom keys");
    }

    public static Builder builder(String fileName) {
        return new Builder(fileName);
    }

    /** The job with this id. */
    public Job job(String id) {
        return jobs.stream()
                .filter(j -> j.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "workflow " + fileName + " has no job '" + id + "'"));
    }

    /**
     * A copy with other jobs and nothing else changed; not validated again (for render-time passes
     * like pinning).
     */
    public Workflow withJobs(List<Job> replacement) {
        return new Workflow(
                fileName,
                name,
                description,
                runName,
                on,
                permissions,
                env,
                defaults,
                concurrency,
                replacement,
                custom,
                previews);
    }

    /** A builder pre-filled with this workflow, for overrides by job id. */
    public Builder toBuilder() {
        Builder b = new Builder(fileName);
        b.name = name;
        b.description = description;
        b.runName = runName;
        b.on.addAll(on);
        b.permissions = permissions;
        b.env.putAll(env);
        b.defaults = defaults;
        b.concurrency = concurrency;
        b.jobs.addAll(jobs);
        b.custom.putAll(custom);
        b.previews.addAll(previews);
        return b;
    }

    /** Builds and validates a {@link Workflow}. */
    public static final class Builder {
        private final String fileName;
        private String name;
        private String description;
        private String runName;
        private final List<Trigger> on = new ArrayList<>();
        private Permissions permissions;
        private final Map<String, String> env = new LinkedHashMap<>();
        private RunDefaults defaults;
        private Concurrency concurrency;
        private final List<Job> jobs = new ArrayList<>();
        private final Map<String, Object> custom = new LinkedHashMap<>();
        private final Set<Preview> previews = EnumSet.noneOf(Preview.class);

        private Builder(String fileName) {
            this.fileName = fileName;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        /** A description of the workflow, shown where GitHub lists workflows. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder runName(String value) {
            runName = value;
            return this;
        }

        public Builder on(TriggerBuilder... triggers) {
            for (TriggerBuilder t : triggers) {
                on.add(t.build());
            }
            return this;
        }

        public Builder permissions(Permissions value) {
            permissions = value;
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder defaults(RunDefaults value) {
            defaults = value;
            return this;
        }

        public Builder concurrency(Concurrency value) {
            concurrency = value;
            return this;
        }

        public Builder job(Job value) {
            jobs.add(value);
            return this;
        }

        public Builder jobs(List<? extends Job> values) {
            jobs.addAll(values);
            return this;
        }

        /** Replaces the job with this id (overrides go by id, never by index). */
        public Builder replaceJob(Job replacement) {
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.get(i).id().equals(replacement.id())) {
                    jobs.set(i, replacement);
                    return this;
                }
            }
            throw new IllegalArgumentException(
                    "workflow " + fileName + " has no job '" + replacement.id() + "'");
        }

        /** A key this version does not model, written after the known ones. */
        public Builder custom(String key, Object value) {
            custom.put(key, value);
            return this;
        }

        /**
         * Accepts syntax GitHub ships behind a feature flag; only when the flag is on for your
         * organization.
         */
        public Builder allowPreview(Preview... values) {
            previews.addAll(List.of(values));
            return this;
        }

        /** Validates and returns the workflow. */
        public Workflow build() {
            Workflow w =
                    new Workflow(
                            fileName,
                            name,
                            description,
                            runName,
                            on,
                            permissions,
                            env,
                            defaults,
                            concurrency,
                            jobs,
                            custom,
                            previews);
            WorkflowValidator.check(w);
            return w;
        }
    }
}
