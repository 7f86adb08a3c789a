package dev.pipewright.model;

import dev.pipewright.model.util.Lists;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job container or a service container. {@code entrypoint} and {@code command} are only allowed
 * on services.
 */
public record Container(
        String image,
        Credentials credentials,
        Map<String, String> env,
        List<String> ports,
        List<String> volumes,
        String options,
        String entrypoint,
        String command) {

    public Container {
        Objects.requireNonNull(image, "image == null");
        env = Lists.copy(env, "container.env");
        ports = Lists.copy(ports, "container.ports");
        volumes = Lists.copy(volumes, "container.volumes");
    }

    public static Container of(String image) {
        return new Container(image, null, Map.of(), List.of(), List.of(), null, null, null);
    }

    public Container withEnv(Map<String, String> value) {
        return new Container(
                image, credentials, value, ports, volumes, options, entrypoint, command);
    }

    public Container withPorts(String... value) {
        return new Container(
                image, credentials, env, List.of(value), volumes, options, entrypoint, command);
    }

    public Container withVolumes(String... value) {
        return new Container(
                image, credentials, env, ports, List.of(value), options, entrypoint, command);
    }

    public Container withOptions(String value) {
        return new Container(image, credentials, env, ports, volumes, value, entrypoint, command);
    }

    public Container withCredentials(Credentials value) {
        return new Container(image, value, env, ports, volumes, options, entrypoint, command);
    }

    public Container withCommand(String entrypointValue, String commandValue) {
        return new Container(
                image, credentials, env, ports, volumes, options, entrypointValue, commandValue);
    }
}
