package dev.pipewright.model;

import dev.pipewright.model.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The keys both kinds of job have, shared by their builders. */
public abstract class JobBuilder<B extends JobBuilder<B>> {
    final String id;
    String name;
    final List<String> needs = new ArrayList<>();
    String condition;
    Permissions permissions;
    Concurrency concurrency;
    Strategy strategy;
    final Map<String, Object> custom = new LinkedHashMap<>();

    JobBuilder(String id) {
        this.id = Objects.requireNonNull(id, "job id == null");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B name(String value) {
        name = value;
        return self();
    }

    /** Depends on these jobs; referencing the objects keeps ids consistent. */
    public B needs(Job... jobs) {
        for (Job j : jobs) {
            needs.add(j.id());
        }
        return self();
    }

    public B needs(String... ids) {
        needs.addAll(List.of(ids));
        return self();
    }

    public B ifCondition(String value) {
        condition = value;
        return self();
    }

    public B ifCondition(Expr value) {
        condition = value.render();
        return self();
    }

    public B permissions(Permissions value) {
        permissions = value;
        return self();
    }

    public B concurrency(Concurrency value) {
        concurrency = value;
        return self();
    }

    public B strategy(Strategy value) {
        strategy = value;
        return self();
    }

    public B matrix(Matrix value) {
        strategy = Strategy.of(value);
        return self();
    }

    /** A key this version does not model, written after the known ones. */
    public B custom(String key, Object value) {
        custom.put(key, value);
        return self();
    }
}
