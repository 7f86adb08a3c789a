package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code GITHUB_TOKEN} grants of a workflow or job: {@code read-all}, {@code write-all}, or
 * per scope ({@code {}} when no scope is granted, the least-privilege default).
 */
public sealed interface Permissions permits Permissions.ReadAll, Permissions.WriteAll, Permissions.Scoped {

    /** Calls the visitor's method for this form of grant. */
    <R> R accept(Visitor<R> visitor);

    /** One method per form, so a new form does not compile until the emitter and the validators handle it. */
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

    /** Per-scope grants, emitted sorted by scope name; empty means {@code permissions: {}}. */
    record Scoped(Map<PermissionScope, PermissionLevel> grants) implements Permissions {
        public Scoped {
            Map<PermissionScope, PermissionLevel> sorted = new TreeMap<>(
                    Comparator.comparing(PermissionScope::key));
            sorted.putAll(Lists.copy(grants, "permissions"));
            grants = Collections.unmodifiableMap(sorted);
        }

        /** A copy with one more grant (replacing that scope's level). */
        public Scoped with(PermissionScope scope, PermissionLevel level) {
            Map<PermissionScope, PermissionLevel> m = new TreeMap<>(Comparator.comparing(PermissionScope::key));
            m.putAll(grants);
            m.put(scope, level);
            return new Scoped(m);
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

    static Scoped of(PermissionScope s1, PermissionLevel l1, PermissionScope s2, PermissionLevel l2) {
        return of(s1, l1).with(s2, l2);
    }

    static Scoped of(PermissionScope s1, PermissionLevel l1, PermissionScope s2, PermissionLevel l2,
            PermissionScope s3, PermissionLevel l3) {
        return of(s1, l1, s2, l2).with(s3, l3);
    }

    /** {@code contents: read}, the usual grant of a job that only checks out code. */
    static Scoped contentsRead() {
        return of(PermissionScope.CONTENTS, PermissionLevel.READ);
    }
}
