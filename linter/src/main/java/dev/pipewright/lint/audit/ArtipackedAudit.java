package dev.pipewright.lint.audit;

import dev.pipewright.github.Uses;
import dev.pipewright.github.yaml.LineOffsets;
import dev.pipewright.github.yaml.TextEdit;
import dev.pipewright.lint.Fix;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import java.util.List;
import java.util.Optional;

/**
 * {@code actions/checkout} persists the token on disk unless {@code persist-credentials: false}: in
 * {@code .git/config} before v6, under {@code $RUNNER_TEMP} from v6 on. Every later step of the job
 * can read it, and an artifact that holds the checkout's {@code .git} publishes it. As zizmor:
 * every such checkout is a finding (medium, low from v6), high when a later upload can contain the
 * checkout; an explicit {@code persist-credentials: true} states intent and shows only to the
 * auditor persona, an expression (or a {@code with:} that is one) to the pedantic persona.
 */
@Rule(
        id = "artipacked",
        summary = "checkout does not persist the token unless a later step needs it",
        severity = Severity.WARNING,
        category = "security")
@Audit(severity = Audit.Level.MEDIUM, confidence = Audit.Confidence.MEDIUM, fixable = true)
public final class ArtipackedAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        check(job.steps().stream().map(Workflow.Step::body).toList(), true);
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        check(compositeSteps(action), false);
    }

    /**
     * Reports the checkouts of one job (or composite action). In a workflow job where some
     * checkout's token can leak through a later upload, the checkouts without the input propose
     * {@code persist-credentials: false}; elsewhere a later step may push with the token, so the
     * fix is left to the author.
     */
    private void check(List<YMap> steps, boolean fixable) {
        // Each checkout's first later upload that can publish it, whatever the checkout's own
        // inputs say.
        Integer[] uploads = new Integer[steps.size()];
        boolean anyLeak = false;
        for (int i = 0; i < steps.size(); i++) {
            YMap step = steps.get(i);
            if (step.scalar("uses").map(u -> isCheckout(u.value())).orElse(false)) {
                uploads[i] = upload(steps.subList(i + 1, steps.size()), directory(step), ctx());
                anyLeak |= uploads[i] != null;
            }
        }
        boolean proposeFix = fixable && anyLeak;
        for (int i = 0; i < steps.size(); i++) {
            YMap step = steps.get(i);
            Optional<YScalar> uses = step.scalar("uses").filter(u -> isCheckout(u.value()));
            if (uses.isEmpty()) {
                continue;
            }
            YNode with = step.get("with").orElse(null);
            if (with instanceof YScalar w && w.isString() && w.value().contains("${{")) {
                report(
                        Persona.PEDANTIC,
                        w.pos(),
                        Severity.NOTE,
                        "checkout's with: is an expression, so it may not set"
                                + " \"persist-credentials: false\"; write the inputs out and set it");
                continue;
            }
            Persona who = persona(step);
            if (who == null) {
                continue;
            }
            boolean v6 = v6OrLater(uses.get(), ctx());
            Integer upload = uploads[i];
            String where =
                    v6
                            ? "under $RUNNER_TEMP, where every later step of the job can read it"
                            : "in .git/config, where every later step of the job can read it";
            String leak =
                    upload == null
                            ? ""
                            : ", and the upload-artifact step at line "
                                    + upload
                                    + (v6 ? " uploads the checkout" : " can publish it");
            // zizmor: medium, high with a leaking upload; one step lower from v6, which keeps the
            // token out of the tree.
            Severity severity =
                    upload == null
                            ? (v6 ? Severity.NOTE : Severity.WARNING)
                            : v6 ? Severity.WARNING : Severity.ERROR;
            Fix fix =
                    proposeFix
                                    && step.map("with")
                                            .flatMap(w -> w.get("persist-credentials"))
                                            .isEmpty()
                            ? persistCredentialsOff(step, uses.get())
                            : null;
            report(
                    who,
                    uses.get().pos(),
                    severity,
                    "checkout keeps the token "
                            + where
                            + leak
                            + "; add \"persist-credentials: false\" under with: unless a later step pushes with it",
                    fix);
        }
    }

    private static boolean isCheckout(String uses) {
        return Uses.parse(uses).map(u -> u.is("actions/checkout")).orElse(false);
    }

    /**
     * Who sees a checkout: regular without {@code persist-credentials}, pedantic for an expression,
     * auditor for an explicit {@code true} (the author meant it); null for {@code false}.
     */
    private static Persona persona(YMap step) {
        Optional<YScalar> p = step.map("with").flatMap(w -> w.scalar("persist-credentials"));
        if (p.isEmpty()) {
            return Persona.REGULAR;
        }
        String v = p.get().value().strip();
        if (v.equalsIgnoreCase("false")) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return Persona.AUDITOR;
        }
        return v.contains("${{") ? Persona.PEDANTIC : Persona.REGULAR;
    }

    /**
     * The line of the first {@code actions/upload-artifact} among {@code later} steps whose upload
     * can contain the checkout at {@code dir}, or null.
     */
    private static Integer upload(List<YMap> later, String dir, LintContext ctx) {
        for (YMap s : later) {
            Optional<YScalar> u = s.scalar("uses");
            Optional<Uses> parsed = u.flatMap(x -> Uses.parse(x.value()));
            // upload-pages-artifact tars its directory with --exclude=.git, so only upload-artifact
            // can publish .git.
            if (parsed.isPresent()
                    && parsed.get().is("actions/upload-artifact")
                    && exposesGit(s, u.get(), parsed.get(), dir, ctx)) {
                return u.get().pos().line();
            }
        }
        return null;
    }

    /**
     * True when the upload's {@code path} can include the checkout's {@code .git}: the workspace,
     * the checkout directory or a parent of it, at any version (zizmor's {@code .}, {@code ./},
     * {@code ..} and {@code github.workspace}). upload-artifact v4.4.0+ skips hidden files, yet
     * such a path is one {@code include-hidden-files: true} or a downgrade away from shipping the
     * token, and publishes the rest of the checkout. Hidden files on (the input, or a release
     * before v4.4.0) count with any path, as we do not expand globs or know what the build copies
     * where.
     */
    private static boolean exposesGit(
            YMap upload, YScalar uses, Uses u, String dir, LintContext ctx) {
        Optional<YMap> with = upload.map("with");
        if (with.flatMap(w -> w.scalar("include-hidden-files"))
                        .map(h -> h.value().equalsIgnoreCase("true"))
                        .orElse(false)
                || hiddenFilesByDefault(uses, u, ctx)) {
            return true;
        }
        String paths = with.flatMap(w -> w.scalar("path")).map(YScalar::value).orElse("");
        for (String raw : paths.split("\n")) {
            String p = raw.strip();
            if (p.isEmpty() || p.startsWith("!")) {
                continue;
            }
            p = normalize(p);
            if (p.isEmpty()
                    || p.equals("*")
                    || p.equals("**")
                    || p.startsWith("..")
                    || p.startsWith("**/*")
                    || p.matches("(.*/)?\\.git(/.*)?")
                    || dir.equals(p)
                    || dir.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code actions/upload-artifact} before v4.4.0, which uploaded hidden files. */
    private static boolean hiddenFilesByDefault(YScalar uses, Uses u, LintContext ctx) {
        int[] v = version(uses, u, ctx);
        return v != null && (v[0] < 4 || v[0] == 4 && v[1] >= 0 && v[1] < 4);
    }

    /**
     * True for checkout v6 or later, which keeps the token under {@code $RUNNER_TEMP} instead of
     * .git/config.
     */
    private static boolean v6OrLater(YScalar uses, LintContext ctx) {
        int[] v = Uses.parse(uses.value()).map(u -> version(uses, u, ctx)).orElse(null);
        return v != null && v[0] >= 6;
    }

    /**
     * The {@code [major, minor]} of the release a reference runs ({@link UsesRelease}; minor -1
     * when only the major line is known). Null when unknown (a branch, a SHA neither the lock nor a
     * comment names), which zizmor offline treats as before v6.
     */
    private static int[] version(YScalar uses, Uses u, LintContext ctx) {
        return UsesRelease.of(ctx, uses, u)
                .map(
                        r ->
                                new int[] {
                                    r.version().major(),
                                    r.version().parts() > 1 ? r.version().minor() : -1
                                })
                .orElse(null);
    }

    /** The checkout's directory relative to the workspace ("" for the workspace itself). */
    private static String directory(YMap checkout) {
        return checkout.map("with")
                .flatMap(w -> w.scalar("path"))
                .map(p -> normalize(p.value()))
                .orElse("");
    }

    /**
     * A path relative to the workspace, without {@code ./}, trailing slashes or a workspace prefix;
     * "" for the root.
     */
    private static String normalize(String path) {
        String p =
                path.strip()
                        .replaceFirst(
                                "^(\\$\\{\\{\\s*github\\.workspace\\s*}}|\\$\\{?GITHUB_WORKSPACE}?)/?",
                                "./");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        p = p.replaceAll("/+$", "");
        return p.equals(".") ? "" : p;
    }

    /**
     * The fix: {@code persist-credentials: false} as the first key of the step's block {@code
     * with:}, or a new {@code with:} after a one-line {@code uses:}; none for a flow or empty
     * {@code with:}.
     */
    private Fix persistCredentialsOff(YMap step, YScalar uses) {
        LineOffsets src = ctx().offsets();
        String nl = src.newline();
        String description = "added \"persist-credentials: false\" to " + uses.value();
        YNode with = step.get("with").orElse(null);
        if (with == null) {
            if (uses.pos().line() != uses.end().line()) {
                return null;
            }
            int indent = step.entries().get(0).key().pos().col() - 1;
            int at = src.offset(uses.pos().line() + 1, 1);
            return Fix.of(
                    TextEdit.insert(
                            at,
                            " ".repeat(indent)
                                    + "with:"
                                    + nl
                                    + " ".repeat(indent + 2)
                                    + "persist-credentials: false"
                                    + nl),
                    description);
        }
        if (with instanceof YMap m && !m.entries().isEmpty()) {
            Pos first = m.entries().get(0).key().pos();
            if (first.line() == step.entry("with").orElseThrow().key().pos().line()) {
                return null; // flow mapping
            }
            int at = src.offset(first.line(), 1);
            return Fix.of(
                    TextEdit.insert(
                            at, " ".repeat(first.col() - 1) + "persist-credentials: false" + nl),
                    description);
        }
        return null;
    }
}
