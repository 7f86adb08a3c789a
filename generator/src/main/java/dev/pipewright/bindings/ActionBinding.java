package dev.pipewright.bindings;

import dev.pipewright.model.ActionRef;
import dev.pipewright.model.Step;
import dev.pipewright.model.StepBuilder;
import dev.pipewright.model.UsesStep;
import dev.pipewright.model.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every generated binding: the action's inputs as typed setters, the common step keys,
 * and {@link #build()} returning a {@link UsesStep} on {@code owner/repo@tag} (pinned to its commit
 * when the workflow is rendered).
 *
 * <p>{@code with} lists inputs in the order their setters were called; a required input, given to
 * {@code builder(...)}, goes where the action declares it relative to the others, so adding a
 * builder argument does not reorder a workflow.
 */
public abstract class ActionBinding<B extends ActionBinding<B>> extends StepBuilder<B> {
    private final String action;
    private final List<String> declared;
    private String version;
    private final Map<String, Object> required = new LinkedHashMap<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();

    /**
     * {@code declared} lists every input of the action in the order its action.yml declares them.
     */
    protected ActionBinding(String action, String version, List<String> declared) {
        this.action = Objects.requireNonNull(action, "action == null");
        this.version = Objects.requireNonNull(version, "version == null");
        this.declared = List.copyOf(declared);
    }

    /** Sets a required input; called by the generated {@code builder(...)}. */
    protected final void required(String key, String value) {
        required.put(
                key,
                Objects.requireNonNull(
                        value, () -> key + " == null (it is a required input of " + action + ")"));
    }

    protected final B input(String key, String value) {
        inputs.put(key, Objects.requireNonNull(value, () -> key + " == null"));
        return self();
    }

    protected final B input(String key, boolean value) {
        inputs.put(key, value);
        return self();
    }

    protected final B input(String key, long value) {
        inputs.put(key, value);
        return self();
    }

    protected final B input(String key, Expr value) {
        inputs.put(key, value.wrapped());
        return self();
    }

    /** An input this binding does not know (e.g. added in a later release of the action). */
    public B customInput(String key, String value) {
        return input(key, value);
    }

    public B customInput(String key, boolean value) {
        return input(key, value);
    }

    public B customInput(String key, long value) {
        return input(key, value);
    }

    public B customInput(String key, Expr value) {
        return input(key, value);
    }

    /** Another release tag than the one the binding was generated for; the lock must have it. */
    public B customVersion(String tag) {
        if (tag == null || tag.isBlank() || tag.contains("@") || tag.contains(" ")) {
            throw new IllegalArgumentException("'" + tag + "' is not a release tag");
        }
        version = tag;
        return self();
    }

    /** {@code owner/repo[/path]@tag}, unpinned. */
    public ActionRef actionRef() {
        return ActionRef.parse(action + "@" + version);
    }

    public UsesStep build() {
        UsesStep.Builder b = Step.uses(actionRef());
        // the common keys (id, name, if, env, continue-on-error, timeout, background, custom) set
        // through StepBuilder
        copyCommonKeysTo(b);
        for (Map.Entry<String, Object> e : withOrder()) {
            Object v = e.getValue();
            if (v instanceof Boolean flag) {
                b.with(e.getKey(), flag);
            } else if (v instanceof Long n) {
                b.with(e.getKey(), n);
            } else {
                b.with(e.getKey(), (String) v);
            }
        }
        return b.build();
    }

    private List<Map.Entry<String, Object>> withOrder() {
        List<Map.Entry<String, Object>> out = new ArrayList<>(inputs.entrySet());
        for (Map.Entry<String, Object> r : required.entrySet()) {
            if (inputs.containsKey(r.getKey())) {
                continue;
            }
            int rank = rank(r.getKey());
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (rank(out.get(i).getKey()) > rank) {
                    at = i;
                    break;
                }
            }
            out.add(at, r);
        }
        return out;
    }

    private int rank(String key) {
        int i = declared.indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
