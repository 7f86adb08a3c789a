package dev.pipewright.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The runner's variables ({@code GITHUB_*}, {@code RUNNER_*}) and the event payload, read once. */
public final class ActionEnvironment {
    private final Map<String, String> vars;
    private final Path cwd;
    private JsonNode event;

    public ActionEnvironment(Map<String, String> vars, Path cwd) {
        this.vars = Map.copyOf(vars);
        this.cwd = cwd;
    }

    public Map<String, String> vars() {
        return vars;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(vars.get(name)).filter(s -> !s.isEmpty());
    }

    /** True inside a workflow step; then workflow commands go to stdout and outputs to files. */
    public boolean onRunner() {
        return "true".equals(vars.get("GITHUB_ACTIONS")) || get("GITHUB_OUTPUT").isPresent();
    }

    /**
     * {@code $GITHUB_WORKSPACE} (confined), else the working directory (unconfined: a local CLI
     * run).
     */
    public Workspace workspace() {
        return get("GITHUB_WORKSPACE")
                .map(w -> new Workspace(cwd.resolve(w), true))
                .orElseGet(() -> new Workspace(cwd, false));
    }

    public Optional<Path> file(String variable) {
        return get(variable).map(cwd::resolve);
    }

    public Optional<String> repository() {
        return get("GITHUB_REPOSITORY");
    }

    public Optional<String> sha() {
        return get("GITHUB_SHA");
    }

    public Optional<String> ref() {
        return get("GITHUB_REF");
    }

    public Optional<String> eventName() {
        return get("GITHUB_EVENT_NAME");
    }

    public String apiUrl() {
        return get("GITHUB_API_URL").orElse("https://api.github.com");
    }

    /**
     * The webhook payload from {@code $GITHUB_EVENT_PATH}, or a missing node outside a workflow.
     */
    public JsonNode event() {
        if (event == null) {
            Optional<Path> path = file("GITHUB_EVENT_PATH");
            if (path.isEmpty() || !Files.exists(path.get())) {
                event = MissingNode.getInstance();
            } else {
                try {
                    event = new ObjectMapper().readTree(path.get().toFile());
                } catch (IOException e) {
                    throw new InputException(
                            "GITHUB_EVENT_PATH "
                                    + path.get()
                                    + ": not a JSON event payload: "
                                    + getOriginalMessageOf(e));
                }
            }
        }
        return event;
    }

    /** The pull-request number for pull_request* events, from the payload. */
    public Optional<Integer> pullRequestNumber() {
        JsonNode pr = event().path("pull_request").path("number");
        return pr.isInt() ? Optional.of(pr.intValue()) : Optional.empty();
    }

    private static String getOriginalMessageOf(IOException e) {
        return e.getMessage();
    }
}
