package dev.pipewright.stacks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs one job of a generated workflow the way a runner would, in a copy of a fixture repository:
 * {@code run:} steps through their shell with GitHub's default variables and file commands, our own
 * actions through their real entrypoint (a JVM on {@code dev.pipewright.action.Entrypoint} with
 * {@code INPUT_*}), checkout/setup/artifact actions by small stand-ins, other third-party actions
 * skipped with a reason, and remote tools by {@link StandIns}.
 */
@SuppressWarnings("unchecked")
final class JobHarness {
    /** What happened to one step. */
    record StepRun(String id, String name, String outcome, String log) {}

    /**
     * What happened to the job; {@code rejected} is set when the harness refused to run it (and
     * why).
     */
    record JobRun(
            String job,
            List<StepRun> steps,
            List<StandIns.Call> calls,
            Map<String, String> outputs,
            Path workspace,
            String rejected) {
        boolean succeeded() {
            return rejected == null && steps.stream().noneMatch(s -> s.outcome().equals("failure"));
        }

        StepRun step(String id) {
            return steps.stream()
                    .filter(s -> id.equals(s.id()))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new AssertionError(
                                            "no step '"
                                                    + id
                                                    + "' ran in job "
                                                    + job
                                                    + ": "
                                                    + steps));
        }

        List<StandIns.Call> calls(String tool) {
            return calls.stream().filter(c -> c.tool().equals(tool)).toList();
        }

