package dev.pipewright.action.sbom;

/** The package ecosystems the catalogers know, with the label shown in summaries. */
public enum Ecosystem {
    GO("Go"),
    NPM("npm"),
    PYTHON("Python"),
    RUST("Rust"),
    JAVA("Java"),
    RUBY("Ruby"),
    PHP("PHP"),
    DOTNET(".NET"),
    SWIFT("Swift"),
    DART("Dart"),
    GITHUB_ACTIONS("GitHub Actions");

    private final String label;

    Ecosystem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
