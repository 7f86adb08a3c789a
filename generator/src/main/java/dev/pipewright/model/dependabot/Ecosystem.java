package dev.pipewright.model.dependabot;

import java.util.List;
import java.util.Objects;

/**
 * A {@code package-ecosystem} value. Known values follow GitHub's dependabot.yml schema; {@link
 * #custom} admits ecosystems GitHub adds later (or beta ones, with {@code enable-beta-ecosystems}).
 */
public record Ecosystem(String value) {
    public static final Ecosystem BUN = new Ecosystem("bun");
    public static final Ecosystem BUNDLER = new Ecosystem("bundler");
    public static final Ecosystem CARGO = new Ecosystem("cargo");
    public static final Ecosystem COMPOSER = new Ecosystem("composer");
    public static final Ecosystem DEVCONTAINERS = new Ecosystem("devcontainers");
    public static final Ecosystem DOCKER = new Ecosystem("docker");
    public static final Ecosystem DOCKER_COMPOSE = new Ecosystem("docker-compose");
    public static final Ecosystem DOTNET_SDK = new Ecosystem("dotnet-sdk");
    public static final Ecosystem ELM = new Ecosystem("elm");
    public static final Ecosystem GITSUBMODULE = new Ecosystem("gitsubmodule");
    public static final Ecosystem GITHUB_ACTIONS = new Ecosystem("github-actions");
    public static final Ecosystem GOMOD = new Ecosystem("gomod");
    public static final Ecosystem GRADLE = new Ecosystem("gradle");
    public static final Ecosystem HELM = new Ecosystem("helm");
    public static final Ecosystem MAVEN = new Ecosystem("maven");
    public static final Ecosystem MIX = new Ecosystem("mix");
    public static final Ecosystem NPM = new Ecosystem("npm");
    public static final Ecosystem NUGET = new Ecosystem("nuget");
    public static final Ecosystem PIP = new Ecosystem("pip");
    public static final Ecosystem PUB = new Ecosystem("pub");
    public static final Ecosystem SWIFT = new Ecosystem("swift");
    public static final Ecosystem TERRAFORM = new Ecosystem("terraform");
    public static final Ecosystem UV = new Ecosystem("uv");

    /** Every ecosystem GitHub's schema lists, sorted by value. */
    public static final List<Ecosystem> KNOWN =
            List.of(
                    BUN,
                    BUNDLER,
                    CARGO,
                    COMPOSER,
                    DEVCONTAINERS,
                    DOCKER,
                    DOCKER_COMPOSE,
                    DOTNET_SDK,
                    ELM,
                    GITSUBMODULE,
                    GITHUB_ACTIONS,
                    GOMOD,
                    GRADLE,
                    HELM,
                    MAVEN,
                    MIX,
                    NPM,
                    NUGET,
                    PIP,
                    PUB,
                    SWIFT,
                    TERRAFORM,
                    UV);

    public Ecosystem {
        Objects.requireNonNull(value, "package-ecosystem == null");
    }

    /**
     * An ecosystem by name: the known constant when there is one, else a custom value written as
     * given.
     */
    public static Ecosystem custom(String value) {
        return KNOWN.stream()
                .filter(e -> e.value.equals(value))
                .findFirst()
                .orElse(new Ecosystem(value));
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
