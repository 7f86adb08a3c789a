package dev.pipewright.examples;

import dev.pipewright.model.ActionRef;

/**
 * Commit SHAs of the third-party actions the bundled pipelines use, each with the release tag it
 * was resolved from (taken from the tags' published commits).
 */
public final class Pins {
    public static final ActionRef CHECKOUT =
            ActionRef.pinned("actions/checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1");
    public static final ActionRef SETUP_JAVA =
            ActionRef.pinned("actions/setup-java", "b6effb05e454b25005698d916606bdc6ffcbf961", "v5.7.0");
    public static final ActionRef SETUP_NODE =
            ActionRef.pinned("actions/setup-node", "820762786026740c76f36085b0efc47a31fe5020", "v7.0.0");
    public static final ActionRef UPLOAD_ARTIFACT =
            ActionRef.pinned("actions/upload-artifact", "043fb46d1a93c77aae656e7c1c64a875d1fc6a0a", "v7.0.1");

    private Pins() {}
}
