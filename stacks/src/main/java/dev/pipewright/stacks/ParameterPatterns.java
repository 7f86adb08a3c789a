package dev.pipewright.stacks;

/**
 * The shapes parameter values take. Each excludes blanks and shell metacharacters, since stacks put
 * values into {@code run:} scripts, file names and action inputs; a value outside its shape is
 * refused where it is written. The one exception, a {@link #VARIABLE} in {@link #IMAGE}, {@link
 * #HOST} and {@link #URL}, is expanded by GitHub, not a shell: stacks pass those values through
 * {@code env:} or {@code with:} only.
 */
public final class ParameterPatterns {
    private ParameterPatterns() {}

    /**
     * A repository or organisation variable, {@code ${{ vars.NAME }}}: the way to name what differs
     * per repository (registry, owner, host) in a committed spec. It is GitHub that expands it, and
     * only in {@code with:}, {@code env:} and {@code environment.url}; values that may hold one
     * must never be written into a {@code run:} script.
     */
    public static final String VARIABLE = "\\$\\{\\{ vars\\.[A-Za-z_][A-Za-z0-9_]* \\}\\}";

    private static final String IMAGE_PART = "(" + VARIABLE + "|[a-z0-9]([a-z0-9._-]*[a-z0-9])?)";

    /**
     * An image repository: [registry[:port]/]path, lower case, without tag or digest; any part may
     * be a {@link #VARIABLE} ({@code ghcr.io/${{ vars.GHCR_OWNER }}/app}, or {@code ${{ vars.IMAGE
     * }}} alone).
     */
    public static final String IMAGE =
            VARIABLE
                    + "(/"
                    + IMAGE_PART
                    + ")*|[a-z0-9]([a-z0-9._-]*[a-z0-9])?(:[0-9]+)?(/"
                    + IMAGE_PART
                    + ")+";

    /** A registry host name, optionally with a port, or a {@link #VARIABLE} holding one. */
    public static final String HOST = VARIABLE + "|[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?";

    /**
     * An http(s) URL without blanks, quotes or shell metacharacters, or a {@link #VARIABLE} holding
     * the scheme and host followed by the path ({@code ${{ vars.STAGING_URL }}/healthz}).
     */
    public static final String URL =
            "(https?://[A-Za-z0-9.-]+(:[0-9]+)?|" + VARIABLE + ")(/[A-Za-z0-9._~%/?=&+-]*)?";

    /** A duration as the health gate reads it: 90s, 5m, 1h, 500ms. */
    public static final String DURATION = "[0-9]+(ms|s|m|h)";

    /** A file name: letters, digits, '.', '_' and '-'. */
    public static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    /**
     * A relative path of file names inside the repository: no '.' or '..' part (which could leave
     * it), and no part starting with '-' (which a command would take for an option).
     */
    public static final String PATH =
            "(?!\\.\\.?(/|$))[A-Za-z0-9._][A-Za-z0-9._-]*(/(?!\\.\\.?(/|$))[A-Za-z0-9._][A-Za-z0-9._-]*)*";

    /** A relative path glob ('*' and '**' allowed), inside the repository as {@link #PATH}. */
    public static final String GLOB =
            "(?!\\.\\.?(/|$))[A-Za-z0-9._*][A-Za-z0-9._*-]*(/(?!\\.\\.?(/|$))[A-Za-z0-9._*][A-Za-z0-9._*-]*)*";

    /** A version such as 1.18.3 or 3.11. */
    public static final String VERSION = "[0-9]+(\\.[0-9]+){1,2}([-+][A-Za-z0-9.]+)?";

    /** A lower-case name (services, mounts, environments). */
    public static final String NAME = "[a-z0-9]([a-z0-9_-]*[a-z0-9])?";

    /** An environment-variable prefix in upper case. */
    public static final String ENV_PREFIX = "[A-Z][A-Z0-9_]*";

    /** Space-separated Python package names. */
    public static final String PACKAGES = "[A-Za-z_][A-Za-z0-9_.]*( [A-Za-z_][A-Za-z0-9_.]*)*";

    /** A five-field cron expression (digits, '*', ',', '-', '/'). */
    public static final String CRON = "[0-9*,/-]+( [0-9*,/-]+){4}";

    /** A percentage as a whole number. */
    public static final String PERCENT = "[0-9]{1,2}|100";
}
