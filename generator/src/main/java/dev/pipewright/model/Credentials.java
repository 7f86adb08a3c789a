package dev.pipewright.model;

import java.util.Objects;

/** Registry credentials of a container or service; pass secrets as expressions, never literals. */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
    }
}
