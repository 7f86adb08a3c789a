package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.List;
import java.util.Objects;

/** Where a job runs: labels (one or all of several), a runner group, or a raw value. */
public sealed interface RunsOn permits RunsOn.Labels, RunsOn.Group, RunsOn.Custom {
    String UBUNTU_LATEST = "ubuntu-latest";
    String UBUNTU_24_04 = "ubuntu-24.04";
    String UBUNTU_24_04_ARM = "ubuntu-24.04-arm";
    String UBUNTU_SLIM = "ubuntu-slim";
    String WINDOWS_LATEST = "windows-latest";
    String MACOS_LATEST = "macos-latest";

    /** Calls the visitor's method for this form of {@code runs-on}. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per form, so a new form does not compile until the emitter and the validators
     * handle it.
     */
    interface Visitor<R> {
        R visit(Labels labels);

        R visit(Group group);

        R visit(Custom custom);
    }

    /** A runner that has every label; one label is written as a scalar. */
    record Labels(List<String> labels) implements RunsOn {
        public Labels {
            labels = Lists.copy(labels, "runs-on");
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("runs-on has no label");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A runner group, optionally narrowed by labels. */
    record Group(String group, List<String> labels) implements RunsOn {
        public Group {
            Objects.requireNonNull(group, "runner group == null");
            labels = Lists.copy(labels, "runs-on.labels");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Escape hatch: written as given. */
    record Custom(Object value) implements RunsOn {
        public Custom {
            Objects.requireNonNull(value, "runs-on value == null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    static RunsOn label(String label) {
        return new Labels(List.of(label));
    }

    static RunsOn labels(String... labels) {
        return new Labels(List.of(labels));
    }

    static RunsOn group(String group, String... labels) {
        return new Group(group, List.of(labels));
    }

    static RunsOn ubuntuLatest() {
        return label(UBUNTU_LATEST);
    }
}
