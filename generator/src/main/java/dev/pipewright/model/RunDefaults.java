package dev.pipewright.model;

/** {@code defaults: run:} shell and working directory for run steps. */
public record RunDefaults(String shell, String workingDirectory) {
    public RunDefaults {
        if (shell == null && workingDirectory == null) {
            throw new IllegalArgumentException(
                    "defaults.run sets neither shell nor working-directory");
        }
    }

    public static RunDefaults shell(String shell) {
        return new RunDefaults(shell, null);
    }

    public static RunDefaults workingDirectory(String dir) {
        return new RunDefaults(null, dir);
    }
}
