package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code actions/checkout} writes the token into {@code .git/config} unless {@code persist-credentials: false}; a job
 * that then uploads an artifact that can contain that {@code .git} publishes it, and untrusted code in a job on a
 * privileged trigger can read it.
 */
@Rule(id = "artipacked", summary = "checkout does not persist the token in jobs that upload artifacts or run untrusted code",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.MEDIUM, fixable = true)
public final class ArtipackedAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        String reason = reason(job.steps(), privileged(), ctx()::line);
        if (reason == null) {
            return;
        }
        for (Workflow.Step s : persisting(job.steps())) {
            report(s.uses().orElseThrow(), "checkout keeps the token in .git/config in a job that " + reason
                    + "; add \"persist-credentials: false\" under with:", persistCredentialsOff(s));
        }
    }

    /**
     * The fix: {@code persist-credentials: false} as the first key of the step's block {@code with:}, or a new
     * {@code with:} after a one-line {@code uses:}; none for a flow or empty {@code with:}.
     */
    private Fix persistCredentialsOff(Workflow.Step s) {
        YScalar uses = s.uses().orElseThrow();
        LineOffsets src = ctx().offsets();
        String nl = src.newline();
        String description = "added \"persist-credentials: false\" to " + uses.value();
        YNode with = s.body().get("with").orElse(null);
        if (with == null) {
            if (uses.pos().line() != uses.end().line()) {
                return null;
            }
            int indent = s.body().entries().get(0).key().pos().col() - 1;
            int at = src.offset(uses.pos().line() + 1, 1);
            return Fix.of(TextEdit.insert(at, " ".repeat(indent) + "with:" + nl + " ".repeat(indent + 2)
                    + "persist-credentials: false" + nl), description);
        }
        if (with instanceof YMap m && !m.entries().isEmpty() && m.get("persist-credentials").isEmpty()) {
            Pos first = m.entries().get(0).key().pos();
            if (first.line() == s.body().entry("with").orElseThrow().key().pos().line()) {
                return null; // flow mapping
            }
            int at = src.offset(first.line(), 1);
            return Fix.of(TextEdit.insert(at, " ".repeat(first.col() - 1) + "persist-credentials: false" + nl), description);
        }
        return null;
    }

    /** Why persisted credentials matter in these steps, or null when they do not; {@code line} gives source lines. */
    public static String reason(List<Workflow.Step> steps, boolean privileged, IntFunction<String> line) {
        if (privileged) {
            return "runs on a privileged trigger";
        }
        List<String> dirs = persisting(steps).stream().map(s -> s.body().map("with").flatMap(w -> w.scalar("path"))
                .map(p -> normalize(p.value())).orElse("")).toList();
        if (dirs.isEmpty()) {
            return null;
        }
        for (Workflow.Step s : steps) {
            Optional<Uses> u = s.uses().flatMap(x -> Uses.parse(x.value()));
            // upload-pages-artifact tars its directory with --exclude=.git, so only upload-artifact can publish .git.
            if (u.isPresent() && u.get().is("actions/upload-artifact") && exposesGit(s, u.get(), dirs, line)) {
                return "uploads artifacts";
            }
        }
        return null;
    }

    /**
     * True when the upload's {@code path} can include a checkout's {@code .git}: the workspace or a checkout directory
     * (or a parent of one), at any version. zizmor flags such uploads even on v4.4.0+, which skips hidden files: kept,
     * because one {@code include-hidden-files: true} or a downgrade away the token ships, and such a path publishes
     * everything else in the checkout. Hidden files on (the input, or a release before v4.4.0) count with any path, as
     * we do not expand globs or know what the build copies where.
     */
    private static boolean exposesGit(Workflow.Step upload, Uses u, List<String> dirs, IntFunction<String> line) {
        Optional<YMap> with = upload.body().map("with");
        if (with.flatMap(w -> w.scalar("include-hidden-files")).map(h -> h.value().equalsIgnoreCase("true")).orElse(false)
                || hiddenFilesByDefault(upload, u, line)) {
            return true;
        }
        String paths = with.flatMap(w -> w.scalar("path")).map(YScalar::value).orElse("");
        for (String raw : paths.split("\n")) {
            String p = raw.strip();
            if (p.isEmpty() || p.startsWith("!")) {
                continue;
            }
            p = normalize(p);
            if (p.isEmpty() || p.equals("*") || p.equals("**") || p.startsWith("..") || p.startsWith("**/*")
                    || p.matches("(.*/)?\\.git(/.*)?")) {
                return true;
            }
            for (String d : dirs) {
                if (d.equals(p) || d.startsWith(p + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)*");
    private static final Pattern COMMENT = Pattern.compile("#\\s*(?:tag\\s*[:=]\\s*)?(v?\\d+(?:\\.\\d+)*)");

    /**
     * True for {@code actions/upload-artifact} before v4.4.0, which uploaded hidden files. The version comes from the
     * ref or, for a SHA pin, its {@code # vX.Y.Z} comment; a bare {@code v4} is the latest v4, and an unknown version
     * (a branch, a SHA without comment) counts as current.
     */
    private static boolean hiddenFilesByDefault(Workflow.Step upload, Uses u, IntFunction<String> line) {
        String version = u.ref();
        if (u.pinned()) {
            YScalar uses = upload.uses().orElseThrow();
            String src = line.apply(uses.end().line());
            Matcher c = COMMENT.matcher(src.substring(Math.min(Math.max(uses.end().col() - 1, 0), src.length())));
            if (!c.find()) {
                return false;
            }
            version = c.group(1);
        }
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major < 4 || major == 4 && m.group(2) != null && Integer.parseInt(m.group(2)) < 4;
    }

    /** A path relative to the workspace, without {@code ./}, trailing slashes or a workspace prefix; "" for the root. */
    private static String normalize(String path) {
        String p = path.strip().replaceFirst("^(\\$\\{\\{\\s*github\\.workspace\\s*}}|\\$\\{?GITHUB_WORKSPACE}?)/?", "./");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        p = p.replaceAll("/+$", "");
        return p.equals(".") ? "" : p;
    }

    /** Checkout steps without {@code persist-credentials: false}. */
    public static List<Workflow.Step> persisting(List<Workflow.Step> steps) {
        List<Workflow.Step> out = new ArrayList<>();
        for (Workflow.Step s : steps) {
            boolean checkout = s.uses().flatMap(u -> Uses.parse(u.value())).map(u -> u.is("actions/checkout")).orElse(false);
            boolean off = s.body().map("with").flatMap(w -> w.scalar("persist-credentials"))
                    .map(p -> p.value().equalsIgnoreCase("false")).orElse(false);
            if (checkout && !off) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean hasWith(YMap step) {
        return step.get("with").filter(YScalar.class::isInstance).isEmpty();
    }
}
