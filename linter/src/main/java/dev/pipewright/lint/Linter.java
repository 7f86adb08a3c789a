package dev.pipewright.lint;

import dev.pipewright.lint.rule.BuiltInRules;
import dev.pipewright.lint.schema.Schema;
import dev.pipewright.lint.schema.SchemaChecker;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YamlFile;
import dev.pipewright.lint.yaml.YamlLoader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints workflow and action files with a set of rules; thread-safe, files are linted in parallel.
 */
public final class Linter {
    /**
     * What a file is: GitHub reads workflows and action metadata with different schemas; dependabot
     * and pre-commit files are read by their own audits only.
     */
    public enum Kind {
        WORKFLOW,
        ACTION,
        DEPENDABOT,
        PRE_COMMIT
    }

    private static final Pattern IGNORE =
            Pattern.compile("#\\s*pipewright-lint\\s+ignore=([\\w,-]+)");

    /**
     * zizmor's own suppression comment; our audits carry zizmor's ids, so a risk accepted there
     * stays accepted.
     */
    private static final Pattern ZIZMOR_IGNORE =
            Pattern.compile("#\\s*zizmor:\\s*ignore\\[([\\w,\\s-]+)]");

    private final LintConfig config;
    private final List<RuleInfo> rules;
    private final OtherFiles otherFiles = new OtherFiles();

    /**
     * Each folder's repository root: looking it up costs a file-system check per ancestor, for
     * every file.
     */
    private final Map<Path, Optional<Path>> roots = new ConcurrentHashMap<>();

    public Linter(LintConfig config) {
        this(config, BuiltInRules.all());
    }

    public Linter(LintConfig config, List<RuleInfo> rules) {
        this.config = config;
        this.rules = List.copyOf(rules);
    }

    /**
     * A file's text and tree, read while discovering it (outside {@code workflows/}, a file is read
     * to see what it is).
     */
    private record Read(String text, YamlFile yaml) {}

    /**
     * Files discovery has read already, until they are linted: each file is read and parsed once.
     */
    private final Map<Path, Read> discovered = new ConcurrentHashMap<>();

