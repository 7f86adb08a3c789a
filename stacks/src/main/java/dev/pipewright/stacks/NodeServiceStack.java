package dev.pipewright.stacks;

import static dev.pipewright.stacks.Stages.checkout;
import static dev.pipewright.stacks.Stages.job;

import dev.pipewright.bindings.ActionsSetupNode;
import dev.pipewright.bindings.PnpmActionSetup;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.trigger.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Node.js/TypeScript service: lint, type check, tests with our coverage gate on their LCOV
 * report, and a build, in CI; a tag release of the build output with SBOM and checksums. npm, pnpm
 * or Yarn (Berry or classic) by parameter, which {@code pipewright init} reads from the project's
 * lockfile.
 */
public final class NodeServiceStack implements Stack {
    /** An npm script name ("test:unit"), or empty for none. */
    private static final String SCRIPT = "|[A-Za-z0-9][A-Za-z0-9:._-]*";

    public static final Parameter<String> NODE =
            Parameter.string("node", "22", "Node.js version (setup-node's node-version).")
                    .matching("[0-9]+(\\.[0-9]+){0,2}");
    public static final Parameter<String> PACKAGE_MANAGER =
            Parameter.string(
                            "package-manager",
                            "npm",
                            "npm, pnpm, yarn (Berry) or yarn-classic; pipewright init reads it from the lockfile.")
                    .matching("npm|pnpm|yarn|yarn-classic");
    public static final Parameter<String> LINT =
            Parameter.string(
                            "lint-script",
                            "lint",
                            "package.json script that lints (empty: no lint step).")
                    .matching(SCRIPT);
    public static final Parameter<String> TYPECHECK =
            Parameter.string(
                            "typecheck",
                            "tsc --noEmit",
                            "Type check, run with the package manager's exec from node_modules/.bin (empty: none).")
                    .matching(
                            "|[A-Za-z0-9][A-Za-z0-9._-]*( --?[A-Za-z0-9][A-Za-z0-9._=-]*| [A-Za-z0-9][A-Za-z0-9./_-]*)*");
    public static final Parameter<String> TEST =
            Parameter.string(
                            "test-script",
                            "test",
                            "package.json script that runs the tests and writes coverage-file (Jest: --coverage writes coverage/lcov.info).")
                    .matching(SCRIPT.substring(1));
    public static final Parameter<String> COVERAGE_FILE =
            Parameter.string(
                            "coverage-file",
                            "coverage/lcov.info",
                            "Coverage report the test script writes: LCOV, Cobertura XML or coverage-json (glob for several).")
                    .matching(ParameterPatterns.GLOB);
    public static final Parameter<Integer> COVERAGE =
            Parameter.integer("coverage", 80, "Minimum line coverage in percent.").between(0, 100);
    public static final Parameter<String> BUILD =
            Parameter.string(
                            "build-script",
                            "build",
                            "package.json script that builds (empty: no build step).")
                    .matching(SCRIPT);
    public static final Parameter<String> BUILD_OUTPUT =
            Parameter.string(
                            "build-output",
                            "dist",
                            "Directory the build writes; the release archives it.")
                    .matching(ParameterPatterns.PATH);

    @Override
    public String id() {
        return "node-service";
    }

    @Override
    public String description() {
        return "Node.js/TypeScript service (npm, pnpm or Yarn): lint, type check, tests with coverage gate, build, tag release";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(
                NODE,
                PACKAGE_MANAGER,
                LINT,
                TYPECHECK,
                TEST,
                COVERAGE_FILE,
                COVERAGE,
                BUILD,
                BUILD_OUTPUT);
    }

    @Override
    public List<Workflow> workflows(StackConfig c) {
        return List.of(ci(c), ServiceRelease.workflow(setup(c, false), packaging(c)));
    }

