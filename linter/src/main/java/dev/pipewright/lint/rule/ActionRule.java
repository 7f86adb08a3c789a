package dev.pipewright.lint.rule;

import dev.pipewright.github.Uses;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.data.PopularActions;
import dev.pipewright.lint.schema.Schema;
import dev.pipewright.lint.schema.SchemaChecker;
import dev.pipewright.lint.schema.Suggest;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code uses:} steps of workflows and composite actions: inputs of known and local actions
 * (missing required, unknown, deprecated), local actions that do not exist or run on a retired
 * Node.js, releases of popular actions on a runtime the runners no longer provide ({@link
 * OutdatedRelease}), malformed {@code docker://} images; and the runtime of linted action metadata.
 */
@Rule(id = "action", summary = "uses steps name existing actions and pass the inputs they declare")
public final class ActionRule extends LintRule {
    /**
     * Inputs GitHub itself passes to Docker container actions, whatever their metadata declares.
     */
    private static final Set<String> DOCKER_INPUTS = Set.of("args", "entrypoint");

    private LocalFiles local;
    private Workflow.Job job;

    @Override
    public void visitWorkflow(Workflow workflow) {
        local = new LocalFiles(ctx());
    }

    @Override
    public void visitJob(Workflow.Job job) {
        this.job = job;
    }

    @Override
    public void visitStep(Workflow.Step step) {
        check(
                step.body(),
                () ->
                        job.steps().stream()
                                .filter(s -> s.index() < step.index())
                                .map(Workflow.Step::body)
                                .toList());
    }

    /**
     * Action metadata: its own runtime, and the {@code uses:} steps of a composite action like a
     * job's.
     */
    @Override
    public void visitAction(LintContext.ActionFile action) {
        local = new LocalFiles(ctx());
        YMap runs = action.root().map("runs").orElse(null);
        if (runs == null) {
            return;
        }
        runs.scalar("using")
                .filter(YScalar::isString)
                .ifPresent(using -> checkRuntime(using, "this action", using.value(), null));
        List<YMap> earlier = new ArrayList<>();
        for (YNode n : runs.seq("steps").map(YSeq::items).orElse(List.of())) {
            if (n instanceof YMap step) {
                List<YMap> before = List.copyOf(earlier);
                check(step, () -> before);
                earlier.add(step);
            }
        }
    }

    /**
     * {@code earlier}: the steps before this one, listed only when a missing local action needs
     * them.
     */
    private void check(YMap step, Supplier<List<YMap>> earlier) {
        YScalar uses =
                step.scalar("uses")
                        .filter(YScalar::isString)
                        .filter(u -> !u.hasExpression())
                        .orElse(null);
        if (uses == null) {
            return;
        }
        String v = uses.value().strip();
        if (v.startsWith("docker://")) {
            String problem = ImageReference.problem(v.substring("docker://".length()));
            if (problem != null) {
                report(
                        uses,
                        "docker image \""
                                + v
                                + "\" is malformed: "
                                + problem
                                + "; write docker://[registry/]name[:tag][@sha256:digest]");
            }
        } else if (LocalFiles.isLocal(v)) {
            checkLocal(step, earlier, uses, v);
        } else if (malformed(v) != null) {
            // GitHub rejects the whole workflow ("must be owner/repo@ref"), so no job of it runs
            report(
                    uses,
                    "action \""
                            + v
                            + "\" "
                            + malformed(v)
                            + "; write owner/repo[/path]@ref (a commit SHA with a"
                            + " # vX.Y.Z comment)");
        } else {
            // local actions' runtimes are read from their metadata (checkRuntime): this branch is
            // remote only, so a step gets one runtime finding. A warning: the runners no longer
            // ship node12 or node16 and run such an action on a newer Node.js, so the step still
            // runs and may work (actionlint says error; workflows GitHub runs every day use them)
            Uses.parse(v)
                    .ifPresent(
                            u ->
                                    OutdatedRelease.of(ctx(), uses, u)
                                            .ifPresent(
                                                    o ->
                                                            report(
                                                                    uses.pos(),
                                                                    Severity.WARNING,
                                                                    o.message(u))));
            PopularActions.Meta meta =
                    PopularActions.ACTIONS.get(
                            v.substring(0, v.indexOf('@')).toLowerCase(Locale.ROOT));
            if (meta != null) {
                // The table's runtime is that of its snapshot commit, not of the ref in use, so it
                // is not checked here.
                checkInputs(
                        step,
                        uses,
                        "action \"" + v.substring(0, v.indexOf('@')) + "\"",
                        ActionSpec.of(meta));
            }
        }
    }

    /** What is wrong with a remote {@code owner/repo[/path]@ref}, or null. */
    static String malformed(String v) {
        int at = v.indexOf('@');
        if (at < 0) {
            return "has no @ref";
        }
        if (at == v.length() - 1) {
            return "has an empty ref after @";
        }
        String[] parts = v.substring(0, at).split("/", -1);
        if (parts.length < 2 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            return "does not name an owner and a repository";
        }
        return null;
    }

    private void checkLocal(YMap step, Supplier<List<YMap>> earlier, YScalar uses, String v) {
        LocalFiles.Lookup found = local.action(v);
        if (found.file() == null) {
            // $/ names the running commit of this repository, which we cannot see when the tree
            // differs.
            if (found.missing()
                    && !LocalFiles.isSelf(v)
                    && !checkedOutEarlier(earlier.get(), v.substring(2))) {
                String close = local.closestAction(v);
                report(
                        uses,
                        "local action \""
                                + v
                                + "\" does not exist: the repository has no action.yml or action.yaml in "
                                + v.substring(2)
                                + (close != null
                                        ? "; did you mean \"" + close + "\"?"
                                        : "; fix the path"));
            }
            return;
        }
        YMap root = local.read(found.file()).orElse(null);
        if (root == null) {
            return;
        }
        ActionSpec spec = ActionSpec.of(root);
        String name = "local action \"" + v + "\"";
        checkMetadata(uses, name, root, spec.using(), found.file());
        checkRuntime(uses, name, spec.using(), found.file());
        checkInputs(step, uses, name, spec);
    }

    /**
     * True when an earlier step checks a repository out into a folder holding the action, so it
     * exists only at run time.
     */
    private static boolean checkedOutEarlier(List<YMap> earlier, String relative) {
        for (YMap s : earlier) {
            String uses = s.string("uses").orElse("").toLowerCase(Locale.ROOT);
            String path = s.map("with").flatMap(w -> w.string("path")).orElse("").strip();
            path = path.startsWith("./") ? path.substring(2) : path;
            if (uses.startsWith("actions/checkout@")
                    && !path.isEmpty()
                    && (path.contains("${{")
                            || (relative + "/")
                                    .startsWith(path.endsWith("/") ? path : path + "/"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A step fails when the local action it runs has metadata GitHub rejects (actionlint reports it
     * at the step too): each schema problem of the action file, at the step's {@code uses:}, and a
     * JavaScript action whose {@code main} file is not there.
     */
    private void checkMetadata(YScalar uses, String name, YMap root, String using, Path file) {
        String where = shown(file);
        for (SchemaChecker.Problem p : SchemaChecker.check(Schema.action(), root).problems()) {
            // what the runner ignores (an unknown top-level key, no description) does not fail
            // the step: a warning, as in the action file's own lint
            report(
                    uses.pos(),
                    p.ignoredByRunner() ? Severity.WARNING : Severity.ERROR,
                    name + " has invalid metadata: " + where + ":" + p.pos() + ": " + p.message());
        }
        if (using.matches("node\\d+")) {
            root.map("runs")
                    .flatMap(r -> r.scalar("main"))
                    .filter(YScalar::isString)
                    .filter(m -> !m.hasExpression() && !m.value().isBlank())
                    .filter(m -> !Files.exists(file.getParent().resolve(m.value()).normalize()))
                    .ifPresent(
                            m ->
                                    report(
                                            uses,
                                            name
                                                    + " runs \""
                                                    + m.value()
                                                    + "\", which does not exist beside "
                                                    + where
                                                    + "; fix runs.main or commit the file"));
        }
    }

    /** An action file as a message names it: relative to the repository, else by its name. */
    private String shown(Path file) {
        Path root = ctx().projectRoot();
        return root != null && file.startsWith(root)
                ? root.relativize(file).toString().replace('\\', '/')
                : file.getFileName().toString();
    }

    private void checkRuntime(YScalar uses, String name, String using, Path file) {
        String where = file == null ? "" : " in " + shown(file);
        if (using.equals("node12") || using.equals("node16")) {
            // the runners run it on a newer Node.js instead, so the step still starts: a warning
            report(
                    uses.pos(),
                    Severity.WARNING,
                    name
                            + " runs on "
                            + using
                            + ", which GitHub's runners no longer provide (they run it on a newer"
                            + " Node.js, where it may break); set runs.using to node24"
                            + where);
        } else if (using.equals("node20")) {
            // GitHub announced Node 20's removal: Node 24 is the default from June 2, 2026 and Node
            // 20 leaves the
            // runners on September 16, 2026
            // (https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/).
            report(
                    uses.pos(),
                    Severity.WARNING,
                    name
                            + " runs on node20, which GitHub deprecated and removes from its"
                            + " runners; set runs.using to node24"
                            + where);
        }
    }

    private void checkInputs(YMap step, YScalar uses, String name, ActionSpec spec) {
        YNode with = step.get("with").orElse(null);
        YMap given = with instanceof YMap m ? m : null;
        if (with != null && given == null) {
            return;
        }
        Set<String> passed = new TreeSet<>();
        if (given != null) {
            given.keys().forEach(k -> passed.add(k.toLowerCase(Locale.ROOT)));
        }
        for (String req : spec.required()) {
            if (!passed.contains(req.toLowerCase(Locale.ROOT))) {
                report(
                        uses,
                        "missing input \""
                                + req
                                + "\" which "
                                + name
                                + " requires; add it under with:");
            }
        }
        if (given == null) {
            return;
        }
        boolean docker = spec.using().equals("docker");
        for (YMap.Entry e : given.entries()) {
            String key = e.key().value();
            String declared = declared(spec.inputs(), key);
            if (declared != null) {
                String message = spec.deprecated().get(declared);
                if (message != null) {
                    report(
                            e.key().pos(),
                            Severity.WARNING,
                            "input \"" + key + "\" of " + name + " is deprecated: " + message);
                }
            } else if (e.key().hasExpression() || docker && DOCKER_INPUTS.contains(key)) {
                continue;
            } else if (declared(List.copyOf(spec.removed().keySet()), key) != null) {
                String input = declared(List.copyOf(spec.removed().keySet()), key);
                String range = spec.removed().get(input);
                // a release the input belongs to, or one we cannot tell, passes it rightly
                RefRelease.of(ctx(), uses)
                        .filter(r -> !RefRelease.within(r, range))
                        .ifPresent(
                                r ->
                                        report(
                                                e.key().pos(),
                                                Severity.WARNING,
                                                outsideReleases(
                                                        key,
                                                        name,
                                                        range,
                                                        RefRelease.beforeAdded(r, range))));
            } else if (spec.complete()) {
                // The runner only warns "Unexpected input(s)" and runs the step without it: a
                // mistake, not a failure.
                report(e.key().pos(), Severity.WARNING, unknown(key, name, spec.inputs()));
            } else if (Suggest.closest(key, spec.inputs(), 1) != null) {
                // Metadata older than the release in use may lack inputs added since, but a name
                // one edit away from
                // a declared one (node_version, keys) is a typo of it rather than a new input.
                report(e.key().pos(), Severity.WARNING, unknown(key, name, spec.inputs()));
            }
        }
    }

    /** The declared name matching {@code key}; GitHub compares input names case-insensitively. */
    private static String declared(List<String> inputs, String key) {
        return inputs.stream().filter(i -> i.equalsIgnoreCase(key)).findFirst().orElse(null);
    }

    /**
     * An input of releases {@code added..removed} passed to a release outside them: the runner
     * warns "Unexpected input" and runs the step without it.
     */
    private static String outsideReleases(String key, String name, String range, boolean early) {
        String[] ends = range.split("\\.\\.", 2);
        return "input \""
                + key
                + "\" is not defined by this release of "
                + name
                + (early
                        ? ": it was added in "
                                + ends[0]
                                + ", so the runner ignores it here; use a release from "
                                + ends[0]
                                + " to before "
                                + ends[1]
                        : ": it was removed in "
                                + ends[1]
                                + ", so the runner ignores it; do its work in a step of your own, or"
                                + " use a release from "
                                + ends[0]
                                + " to before "
                                + ends[1]);
    }

    private static String unknown(String key, String name, List<String> inputs) {
        String close = Suggest.closest(key, inputs);
        if (close != null) {
            return "input \""
                    + key
                    + "\" is not defined by "
                    + name
                    + "; did you mean \""
                    + close
                    + "\"?";
        }
        return "input \""
                + key
                + "\" is not defined by "
                + name
                + (inputs.isEmpty()
                        ? ", which takes no inputs"
                        : "; defined inputs: " + String.join(", ", new TreeSet<>(inputs)));
    }
}
