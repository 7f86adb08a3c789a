package dev.pipewright.stacks.actions;

import dev.pipewright.bindings.ActionBinding;
import dev.pipewright.bindings.OwnActionUses;
import dev.pipewright.model.ActionRef;
import java.util.List;
import java.util.Objects;

/**
 * The base of the bindings of Pipewright's own actions. What a step {@code uses:} comes from {@link
 * OwnActionUses}: the published {@code <owner>/pipewright/actions/<id>@<commit> # vX.Y.Z} once the
 * release record names a release, otherwise (or after {@link #vendored()}) the local copy {@code
 * ./.github/actions/pipewright-<id>}, whose {@code action.yml} (the same metadata as {@code
 * actions/<id>/action.yml}, from the same descriptor) the pipeline writes next to the workflows; a
 * job must check the repository out before a vendored step.
 */
public abstract class PipewrightAction<B extends PipewrightAction<B>> extends ActionBinding<B> {
    /** Where local actions live in a repository, as {@code uses:} paths start. */
    public static final String LOCAL_ROOT = OwnActionUses.VENDORED_ROOT;

    /** Directory-name prefix of every local Pipewright action. */
    public static final String PREFIX = OwnActionUses.VENDORED_PREFIX;

    private final String actionId;
    private final String directory;
    private ActionRef ref;

    /**
     * @param actionId the action's id ({@code coverage-gate})
     * @param imageVersion the image tag its metadata points at
     * @param declared every input in declaration order
     */
    protected PipewrightAction(String actionId, String imageVersion, List<String> declared) {
        super(
                LOCAL_ROOT + PREFIX + Objects.requireNonNull(actionId, "actionId == null"),
                imageVersion,
                declared);
        this.actionId = actionId;
        this.directory = PREFIX + actionId;
        this.ref = OwnActionUses.bundled().ref(actionId);
    }

    /** The local action's directory name, {@code pipewright-<id>}. */
    public final String directory() {
        return directory;
    }

    /**
     * The published form of the bundled release record, or the vendored local path; see {@link
     * OwnActionUses}.
     */
    @Override
    public ActionRef actionRef() {
        return ref;
    }

    /**
     * Runs the local copy {@code ./.github/actions/pipewright-<id>}, which the pipeline writes,
     * even after a release.
     */
    public final B vendored() {
        ref = OwnActionUses.vendored(actionId);
        return self();
    }

    /**
     * Runs the action as {@code record} says (a release other than the bundled record's, or none).
     */
    public final B uses(OwnActionUses record) {
        ref = record.ref(actionId);
        return self();
    }

    /**
     * The release comes from the record of our own actions, with its commit: {@link
     * #uses(OwnActionUses)}.
     */
    @Override
    public B customVersion(String tag) {
        throw new UnsupportedOperationException(
                directory
                        + ": our actions take their release and commit together; use "
                        + "uses(OwnActionUses.released(repository, tag, commit))");
    }

    /** Several values of a multi-line input, one per line. */
    protected final B lines(String key, List<String> values) {
        return input(key, String.join("\n", values) + "\n");
    }
}
