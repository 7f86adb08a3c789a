package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code GITHUB_TOKEN} grants of a workflow or job: {@code read-all}, {@code write-all}, or per
 * scope ({@code {}} when no scope is granted, the least-privilege default).
 */
public sealed interface Permissions
        permits Permissions.ReadAll, Permissions.WriteAll, Permissions.Scoped {

    /** Calls the visitor's method for this form of grant. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per form, so a new form does not compile until the emitter and the validators
     * handle it.
     */
    interface Visitor<R> {
        R visit(ReadAll readAll);

        R visit(WriteAll writeAll);

        R visit(Scoped scoped);
    }

    /** {@code permissions: read-all}. */
    record ReadAll() implements Permissions {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code permissions: write-all}; allowed, but every audit flags it. */
    record WriteAll() implements Permissions {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Per-scope grants, emitted sorted by scope name; empty means {@code permissions: {}}. {@code
     * reasons} says, for some scopes, what in the job needs the grant; it is written as a comment
     * on the scope's line, so whoever later wants to take a grant away knows what would break
     * (zizmor's undocumented-permissions asks for it).
     */
    record Scoped(
            Map<PermissionScope, PermissionLevel> grants, Map<PermissionScope, String> reasons)
            implements Permissions {
        public Scoped {
            Map<PermissionScope, PermissionLevel> sorted = sortedMap();
            sorted.putAll(Lists.copy(grants, "permissions"));
            grants = Collections.unmodifiableMap(sorted);
            Map<PermissionScope, String> why = sortedMap();
            why.putAll(Lists.copy(reasons, "permission reasons"));
            for (Map.Entry<PermissionScope, String> e : why.entrySet()) {
                if (!sorted.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(
                            "permission reason for "
                                    + e.getKey().key()
                                    + ", which is not granted; grant it with with(scope, level, reason)");
                }
                requireReason(e.getKey(), e.getValue());
            }
            reasons = Collections.unmodifiableMap(why);
        }

        /** Grants without reasons. */
        public Scoped(Map<PermissionScope, PermissionLevel> grants) {
            this(grants, Map.of());
        }

        /**
         * A copy with one more grant (replacing that scope's level and dropping its reason, which
         * was for the old level).
         */
        public Scoped with(PermissionScope scope, PermissionLevel level) {
            Map<PermissionScope, PermissionLevel> m = sortedMap();
            m.putAll(grants);
            m.put(scope, level);
            Map<PermissionScope, String> why = sortedMap();
            why.putAll(reasons);
            why.remove(scope);
            return new Scoped(m, why);
        }

        /**
         * A copy with one more grant and what needs it, e.g. {@code with(PACKAGES, WRITE, "step
         * push uploads the image to GHCR")}; the reason is one line, written after the grant as
         * {@code packages: write # ...}.
         */
        public Scoped with(PermissionScope scope, PermissionLevel level, String reason) {
            Scoped granted = with(scope, level);
            Map<PermissionScope, String> why = sortedMap();
            why.putAll(granted.reasons);
            why.put(scope, reason);
            return new Scoped(granted.grants, why);
        }

        /** What needs the grant of {@code scope}, when the pipeline said. */
        public Optional<String> reason(PermissionScope scope) {
            return Optional.ofNullable(reasons.get(scope));
        }

        private static <V> Map<PermissionScope, V> sortedMap() {
            return new TreeMap<>(Comparator.comparing(PermissionScope::key));
        }

        // The reason becomes a YAML comment: a line break would end it and turn the rest into YAML.
        private static void requireReason(PermissionScope scope, String reason) {
            if (reason == null
                    || reason.isBlank()
                    || reason.codePoints()
                            .anyMatch(
                                    cp ->
                                            Character.isISOControl(cp) && cp != '\t'
                                                    || cp == 0x85
                                                    || cp == 0x2028
                                                    || cp == 0x2029
                                                    || cp == 0xFEFF)) {
                throw new IllegalArgumentException(
                        "permission reason for "
                                + scope.key()
                                + " must be one non-blank line of printable text, got "
                                + (reason == null
                                        ? "null"
                                        : "\""
                                                + reason.replace("\n", "\\n").replace("\r", "\\r")
                                                + "\""));
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    static Permissions readAll() {
        return new ReadAll();
    }

    static Permissions writeAll() {
        return new WriteAll();
    }

    /** {@code permissions: {}}: the token can do nothing. */
    static Scoped none() {
        return new Scoped(Map.of());
    }

    static Scoped of(PermissionScope scope, PermissionLevel level) {
        return none().with(scope, level);
    }

    /**
     * One grant and what needs it (see {@link Scoped#with(PermissionScope, PermissionLevel,
     * String)}).
     */
    static Scoped of(PermissionScope scope, PermissionLevel level, String reason) {
        return none().with(scope, level, reason);
    }

    static Scoped of(
            PermissionScope s1, PermissionLevel l1, PermissionScope s2, PermissionLevel l2) {
        return of(s1, l1).with(s2, l2);
    }

    static Scoped of(
            PermissionScope s1,
            PermissionLevel l1,
            PermissionScope s2,
            PermissionLevel l2,
            PermissionScope s3,
            PermissionLevel l3) {
        return of(s1, l1, s2, l2).with(s3, l3);
    }

    /** {@code contents: read}, the usual grant of a job that only checks out code. */
    static Scoped contentsRead() {
        return of(PermissionScope.CONTENTS, PermissionLevel.READ);
    }
}