        /** A readable transcript for assertion messages. */
        String transcript() {
            StringBuilder b =
                    new StringBuilder(
                            "job "
                                    + job
                                    + (rejected != null ? " rejected: " + rejected : "")
                                    + "\n");
            for (StepRun s : steps) {
                b.append("--- ")
                        .append(s.id())
                        .append(" (")
                        .append(s.name())
                        .append("): ")
                        .append(s.outcome())
                        .append('\n')
                        .append(s.log());
            }
            calls.forEach(
                    c ->
                            b.append("call: ")
                                    .append(c.tool())
                                    .append(' ')
                                    .append(c.argLine())
                                    .append(' ')
                                    .append(c.env())
                                    .append('\n'));
            return b.toString();
        }
    }

    private final Path repoRoot;
    private final String system;
    private final Path runDir;
    private final Path artifacts;

    /**
     * @param system {@code generated-workflows/<system>}
     * @param runDir a temporary directory for this test: workspaces, runner temp, artifacts shared
     *     between its jobs
     */
    JobHarness(Path repoRoot, String system, Path runDir) {
        this.repoRoot = repoRoot;
        this.system = system;
        this.runDir = runDir;
        this.artifacts = runDir.resolve("artifacts");
    }

    /** The inputs of one job run: fixture, contexts and stand-in behaviours. */
    static final class Run {
        final String workflow;
        final String job;
        Path fixture;
        final Map<String, Object> github = new LinkedHashMap<>();
        final Map<String, Object> secrets = new LinkedHashMap<>();
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> inputs = new LinkedHashMap<>();
        final Map<String, Object> needs = new LinkedHashMap<>();
        final Map<String, String> behaviours = new LinkedHashMap<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, Object> matrix = new LinkedHashMap<>();
        String stopAfter;

        Run(String workflow, String job) {
            this.workflow = workflow;
            this.job = job;
        }

        Run fixture(Path p) {
            fixture = p;
            return this;
        }

        Run secret(String k, String v) {
            secrets.put(k, v);
            return this;
        }

        Run var(String k, String v) {
            vars.put(k, v);
            return this;
        }

        Run input(String k, String v) {
            inputs.put(k, v);
            return this;
        }

        Run github(String k, Object v) {
            github.put(k, v);
            return this;
        }

        Run need(String job, Map<String, String> outputs, String result) {
            needs.put(job, Map.of("outputs", outputs, "result", result));
            return this;
        }

        /**
         * Bash run by the stand-in for {@code tool} after recording the call ({@code "$@"} are its
         * arguments).
         */
        Run behaviour(String tool, String bash) {
            behaviours.put(tool, bash);
            return this;
        }

        /** One value of the job's matrix (the harness runs one combination per run). */
        Run matrix(String k, String v) {
            matrix.put(k, v);
            return this;
        }

        /**
         * Ends the job after this step (later steps reach services no stand-in answers, e.g. the
         * GitHub API).
         */
        Run stopAfter(String stepId) {
            stopAfter = stepId;
            return this;
        }

        /** A variable the runner's machine has (e.g. a directory it shares with the server). */
        Run env(String k, String v) {
            env.put(k, v);
            return this;
        }
    }

    /** The job's definition as committed under generated-workflows/. */
    Map<String, Object> jobDefinition(String workflow, String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow(workflow).get("jobs");
        Object j = jobs.get(job);
        if (j == null) {
            throw new AssertionError(
                    "no job '"
                            + job
                            + "' in "
                            + system
                            + "/"
                            + workflow
                            + " (jobs: "
                            + jobs.keySet()
                            + ")");
        }
        return (Map<String, Object>) j;
    }

    Map<String, Object> workflow(String file) {
        try {
            return new Yaml()
                    .load(
                            Files.readString(
                                    repoRoot.resolve("generated-workflows")
                                            .resolve(system)
                                            .resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JobRun run(Run r) throws IOException, InterruptedException {
        Map<String, Object> wf = workflow(r.workflow);
        Map<String, Object> job = jobDefinition(r.workflow, r.job);
        Path jobDir = Files.createTempDirectory(runDir, r.job + "-");
        Path workspace = jobDir.resolve("workspace");
        Path temp = Files.createDirectories(jobDir.resolve("runner-temp"));
        String sha = Fixtures.checkout(r.fixture, workspace);
        StandIns standIns = new StandIns(jobDir.resolve("stand-ins"), r.behaviours);
        Files.createDirectories(artifacts);

        Map<String, Object> github = new LinkedHashMap<>();
        github.put("sha", sha);
        github.put("ref", "refs/heads/main");
        github.put("ref_name", "main");
        github.put("ref_protected", true);
        github.put("ref_type", "branch");
        github.put("repository", "pipewright-fixtures/" + system);
        github.put("repository_owner", "pipewright-fixtures");
        github.put("actor", "fixture-bot");
        github.put("event_name", "push");
        github.put("run_id", "4242");
        github.put("run_attempt", "1");
        github.put("server_url", "https://github.com");
        github.put("workspace", workspace.toString());
        github.put("token", "ghs_harness-token");
        github.put("event", new LinkedHashMap<>());
        github.put("workflow", String.valueOf(wf.get("name")));
        github.putAll(r.github);
        Map<String, Object> secrets = new LinkedHashMap<>(r.secrets);
        secrets.putIfAbsent("GITHUB_TOKEN", github.get("token"));

        Map<String, String> baseEnv = new LinkedHashMap<>(System.getenv());
        baseEnv.put("PATH", standIns.bin() + ":" + System.getenv("PATH"));
        baseEnv.put("CI", "true");
        baseEnv.put("GITHUB_ACTIONS", "true");
        baseEnv.put("GITHUB_WORKSPACE", workspace.toString());
        baseEnv.put("GITHUB_SHA", sha);
        baseEnv.put("GITHUB_REF", String.valueOf(github.get("ref")));
        baseEnv.put("GITHUB_REF_NAME", String.valueOf(github.get("ref_name")));
        baseEnv.put("GITHUB_REF_TYPE", String.valueOf(github.get("ref_type")));
        baseEnv.put("GITHUB_REPOSITORY", String.valueOf(github.get("repository")));
        baseEnv.put("GITHUB_REPOSITORY_OWNER", String.valueOf(github.get("repository_owner")));
        baseEnv.put("GITHUB_EVENT_NAME", String.valueOf(github.get("event_name")));
        baseEnv.put("GITHUB_RUN_ID", String.valueOf(github.get("run_id")));
        baseEnv.put("GITHUB_RUN_ATTEMPT", "1");
        baseEnv.put("GITHUB_ACTOR", String.valueOf(github.get("actor")));
        baseEnv.put("GITHUB_JOB", r.job);
        baseEnv.put("GITHUB_SERVER_URL", "https://github.com");
        baseEnv.put("GITHUB_API_URL", "https://api.github.com");
        baseEnv.put("RUNNER_TEMP", temp.toString());
        baseEnv.put("RUNNER_OS", "Linux");
        baseEnv.put("RUNNER_ARCH", "X64");
        baseEnv.put("GOPROXY", "off");
        // The runner's own home (caches under ~ stay in the test's directory); Go keeps this
        // machine's caches.
        String realHome = System.getProperty("user.home");
        baseEnv.putIfAbsent("GOCACHE", Path.of(realHome, ".cache", "go-build").toString());
        baseEnv.putIfAbsent("GOPATH", Path.of(realHome, "go").toString());
        baseEnv.put("HOME", Files.createDirectories(jobDir.resolve("home")).toString());
        Path event = temp.resolve("event.json");
        Files.writeString(event, "{}");
        baseEnv.put("GITHUB_EVENT_PATH", event.toString());
        baseEnv.put("GITHUB_STEP_SUMMARY", temp.resolve("step-summary.md").toString());
        baseEnv.putAll(r.env);

        Map<String, Object> stepsContext = new LinkedHashMap<>();
        Map<String, Object> envContext = new LinkedHashMap<>();
        Map<String, Object> jobContext = new LinkedHashMap<>(Map.of("status", "success"));
        Map<String, Object> contexts = new HashMap<>();
        contexts.put("github", github);
        contexts.put("secrets", secrets);
        contexts.put("vars", r.vars);
        contexts.put("inputs", r.inputs);
        contexts.put("needs", r.needs);
        contexts.put("matrix", r.matrix);
        contexts.put("steps", stepsContext);
        contexts.put("env", envContext);
        contexts.put("job", jobContext);
        contexts.put("runner", Map.of("os", "Linux", "arch", "X64", "temp", temp.toString()));
        boolean[] failed = {false};
        Expressions ex =
                new Expressions(
                        contexts,
                        s ->
                                switch (s) {
                                    case "success" -> !failed[0];
                                    case "failure" -> failed[0];
                                    case "always" -> true;
                                    default -> false;
                                });

        List<StepRun> runs = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        List<String> addedPath = new ArrayList<>();
        String rejected = null;
        try {
            Map<String, String> wfEnv = evalMap(ex, (Map<String, Object>) wf.get("env"));
            envContext.putAll(wfEnv);
            Map<String, String> jobEnv = evalMap(ex, (Map<String, Object>) job.get("env"));
            envContext.putAll(jobEnv);
            Map<String, Object> defaults =
                    (Map<String, Object>)
                            ((Map<String, Object>)
                                            job.getOrDefault(
                                                    "defaults",
                                                    wf.getOrDefault("defaults", Map.of())))
                                    .getOrDefault("run", Map.of());
            int n = 0;
            for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
                n++;
                String id = step.get("id") == null ? "step" + n : step.get("id").toString();
                String name =
                        String.valueOf(step.getOrDefault("name", step.getOrDefault("uses", id)));
                Map<String, String> env = new LinkedHashMap<>(baseEnv);
                env.putAll(wfEnv);
                env.putAll(jobEnv);
                env.putAll(added);
                if (!addedPath.isEmpty()) {
                    env.put(
                            "PATH",
                            String.join(":", reversed(addedPath)) + ":" + baseEnv.get("PATH"));
                }
                envContext.clear();
                envContext.putAll(wfEnv);
                envContext.putAll(jobEnv);
                envContext.putAll(added);
                Map<String, String> stepEnv = evalMap(ex, (Map<String, Object>) step.get("env"));
                envContext.putAll(stepEnv);
                env.putAll(stepEnv);
                String condition = step.get("if") == null ? "success()" : step.get("if").toString();
                if (!ex.condition(condition)) {
                    runs.add(
                            new StepRun(
                                    id, name, "skipped", "condition false: " + condition + "\n"));
                    stepsContext.put(
                            id,
                            Map.of(
                                    "outcome",
                                    "skipped",
                                    "conclusion",
                                    "skipped",
                                    "outputs",
                                    Map.of()));
                    continue;
                }
                Path output = temp.resolve("output-" + n);
                Path envFile = temp.resolve("env-" + n);
                Path pathFile = temp.resolve("path-" + n);
                for (Path p : List.of(output, envFile, pathFile)) {
                    Files.writeString(p, "");
                }
                env.put("GITHUB_OUTPUT", output.toString());
                env.put("GITHUB_ENV", envFile.toString());
                env.put("GITHUB_PATH", pathFile.toString());
                Path log = temp.resolve("log-" + n);
                int exit;
                if (step.get("run") != null) {
                    String script = ex.interpolate(step.get("run").toString());
                    String shell =
                            step.get("shell") != null
                                    ? step.get("shell").toString()
                                    : defaults.get("shell") != null
                                            ? defaults.get("shell").toString()
                                            : null;
                    String wd =
                            step.get("working-directory") != null
                                    ? step.get("working-directory").toString()
                                    : defaults.get("working-directory") != null
                                            ? defaults.get("working-directory").toString()
                                            : ".";
                    Path scriptFile =
                            temp.resolve(
                                    "step-"
                                            + n
                                            + (shell != null && shell.startsWith("python")
                                                    ? ".py"
                                                    : ".sh"));
                    Files.writeString(scriptFile, script);
                    exit =
                            exec(
                                    shellCommand(shell, scriptFile),
                                    workspace.resolve(ex.interpolate(wd)),
                                    env,
                                    log,
                                    timeout(step, job));
                } else {
                    String uses = step.get("uses").toString();
                    Map<String, String> with = new LinkedHashMap<>();
                    Map<String, Object> rawWith =
                            (Map<String, Object>) step.getOrDefault("with", Map.of());
                    exit = uses(uses, rawWith, ex, with, workspace, env, log, r);
                    if (exit == SKIP) {
                        runs.add(new StepRun(id, name, "skipped", Files.readString(log)));
                        stepsContext.put(
                                id,
                                Map.of(
                                        "outcome",
                                        "skipped",
                                        "conclusion",
                                        "skipped",
                                        "outputs",
                                        Map.of()));
                        continue;
                    }
                    if (exit == ABSENT) {
                        rejected = Files.readString(log).strip();
                        break;
                    }
                }
                Map<String, String> outputs = FileCommands.parse(Files.readString(output));
                added.putAll(FileCommands.parse(Files.readString(envFile)));
                Files.readAllLines(pathFile).stream()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .forEach(addedPath::add);
                boolean continueOnError =
                        Expressions.truthy(step.get("continue-on-error"))
                                && !"false".equals(String.valueOf(step.get("continue-on-error")));
                String outcome = exit == 0 ? "success" : "failure";
                String conclusion = exit != 0 && continueOnError ? "success" : outcome;
                runs.add(
                        new StepRun(
                                id,
                                name,
                                conclusion.equals("success")
                                        ? outcome.equals("failure")
                                                ? "failure-continued"
                                                : "success"
                                        : "failure",
                                Files.readString(log)));
                stepsContext.put(
                        id,
                        Map.of("outcome", outcome, "conclusion", conclusion, "outputs", outputs));
                if (conclusion.equals("failure")) {
                    failed[0] = true;
                    jobContext.put("status", "failure");
                }
                if (id.equals(r.stopAfter)) {
                    break;
                }
            }
        } catch (Expressions.Unsupported e) {
            rejected = "expression the harness cannot evaluate: " + e.getMessage();
        }
        Map<String, String> jobOutputs = new LinkedHashMap<>();
        if (rejected == null && job.get("outputs") instanceof Map<?, ?> outs) {
            outs.forEach((k, v) -> jobOutputs.put(k.toString(), ex.interpolate(v.toString())));
        }
        return new JobRun(r.job, runs, standIns.calls(), jobOutputs, workspace, rejected);
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    private static final int SKIP = -100;
    private static final int ABSENT = PnpmSetup.ABSENT;

    private int uses(
            String uses,
            Map<String, Object> rawWith,
            Expressions ex,
            Map<String, String> with,
            Path workspace,
            Map<String, String> env,
            Path log,
            Run r)
            throws IOException, InterruptedException {
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        if (action.startsWith("./.github/actions/pipewright-")) {
            with.putAll(evalMap(ex, rawWith));
            return ownAction(
                    action.substring("./.github/actions/".length()), with, workspace, env, log);
        }
        switch (action) {
            case "actions/checkout" -> {
                Files.writeString(log, "the fixture copy is the checkout\n");
                return 0;
            }
            case "pnpm/action-setup" -> {
                if (r.behaviours.containsKey("pnpm")) {
                    // the test gave pnpm a behaviour: its recording stand-in is the pnpm this job
                    // runs
                    Files.writeString(log, action + ": pnpm is a stand-in; nothing to set up\n");
                    return 0;
                }
                return PnpmSetup.run(evalMap(ex, rawWith), workspace, env, log);
            }
            case "bufbuild/buf-action" -> {
                return bufAction(rawWith, ex, workspace, env, log);
            }
            case "actions/setup-go",
                    "actions/setup-python",
                    "actions/setup-node",
                    "actions/setup-java",
                    "astral-sh/setup-uv",
                    "azure/setup-helm",
                    "azure/setup-kubectl",
                    "sigstore/cosign-installer",
                    "helm/kind-action",
                    "bufbuild/buf-setup-action" -> {
                String tool =
                        switch (action) {
                            case "actions/setup-go" -> "go";
                            case "actions/setup-python" -> "python3";
                            case "actions/setup-node" -> "node";
                            case "actions/setup-java" -> "java";
                            case "astral-sh/setup-uv" -> "uv";
                            case "azure/setup-helm" -> "helm";
                            case "azure/setup-kubectl" -> "kubectl";
                            case "sigstore/cosign-installer" -> "cosign";
                            case "helm/kind-action" -> "kind";
                            default -> "buf";
                        };
                if (StandIns.REMOTE.contains(tool)
                        || StandIns.LOCAL.contains(tool)
                        || StandIns.onPath(tool)
                        || r.behaviours.containsKey(tool)) {
                    Files.writeString(
                            log,
                            action
                                    + ": "
                                    + tool
                                    + " is on PATH (real or stand-in); nothing to set up\n");
                    return 0;
                }
                Files.writeString(
                        log,
                        "runtime absent: "
                                + action
                                + " sets up "
                                + tool
                                + ", which this machine lacks");
                return ABSENT;
            }
            case "actions/upload-artifact" -> {
                String name =
                        ex.interpolate(String.valueOf(rawWith.getOrDefault("name", "artifact")));
                Path dest = Files.createDirectories(artifacts.resolve(name));
                int copied = 0;
                for (String line :
                        ex.interpolate(String.valueOf(rawWith.get("path"))).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Path src = workspace.resolve(line.strip());
                    if (line.contains("*")) {
                        // a glob as upload-artifact reads it: '**/' also matches no directory at
                        // all
                        PathMatcher m =
                                workspace.getFileSystem().getPathMatcher("glob:" + line.strip());
                        PathMatcher top =
                                workspace
                                        .getFileSystem()
                                        .getPathMatcher(
                                                "glob:"
                                                        + line.strip()
                                                                .replaceFirst("^\\*\\*/", ""));
                        try (Stream<Path> all = Files.walk(workspace)) {
                            for (Path f : all.filter(Files::isRegularFile).toList()) {
                                Path rel = workspace.relativize(f);
                                if (m.matches(rel) || top.matches(rel)) {
                                    Path to = dest.resolve(rel.toString());
                                    Files.createDirectories(to.getParent());
                                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                                    copied++;
                                }
                            }
                        }
                    } else if (Files.isDirectory(src)) {
                        copied += Fixtures.copyTree(src, dest);
                    } else if (Files.exists(src)) {
                        Files.copy(
                                src,
                                dest.resolve(src.getFileName()),
                                StandardCopyOption.REPLACE_EXISTING);
                        copied++;
                    }
                }
                Files.writeString(
                        log, "uploaded " + copied + " file(s) as artifact " + name + "\n");
                return copied == 0
                                && "error".equals(String.valueOf(rawWith.get("if-no-files-found")))
                        ? 1
                        : 0;
            }
            case "actions/download-artifact" -> {
                String name = ex.interpolate(String.valueOf(rawWith.get("name")));
                Path src = artifacts.resolve(name);
                if (!Files.isDirectory(src)) {
                    Files.writeString(log, "Error: Artifact not found for name: " + name + "\n");
                    return 1;
                }
                Object p = rawWith.get("path");
                Path dest = workspace.resolve(p == null ? "." : ex.interpolate(p.toString()));
                int n = Fixtures.copyTree(src, Files.createDirectories(dest));
                Files.writeString(
                        log,
                        "downloaded "
                                + n
                                + " file(s) of artifact "
                                + name
                                + " into "
                                + dest
                                + "\n");
                return 0;
            }
            case "aquasecurity/trivy-action" -> {
                // the action runs the trivy CLI with its inputs as flags: the stand-in records them
                // and decides the exit
                with.putAll(evalMap(ex, rawWith));
                List<String> cmd =
                        new ArrayList<>(
                                List.of(
                                        "bash",
                                        "-c",
                                        "trivy \"$@\"",
                                        "trivy",
                                        with.getOrDefault("scan-type", "image")));
                for (String[] f :
                        new String[][] {
                            {"format", "--format"},
                            {"output", "--output"},
                            {"severity", "--severity"},
                            {"exit-code", "--exit-code"}
                        }) {
                    if (with.get(f[0]) != null) {
                        cmd.add(f[1]);
                        cmd.add(with.get(f[0]));
                    }
                }
                if ("true".equals(with.get("ignore-unfixed"))) {
                    cmd.add("--ignore-unfixed");
                }
                cmd.add(with.getOrDefault("image-ref", with.getOrDefault("scan-ref", ".")));
                return exec(cmd, workspace, env, log, 600);
            }
            case "actions/cache", "actions/cache/restore", "actions/cache/save" -> {
                Files.writeString(log, "cache: always a miss in the harness\n");
                return 0;
            }
            default -> {
                Files.writeString(
                        log,
                        "skipped: third-party action "
                                + uses
                                + " is not simulated by the harness\n");
                return SKIP;
            }
        }
    }

    /**
     * bufbuild/buf-action as the buf subcommands it runs, in its order (build, lint, format,
     * breaking, push), each chosen by its input or, when the step does not set it, the default in
     * its action.yml under catalog/ (evaluated here). The buf stand-in records them; flags beyond
     * the subcommand are not reproduced, except the input of {@code breaking --against} when the
     * step gives one. The first failing subcommand ends the step.
     */
    private int bufAction(
            Map<String, Object> rawWith,
            Expressions ex,
            Path workspace,
            Map<String, String> env,
            Path log)
            throws IOException, InterruptedException {
        Map<String, Object> action =
                new Yaml()
                        .load(
                                Files.readString(
                                        repoRoot.resolve(
                                                "catalog/actions/bufbuild/buf-action/action.yml")));
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        Map<String, Object> all = new LinkedHashMap<>();
        inputs.forEach(
                (k, spec) -> {
                    Object def = ((Map<String, Object>) spec).get("default");
                    if (def != null) {
                        all.put(k, def);
                    }
                });
        all.putAll(rawWith);
        Predicate<String> on =
                k ->
                        all.containsKey(k)
                                && "true"
                                        .equals(ex.interpolate(String.valueOf(all.get(k))).strip());
        StringBuilder transcript = new StringBuilder();
        if (on.test("setup_only")) {
            Files.writeString(log, "buf-action: setup_only\n");
            return 0;
        }
        List<List<String>> commands = new ArrayList<>(List.of(List.of("build")));
        if (on.test("lint")) {
            commands.add(List.of("lint"));
        }
        if (on.test("format")) {
            commands.add(List.of("format", "--diff", "--exit-code"));
        }
        if (on.test("breaking")) {
            commands.add(
                    rawWith.get("breaking_against") == null
                            ? List.of("breaking")
                            : List.of(
                                    "breaking",
                                    "--against",
                                    ex.interpolate(rawWith.get("breaking_against").toString())));
        }
        if (on.test("push")) {
            commands.add(List.of("push"));
        }
        for (List<String> c : commands) {
            List<String> cmd = new ArrayList<>(List.of("bash", "-c", "buf \"$@\"", "buf"));
            cmd.addAll(c);
            Path one = Files.createTempFile(log.getParent(), "buf-", ".log");
            int exit = exec(cmd, workspace, env, one, 300);
            transcript
                    .append("buf ")
                    .append(String.join(" ", c))
                    .append(" -> ")
                    .append(exit)
                    .append('\n')
                    .append(Files.readString(one));
            if (exit != 0) {
                Files.writeString(log, transcript);
                return exit;
            }
        }
        Files.writeString(log, transcript);
        return 0;
    }

    /**
     * Our action through its real entrypoint, as its action.yml's {@code args} name it, inputs as
     * INPUT_*.
     */
    private int ownAction(
            String dir, Map<String, String> with, Path workspace, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        Path actionYml =
                repoRoot.resolve("generated-workflows")
                        .resolve(system)
                        .resolve("actions")
                        .resolve(dir)
                        .resolve("action.yml");
        Map<String, Object> action = new Yaml().load(Files.readString(actionYml));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        List<String> args =
                ((List<Object>) runs.get("args")).stream().map(String::valueOf).toList();
        Map<String, Object> inputs = (Map<String, Object>) action.getOrDefault("inputs", Map.of());
        Map<String, String> e = new LinkedHashMap<>(env);
        inputs.forEach(
                (k, spec) -> {
                    Object def = ((Map<String, Object>) spec).get("default");
                    if (def != null) {
                        e.put(
                                "INPUT_" + k.toUpperCase(Locale.ROOT).replace(' ', '_'),
                                def.toString());
                    }
                });
        for (String k : with.keySet()) {
            if (!inputs.containsKey(k)) {
                Files.writeString(log, "input '" + k + "' is not declared by " + actionYml + "\n");
                return 1;
            }
            e.put("INPUT_" + k.toUpperCase(Locale.ROOT).replace(' ', '_'), with.get(k));
        }
        String cp =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                cp,
                                "dev.pipewright.action.Entrypoint"));
        cmd.addAll(args);
        return exec(cmd, workspace, e, log, 120);
    }

    private static List<String> shellCommand(String shell, Path script) {
        String s = script.toString();
        if (shell == null) {
            return List.of("bash", "-e", s);
        }
        return switch (shell) {
            case "bash" -> List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", s);
            case "sh" -> List.of("sh", "-e", s);
            case "python" -> List.of("python3", s);
            default -> {
                if (!shell.contains("{0}")) {
                    throw new Expressions.Unsupported(
                            "shell '" + shell + "' is not known to the harness");
                }
                yield List.of(shell.replace("{0}", s).split(" +"));
            }
        };
    }

    private static long timeout(Map<String, Object> step, Map<String, Object> job) {
        Object t = step.getOrDefault("timeout-minutes", job.getOrDefault("timeout-minutes", 5));
        return Math.min(Long.parseLong(t.toString()), 5) * 60;
    }

    private static int exec(
            List<String> cmd, Path cwd, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(cwd)) {
            Files.writeString(log, "working directory " + cwd + " does not exist\n");
            return 1;
        }
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .directory(cwd.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.writeString(
                    log,
                    "\n[harness] step timed out after " + timeoutSeconds + " s\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            return 124;
        }
        return p.exitValue();
    }

    private static Map<String, String> evalMap(Expressions ex, Map<String, Object> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach(
                    (k, v) ->
                            out.put(
                                    k,
                                    ex.interpolate(
                                            v == null
                                                    ? ""
                                                    : Expressions.asString(
                                                            v instanceof Integer i
                                                                    ? Double.valueOf(i)
                                                                    : v))));
        }
        return out;
    }

    /** Files under {@code dir}, relative, sorted: for assertions on what a job left behind. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
