package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import dev.pipewright.model.validation.DependabotValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code dependabot.yml} (always {@code version: 2}). Built only through {@link Builder#build()},
 * which validates every update and throws {@link
 * dev.pipewright.model.validation.WorkflowValidationException} naming each problem's place ({@code
 * dependabot.yml › updates[2] (npm /web)}) and fix.
 */
public record DependabotConfig(
        List<Update> updates,
        Map<String, Registry> registries,
        Boolean enableBetaEcosystems,
        Map<String, Object> custom) {

    /** The only {@code version} GitHub reads. */
    public static final int VERSION = 2;

    public DependabotConfig {
        updates = Lists.copy(updates, "updates");
        registries = Lists.copy(registries, "registries");
        custom = Lists.copy(custom, "custom keys");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this config, for overrides. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.updates.addAll(updates);
        b.registries.putAll(registries);
        b.enableBetaEcosystems = enableBetaEcosystems;
        b.custom.putAll(custom);
        return b;
    }

    /** Builds and validates a {@link DependabotConfig}. */
    public static final class Builder {
        private final List<Update> updates = new ArrayList<>();
        private final Map<String, Registry> registries = new LinkedHashMap<>();
        private Boolean enableBetaEcosystems;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder() {}

        public Builder update(Update value) {
            updates.add(value);
            return this;
        }

        public Builder update(Update.Builder value) {
            return update(value.build());
        }

        /** A private registry that updates refer to by name. */
        public Builder registry(String name, Registry value) {
            registries.put(name, value);
            return this;
        }

        /** Lets updates use ecosystems GitHub still calls beta. */
        public Builder enableBetaEcosystems(boolean value) {
            enableBetaEcosystems = value;
            return this;
        }

        /** A top-level key this version does not model (e.g. {@code multi-ecosystem-groups}). */
        public Builder custom(String key, Object value) {
            custom.put(key, value);
            return this;
        }

        /** Validates and returns the config. */
        public DependabotConfig build() {
            DependabotConfig c =
                    new DependabotConfig(updates, registries, enableBetaEcosystems, custom);
            DependabotValidator.check(c);
            return c;
        }
    }
}