    /**
     * The package manager from the lockfile at the project root, when there is exactly one kind.
     */
    @Override
    public Map<String, Object> detect(Path root) {
        Map<String, Object> found = new LinkedHashMap<>();
        List<String> managers = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("package-lock.json"))
                || Files.isRegularFile(root.resolve("npm-shrinkwrap.json"))) {
            managers.add("npm");
        }
        if (Files.isRegularFile(root.resolve("pnpm-lock.yaml"))) {
            managers.add("pnpm");
        }
        Path yarnLock = root.resolve("yarn.lock");
        if (Files.isRegularFile(yarnLock)) {
            try {
                // Berry writes a __metadata entry; classic (v1) lockfiles start with "# yarn
                // lockfile v1"
                managers.add(
                        Files.readString(yarnLock, StandardCharsets.UTF_8).contains("\n__metadata:")
                                ? "yarn"
                                : "yarn-classic");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (managers.size() == 1) {
            found.put(PACKAGE_MANAGER.name(), managers.get(0));
        }
        return found;
    }

    /** Install, run a script and run a binary, for one package manager. */
    record Commands(String lockfile, String cache, String install, String run, String exec) {
        static Commands of(String manager) {
            return switch (manager) {
                case "pnpm" ->
                        new Commands(
                                "pnpm-lock.yaml",
                                "pnpm",
                                "pnpm install --frozen-lockfile",
                                "pnpm run",
                                "pnpm exec");
                case "yarn" ->
                        new Commands(
                                "yarn.lock",
                                "yarn",
                                "yarn install --immutable",
                                "yarn run",
                                "yarn run");
                case "yarn-classic" ->
                        new Commands(
                                "yarn.lock",
                                "yarn",
                                "yarn install --frozen-lockfile",
                                "yarn run",
                                "yarn run");
                default ->
                        new Commands(
                                "package-lock.json",
                                "npm",
                                "npm ci",
                                "npm run",
                                "npm exec --no --");
            };
        }
    }

    /**
     * Node and the package manager, then the locked install; with {@code cache} the package
     * manager's store is cached keyed on the lockfile (CI), never in a release, which a cache a
     * pull request wrote could otherwise reach.
     */
    static List<Step> setup(StackConfig c, boolean cache) {
        String pm = c.get(PACKAGE_MANAGER);
        Commands cmd = Commands.of(pm);
        List<Step> steps = new ArrayList<>();
        if (pm.equals("pnpm")) {
            // pnpm's version comes from package.json's packageManager field
            steps.add(PnpmActionSetup.builder().id("pnpm").name("Set up pnpm").build());
        }
        ActionsSetupNode node =
                ActionsSetupNode.builder()
                        .id("setup-node")
                        .name("Set up Node.js")
                        .nodeVersion(c.get(NODE));
        if (cache) {
            node.cache(cmd.cache()).cacheDependencyPath(cmd.lockfile());
        } else {
            // setup-node v5 and later restore the package manager's cache by default when
            // package.json names one;
            // the catalog's action.yml predates the input, hence customInput
            node.customInput("package-manager-cache", false);
        }
        steps.add(node.build());
        if (pm.equals("yarn")) {
            // Yarn Berry is run through Corepack, at the version package.json's packageManager
            // names
            steps.add(
                    Step.run("corepack enable")
                            .id("corepack")
                            .name("Enable Corepack (Yarn)")
                            .build());
        }
        steps.add(
                Stages.withRetry("retry " + cmd.install() + "\n")
                        .id("install")
                        .name(cmd.install())
                        .build());
        return steps;
    }

    static NormalJob check(StackConfig c) {
        Commands cmd = Commands.of(c.get(PACKAGE_MANAGER));
        NormalJob.Builder b =
                job("check", 15).name("lint, type check, test, build").step(checkout());
        setup(c, true).forEach(b::step);
        if (!c.get(LINT).isEmpty()) {
            b.step(Step.run(cmd.run() + " " + c.get(LINT)).id("lint").name("Lint").build());
        }
        if (!c.get(TYPECHECK).isEmpty()) {
            b.step(
                    Step.run(cmd.exec() + " " + c.get(TYPECHECK))
                            .id("typecheck")
                            .name("Type check")
                            .build());
        }
        b.step(
                        Step.run(cmd.run() + " " + c.get(TEST))
                                .id("test")
                                .name("Tests with coverage")
                                .build())
                .step(Stages.uploadAlways("upload-coverage", "coverage", c.get(COVERAGE_FILE)))
                .step(Stages.coverageGate(c.get(COVERAGE_FILE), c.get(COVERAGE)).build());
        if (!c.get(BUILD).isEmpty()) {
            b.step(Step.run(cmd.run() + " " + c.get(BUILD)).id("build").name("Build").build());
        }
        return b.build();
    }

    static Workflow ci(StackConfig c) {
        return Workflow.builder("ci.yml")
                .name("CI")
                .on(Trigger.push().branches("main"), Trigger.pullRequest())
                .permissions(Permissions.none())
                .concurrency(Stages.ciConcurrency())
                .job(check(c))
                .build();
    }

    /** The build, archived as release/&lt;repository&gt;-&lt;version&gt;.tar.gz. */
    static List<Step> packaging(StackConfig c) {
        Commands cmd = Commands.of(c.get(PACKAGE_MANAGER));
        List<Step> steps = new ArrayList<>();
        if (!c.get(BUILD).isEmpty()) {
            steps.add(Step.run(cmd.run() + " " + c.get(BUILD)).id("build").name("Build").build());
        }
        steps.add(
                Step.run(
                                "mkdir -p release\n"
                                        + "tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=\"@$(git log -1 --format=%ct)\" \\\n"
                                        + "  -czf \"release/${GITHUB_REPOSITORY#*/}-$VERSION.tar.gz\" \"$OUTPUT\" package.json\n")
                        .id("archive")
                        .name("Archive the build output")
                        .env("VERSION", ServiceRelease.VERSION)
                        .env("OUTPUT", c.get(BUILD_OUTPUT))
                        .build());
        return steps;
    }
}