    /** Lints files and directories; findings sorted and de-duplicated. */
    public List<Finding> lintPaths(List<Path> paths, Path base) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(expand(p, discovered));
        }
        // More threads than cores: a file waiting for shellcheck leaves its core to the next file,
        // whose scripts then
        // join the same shellcheck batch (one process per file took a hundred times as long as the
        // rest of the lint).
        ForkJoinPool pool = new ForkJoinPool(4 * Runtime.getRuntime().availableProcessors());
        try {
            return pool.submit(() -> lintAll(files, base)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while linting");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdown();
        }
    }

    private List<Finding> lintAll(List<Path> files, Path base) {
        return files.parallelStream()
                .flatMap(
                        f -> {
                            String display = display(base, f);
                            try {
                                return lintFile(f, display).stream();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } catch (RuntimeException | StackOverflowError e) {
                                // a bug of ours in reading or checking one file costs that file's
                                // findings, not the others'
                                return Stream.of(internalError(display, "the linter", e));
                            }
                        })
                .collect(TreeSet<Finding>::new, Set::add, Set::addAll)
                .stream()
                .toList();
    }

    /**
     * The files a path stands for: a file itself; in a directory, action metadata, dependabot and
     * pre-commit files by name, every YAML file under a {@code workflows/} folder, and elsewhere
     * the YAML files whose top-level mapping has {@code on} or {@code jobs} (so flat output folders
     * such as {@code generated-workflows/<id>/} are linted).
     */
    public static List<Path> expand(Path p) throws IOException {
        return expand(p, null);
    }

    /**
     * As {@link #expand(Path)}; files read to see whether they are workflows are kept in {@code
     * keep} when given.
     */
    private static List<Path> expand(Path p, Map<Path, Read> keep) throws IOException {
        if (!Files.isDirectory(p)) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString(), null, "no such file or directory");
            }
            return List.of(p);
        }
        Path root = p.toAbsolutePath().normalize();
        boolean rootIsWorkflows =
                root.getFileName() != null && root.getFileName().toString().equals("workflows");
        List<Path> out = new ArrayList<>();
        // One walk that never enters .git folders below the root, and knows while descending
        // whether it is inside a
        // workflows/ folder (instead of relativizing every file against the root).
        Files.walkFileTree(
                p,
                new SimpleFileVisitor<>() {
                    private final ArrayDeque<Boolean> inWorkflows = new ArrayDeque<>();

                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                        boolean top = inWorkflows.isEmpty();
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!top && name.equals(".git")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        inWorkflows.push(
                                top
                                        ? rootIsWorkflows
                                        : inWorkflows.peek() || name.equals("workflows"));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw new UncheckedIOException(e);
                        }
                        inWorkflows.pop();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        if (isYaml(f.getFileName().toString())
                                && Files.isRegularFile(f)
                                && (kindOf(f) != Kind.WORKFLOW
                                        || inWorkflows.peek()
                                        || looksLikeWorkflow(f, keep))) {
                            out.add(f);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        out.sort(null);
        return out;
    }

    /** {@code .*\\.ya?ml}: a name ending in .yml or .yaml, without a line break. */
    private static boolean isYaml(String name) {
        return (name.endsWith(".yml") || name.endsWith(".yaml")) && singleLine(name);
    }

    private static boolean singleLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code (.*__)?BASE\\.ya?ml}: {@code BASE.yml} or {@code BASE.yaml}, alone or after {@code
     * __}.
     */
    private static boolean named(String name, String base) {
        for (String ext : new String[] {".yml", ".yaml"}) {
            String file = base + ext;
            if (name.equals(file) || name.endsWith("__" + file) && singleLine(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether linting takes a file with this path and text, as discovery decides for a file of a
     * linted folder: action metadata, dependabot and pre-commit files, YAML under {@code
     * workflows/}, and elsewhere YAML that looks like a workflow. For callers that hold the text
     * already (an editor's buffer).
     */
    public static boolean takes(Path f, String text) {
        if (!isYaml(f.getFileName().toString())) {
            return false;
        }
        if (kindOf(f) != Kind.WORKFLOW) {
            return true;
        }
        for (Path part : f.toAbsolutePath().normalize()) {
            if (part.toString().equals("workflows")) {
                return true;
            }
        }
        return isWorkflow(new YamlLoader().load(text));
    }

    /**
     * GitHub's own test: a workflow is a mapping with {@code on} and {@code jobs}; either one is
     * enough to lint it.
     */
    private static boolean isWorkflow(YamlFile yaml) {
        return yaml.root() instanceof YMap m
                && (m.get("on").isPresent() || m.get("jobs").isPresent());
    }

    private static boolean looksLikeWorkflow(Path f, Map<Path, Read> keep) {
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            YamlFile yaml = new YamlLoader().load(text);
            boolean workflow = isWorkflow(yaml);
            if (workflow && keep != null) {
                keep.put(f, new Read(text, yaml));
            }
            return workflow;
        } catch (IOException | RuntimeException e) {
            // Unreadable files outside workflows/ are not ours to report.
            return false;
        }
    }

    /**
     * Action metadata is {@code action.yml}/{@code action.yaml} (or the corpus' {@code
     * path__action.yml}) outside {@code workflows/}; so are {@code dependabot.yml} and pre-commit's
     * {@code .pre-commit-config.yaml} (zizmor reads both spellings of each).
     */
    public static Kind kindOf(Path f) {
        String name = f.getFileName().toString();
        boolean actionName = named(name, "action");
        boolean inWorkflows = false;
        for (Path part : f.toAbsolutePath().normalize()) {
            inWorkflows |= part.toString().equals("workflows");
        }
        if (named(name, "dependabot") && !inWorkflows) {
            return Kind.DEPENDABOT;
        }
        if (named(name, ".pre-commit-config") && !inWorkflows) {
            return Kind.PRE_COMMIT;
        }
        return actionName && !inWorkflows ? Kind.ACTION : Kind.WORKFLOW;
    }

    private static String display(Path base, Path f) {
        Path abs = f.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) ? b.relativize(abs) : f).toString().replace('\\', '/');
    }

    public List<Finding> lintFile(Path file, String display) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw e; // a path that does not exist is the caller's usage error, reported before
            // linting starts
        } catch (IOException e) {
            // one unreadable file (permissions, an I/O error) is that file's finding; the others
            // are still linted
            String why =
                    e.getMessage() == null || e.getMessage().equals(file.toString())
                            ? e.getClass().getSimpleName()
                            : e.getMessage().replace(file.toString() + ": ", "");
            return List.of(
                    new Finding(
                            display,
                            1,
                            1,
                            "syntax-check",
                            Severity.ERROR,
                            "cannot read the file (" + why + "); make it readable to lint it"));
        }
        Path abs = file.toAbsolutePath().normalize();
        Path root =
                abs.getParent() == null
                        ? null
                        : roots.computeIfAbsent(
                                        abs.getParent(), d -> Optional.ofNullable(projectRoot(abs)))
                                .orElse(null);
        Read read = discovered.remove(file);
        if (read != null) {
            return lint(display, read.text(), read.yaml(), kindOf(file), root, abs);
        }
        // The JDK's own decoder is the fast path; only a file with a replacement character, which
        // is where a bad
        // byte would be, is decoded again strictly to find that byte.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return lintSource(display, text, kindOf(file), root, abs);
        }
        StrictUtf8.Result r = StrictUtf8.decode(bytes);
        if (!r.ok()) {
            // GitHub reads workflow files as UTF-8: a Latin-1 or binary file is one finding at its
            // first bad byte
            return List.of(
                    new Finding(
                            display,
                            r.line(),
                            r.column(),
                            "syntax-check",
                            Severity.ERROR,
                            String.format(
                                    "the file is not valid UTF-8 (byte 0x%02X); GitHub reads workflow files as UTF-8",
                                    r.badByte())));
        }
        return lintSource(display, r.text(), kindOf(file), root, abs);
    }

    /**
     * The repository of a file: the parent of the nearest {@code .github} ancestor, or the nearest
     * folder holding {@code .git} or a {@code .github} folder (actionlint finds its project alike).
     */
    public static Path projectRoot(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".github")) {
                return p.getParent();
            }
            if (Files.exists(p.resolve(".git")) || Files.isDirectory(p.resolve(".github"))) {
                return p;
            }
        }
        return null;
    }

    /** Lints one file's text; the core every entry point uses. */
    public List<Finding> lintSource(String display, String source, Kind kind, Path projectRoot) {
        return lintSource(display, source, kind, projectRoot, null);
    }

    /**
     * As above, for text read from {@code path}, next to which flat output folders keep their local
     * actions.
     */
    public List<Finding> lintSource(
            String display, String source, Kind kind, Path projectRoot, Path path) {
        return lint(display, source, new YamlLoader().load(source), kind, projectRoot, path);
    }

    private List<Finding> lint(
            String display, String source, YamlFile yaml, Kind kind, Path projectRoot, Path path) {
        try {
            return lintChecked(display, source, yaml, kind, projectRoot, path);
        } catch (RuntimeException | StackOverflowError e) {
            // outside any one rule (the schema walk, the workflow model, suppression comments): the
            // file's findings
            // are lost, the other files' are not
            return List.of(internalError(display, "the linter", e));
        }
    }

    private List<Finding> lintChecked(
            String display, String source, YamlFile yaml, Kind kind, Path projectRoot, Path path) {
        YNode root = yaml.root();
        if (path != null) {
            otherFiles.offer(
                    path, root); // a reusable workflow that is linted too is then read once
        }
        SchemaChecker.Result schema = null;
        if (!yaml.fatal() && root != null && (kind == Kind.WORKFLOW || kind == Kind.ACTION)) {
            schema =
                    SchemaChecker.check(
                            kind == Kind.ACTION ? Schema.action() : Schema.workflow(), root);
        }
        LintContext ctx =
                new LintContext(
                        display, kind, projectRoot, path, source, yaml, schema, config, otherFiles);
        Active active = new Active(ctx);
        for (RuleInfo info : rules) {
            LintRule r = info.factory().get();
            r.bind(ctx, info);
            active.add(r, info);
        }
        // The syntax rule reports YAML problems even when nothing else can run.
        for (int i = 0; i < active.size(); i++) {
            try {
                active.rule(i).visitFile(yaml);
            } catch (RuntimeException | StackOverflowError e) {
                active.failed(i, e);
            }
        }
        if (schema != null) {
            if (kind == Kind.ACTION) {
                if (root instanceof YMap m) {
                    LintContext.ActionFile action = new LintContext.ActionFile(m);
                    for (int i = 0; i < active.size(); i++) {
                        try {
                            active.rule(i).visitAction(action);
                        } catch (RuntimeException | StackOverflowError e) {
                            active.failed(i, e);
                        }
                    }
                }
            } else {
                Workflow wf = Workflow.of(root);
                if (wf != null) {
                    visit(wf, active);
                }
            }
        }
        if (active.errors().isEmpty()) {
            return filter(ctx, ctx.findings());
        }
        // a bug of ours is reported whatever the configuration or the file's comments suppress
        TreeSet<Finding> out = new TreeSet<>(filter(ctx, ctx.findings()));
        out.addAll(active.errors());
        return List.copyOf(out);
    }

    /**
     * The id of the finding that stands for a bug of ours while linting a file; a run that has one
     * exits 3.
     */
    public static final String INTERNAL_ERROR = "internal-error";

    /** Whether {@code findings} hold an {@link #INTERNAL_ERROR}. */
    public static boolean hasInternalError(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.rule().equals(INTERNAL_ERROR)) {
                return true;
            }
        }
        return false;
    }

    private static Finding internalError(String display, String who, Throwable e) {
        StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        return new Finding(
                display,
                1,
                1,
                INTERNAL_ERROR,
                Severity.ERROR,
                who
                        + " failed on this file ("
                        + e
                        + (at == null ? "" : " at " + at)
                        + "); the other checks and files were linted. This is a bug in"
                        + " pipewright: please report it with the file");
    }

    /**
     * The rules checking one file. A rule that throws is a bug of ours: it is reported as an {@link
     * #INTERNAL_ERROR} finding naming the rule, and skips the rest of this file (its state is no
     * longer trusted) while the other rules go on.
     */
    private static final class Active {
        private final LintContext ctx;
        private final List<LintRule> rules = new ArrayList<>();
        private final List<RuleInfo> infos = new ArrayList<>();
        private final List<Finding> errors = new ArrayList<>();
        private boolean[] failed = new boolean[0];

        Active(LintContext ctx) {
            this.ctx = ctx;
        }

        void add(LintRule rule, RuleInfo info) {
            rules.add(rule);
            infos.add(info);
            failed = Arrays.copyOf(failed, rules.size());
        }

        int size() {
            return rules.size();
        }

        /** The rule at {@code i}, or a rule that does nothing once it has failed. */
        LintRule rule(int i) {
            return failed[i] ? SILENT : rules.get(i);
        }

        void failed(int i, Throwable e) {
            failed[i] = true;
            errors.add(internalError(ctx.file(), "rule " + infos.get(i).id(), e));
        }

        List<Finding> errors() {
            return errors;
        }

        private static final LintRule SILENT = new LintRule() {};
    }

    // Plain loops, not forEach with lambdas: each capturing lambda is an allocation the start-up
    // compiler does not
    // remove, and this runs for every rule at every step of every file.
    private static void visit(Workflow wf, Active active) {
        int n = active.size();
        for (int i = 0; i < n; i++) {
            try {
                active.rule(i).visitWorkflow(wf);
            } catch (RuntimeException | StackOverflowError e) {
                active.failed(i, e);
            }
        }
        for (Workflow.Job job : wf.jobs()) {
            for (int i = 0; i < n; i++) {
                try {
                    active.rule(i).visitJob(job);
                } catch (RuntimeException | StackOverflowError e) {
                    active.failed(i, e);
                }
            }
            for (Workflow.Step step : job.steps()) {
                for (int i = 0; i < n; i++) {
                    try {
                        active.rule(i).visitStep(step);
                    } catch (RuntimeException | StackOverflowError e) {
                        active.failed(i, e);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                try {
                    active.rule(i).endJob(job);
                } catch (RuntimeException | StackOverflowError e) {
                    active.failed(i, e);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            try {
                active.rule(i).endWorkflow(wf);
            } catch (RuntimeException | StackOverflowError e) {
                active.failed(i, e);
            }
        }
    }

    private List<Finding> filter(LintContext ctx, List<Finding> findings) {
        TreeSet<Finding> out = new TreeSet<>();
        for (Finding f : findings) {
            if (!config.ignored(f) && !inlineIgnored(ctx, f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@code # pipewright-lint ignore=rule[,rule]} (or zizmor's {@code # zizmor: ignore[rule]}) on
     * the finding's line or alone on the line above.
     */
    private static boolean inlineIgnored(LintContext ctx, Finding f) {
        if (ignores(ctx.line(f.line()), f.rule())) {
            return true;
        }
        String above = ctx.line(f.line() - 1);
        return above.strip().startsWith("#") && ignores(above, f.rule());
    }

    private static boolean ignores(String line, String rule) {
        return line.contains("pipewright-lint") && names(IGNORE.matcher(line), rule)
                || line.contains("zizmor") && names(ZIZMOR_IGNORE.matcher(line), rule);
    }

    private static boolean names(Matcher m, String rule) {
        while (m.find()) {
            for (String r : m.group(1).split(",")) {
                if (r.strip().equals(rule) || r.strip().equals("all")) {
                    return true;
                }
            }
        }
        return false;
    }
}
