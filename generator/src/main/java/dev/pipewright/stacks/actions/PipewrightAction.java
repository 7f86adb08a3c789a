package dev.pipewright.stacks.actions;

import dev.pipewright.bindings.ActionBinding;
import dev.pipewright.model.ActionRef;
import java.util.List;
import java.util.Objects;

/**
 * The base of the bindings of Pipewright's own actions. A step runs the action from the target
 * repository as {@code uses: ./.github/actions/pipewright-<id>}: the pipeline writes that local
 * action's {@code action.yml} (the same metadata as {@code actions/<id>/action.yml}, from the same
 * descriptor) next to the workflows, so nothing needs a release tag or a commit SHA of Pipewright,
 * and the job must check the repository out before the step.
 */
public abstract class PipewrightAction<B extends PipewrightAction<B>> extends ActionBinding<B> {
    /** Where local actions live in a repository, as {@code uses:} paths start. */
    public static final String LOCAL_ROOT = "./.github/actions/";
    /** Directory-name prefix of every local Pipewright action. */
    public static final String PREFIX = "pipewright-";

    private final String directory;

    /**
     * @param actionId the action's id ({@code coverage-gate})
     * @param imageVersion the image tag its metadata points at
     * @param declared every input in declaration order
     */
    protected PipewrightAction(String actionId, String imageVersion, List<String> declared) {
        super(LOCAL_ROOT + PREFIX + Objects.requireNonNull(actionId, "actionId == null"), imageVersion, declared);
        this.directory = PREFIX + actionId;
    }

    /** The local action's directory name, {@code pipewright-<id>}. */
    public final String directory() {
        return directory;
    }

    /** {@code ./.github/actions/pipewright-<id>}: a local path, never pinned. */
    @Override
    public ActionRef actionRef() {
        return ActionRef.parse(LOCAL_ROOT + directory);
    }

    /** Local actions have no release tag: the version is the image tag in their metadata. */
    @Override
    public B customVersion(String tag) {
        throw new UnsupportedOperationException(directory + " is a local action; regenerate its binding for another image");
    }

    /** Several values of a multi-line input, one per line. */
    protected final B lines(String key, List<String> values) {
        return input(key, String.join("\n", values) + "\n");
    }
}
