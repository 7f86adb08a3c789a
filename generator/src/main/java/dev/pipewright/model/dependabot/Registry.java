package dev.pipewright.model.dependabot;

import dev.pipewright.model.util.Lists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry under the top-level {@code registries}: a private registry and the Dependabot secrets
 * that unlock it. Credentials are references such as {@code ${{secrets.NPM_TOKEN}}}, never values.
 */
public record Registry(
        Type type,
        String url,
        String username,
        String password,
        String key,
        String token,
        Boolean replacesBase,
        Map<String, Object> custom) {

    /**
     * A registry {@code type}: the known ones from GitHub's schema, or {@link #custom} for newer
     * ones.
     */
    public record Type(String value) {
        public static final Type CARGO_REGISTRY = new Type("cargo-registry");
        public static final Type COMPOSER_REPOSITORY = new Type("composer-repository");
        public static final Type DOCKER_REGISTRY = new Type("docker-registry");
        public static final Type GIT = new Type("git");
        public static final Type HEX_ORGANIZATION = new Type("hex-organization");
        public static final Type HEX_REPOSITORY = new Type("hex-repository");
        public static final Type MAVEN_REPOSITORY = new Type("maven-repository");
        public static final Type NPM_REGISTRY = new Type("npm-registry");
        public static final Type NUGET_FEED = new Type("nuget-feed");
        public static final Type PUB_REPOSITORY = new Type("pub-repository");
        public static final Type PYTHON_INDEX = new Type("python-index");
        public static final Type RUBYGEMS_SERVER = new Type("rubygems-server");
        public static final Type TERRAFORM_REGISTRY = new Type("terraform-registry");

        /** Every type GitHub's schema lists, sorted by value. */
        public static final List<Type> KNOWN =
                List.of(
                        CARGO_REGISTRY,
                        COMPOSER_REPOSITORY,
                        DOCKER_REGISTRY,
                        GIT,
                        HEX_ORGANIZATION,
                        HEX_REPOSITORY,
                        MAVEN_REPOSITORY,
                        NPM_REGISTRY,
                        NUGET_FEED,
                        PUB_REPOSITORY,
                        PYTHON_INDEX,
                        RUBYGEMS_SERVER,
                        TERRAFORM_REGISTRY);

        public Type {
            Objects.requireNonNull(value, "registry type == null");
        }

        public static Type custom(String value) {
            return KNOWN.stream()
                    .filter(t -> t.value.equals(value))
                    .findFirst()
                    .orElse(new Type(value));
        }
    }

    public Registry {
        Objects.requireNonNull(type, "registry type == null");
        Objects.requireNonNull(url, "registry url == null");
        custom = Lists.copy(custom, "registry custom keys");
    }

    public static Builder builder(Type type, String url) {
        return new Builder(type, url);
    }

    /** Builds a {@link Registry}. */
    public static final class Builder {
        private final Type type;
        private final String url;
        private String username;
        private String password;
        private String key;
        private String token;
        private Boolean replacesBase;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder(Type type, String url) {
            this.type = type;
            this.url = url;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        /** A secret reference, e.g. {@code ${{secrets.MAVEN_PASSWORD}}}. */
        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder key(String value) {
            key = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        /** For {@code python-index}: resolve from this URL instead of PyPI. */
        public Builder replacesBase(boolean value) {
            replacesBase = value;
            return this;
        }

        /**
         * A key this version does not model (e.g. {@code organization}, {@code auth-key}), written
         * after the known ones.
         */
        public Builder custom(String name, Object value) {
            custom.put(name, value);
            return this;
        }

        public Registry build() {
            return new Registry(type, url, username, password, key, token, replacesBase, custom);
        }
    }
}
