package dev.pipewright.lint;

/** How bad a finding is; errors break the workflow on GitHub, warnings are likely mistakes. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case name used in JSON and SARIF ({@code error}, {@code warning}, {@code note}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
