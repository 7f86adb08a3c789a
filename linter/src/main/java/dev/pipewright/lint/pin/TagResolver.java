package dev.pipewright.lint.pin;

/**
 * Resolves a release tag of a GitHub repository to the commit it points at (annotated tags peeled).
 */
public interface TagResolver {

    /** The 40-hex commit SHA of {@code tag} in {@code owner/repo}. */
    String resolve(String repository, String tag) throws ResolveException;

    /**
     * Why a tag could not be resolved; {@link #notFound()} separates a wrong tag from a failure to
     * ask.
     */
    final class ResolveException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean notFound;

        public ResolveException(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }

        public ResolveException(String message, Throwable cause) {
            super(message, cause);
            this.notFound = false;
        }

        public boolean notFound() {
            return notFound;
        }
    }
}
