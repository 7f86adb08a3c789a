package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.Token;
import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Container images of jobs, services, {@code uses: docker://} steps and docker actions: {@code
 * :latest} or no tag at all runs whatever was pushed last. A job container or service with a
 * version tag but no {@code @sha256:} digest is reported only to the pedantic and auditor personas
 * ({@code --persona}), as zizmor does. The image of a docker action ({@code runs.image:
 * docker://…}) or of a {@code uses: docker://} step is code run with the job's token and workspace,
 * like {@code uses: owner/repo@ref}, which unpinned-uses wants pinned by hash: there a mutable tag
 * is always reported. A {@code Dockerfile} image is built from the action's own commit and is not
 * an image reference. A job image that names a matrix value ({@code container: ${{ matrix.image
 * }}}) is checked for each value the matrix gives it.
 */
@Rule(
        id = "unpinned-images",
        summary = "container images are pinned to a version, ideally to a sha256 digest",
        severity = Severity.ERROR,
        category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.HIGH)
public final class UnpinnedImagesAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        job.body()
                .get("container")
                .ifPresent(
                        c -> {
                            if (c instanceof YScalar s) {
                                checkJob(job, s, "the job container");
                            } else if (c instanceof YMap m) {
                                m.scalar("image")
                                        .ifPresent(s -> checkJob(job, s, "the job container"));
                            }
                        });
        job.body()
                .map("services")
                .ifPresent(
                        svc ->
                                svc.entries()
                                        .forEach(
                                                e -> {
                                                    // A string value is the image, like a string
                                                    // container:.
                                                    if (e.value() instanceof YScalar s) {
                                                        checkJob(
                                                                job,
                                                                s,
                                                                "service \""
                                                                        + e.key().value()
                                                                        + "\"");
                                                    } else if (e.value() instanceof YMap m) {
                                                        m.scalar("image")
                                                                .ifPresent(
                                                                        s ->
                                                                                checkJob(
                                                                                        job,
                                                                                        s,
                                                                                        "service \""
                                                                                                + e.key()
                                                                                                        .value()
                                                                                                + "\""));
                                                    }
                                                }));
    }

    /**
     * A job container or service image, through the job's matrix when it names a matrix value (as
     * zizmor).
     */
    private void checkJob(Workflow.Job job, YScalar image, String what) {
        MatrixValues.expand(job.body(), image)
                .ifPresentOrElse(
                        values ->
                                values.forEach(
                                        v -> check(image, v, what + " (from the matrix)", false)),
                        () -> {
                            check(image, image.value(), what, false);
                            checkExpression(image, what);
                        });
    }

    /**
     * An image an expression chooses ({@code ${{ inputs.redis && 'redis:7' || '' }}}), as zizmor
     * reads it: each value the expression can result in, a string literal checked as an image, and,
     * for the pedantic persona, a context or function whose value no one can check here.
     */
    private void checkExpression(YScalar image, String what) {
        if (!image.isString()) {
            return;
        }
        for (Exprs.Span span : Exprs.spans(image.value())) {
            if (span.ast() == null) {
                continue;
            }
            int at = span.start() + span.whole(image.value()).indexOf(span.text());
            for (Expr leaf : results(span.ast())) {
                Pos pos = Locator.at(ctx(), image, at + leaf.offset());
                if (leaf instanceof Expr.Literal l) {
                    String ref = String.valueOf(l.value()).strip();
                    if (!ref.isEmpty() && !ref.contains("@sha256:")) {
                        String tag = tag(ref);
                        report(
                                tag == null || tag.equals("latest")
                                        ? Persona.REGULAR
                                        : Persona.PEDANTIC,
                                pos,
                                Severity.ERROR,
                                "the image \""
                                        + ref
                                        + "\" the expression may give "
                                        + what
                                        + (tag == null
                                                ? " has no tag"
                                                : tag.equals("latest")
                                                        ? " is pinned to \"latest\""
                                                        : " has a tag but no digest")
                                        + "; pin it by digest ("
                                        + (tag == null || tag.equals("latest")
                                                ? ref.replaceFirst(":latest$", "") + ":1.2.3"
                                                : ref)
                                        + "@sha256:…)");
                    }
                } else {
                    report(
                            Persona.PEDANTIC,
                            pos,
                            Severity.ERROR,
                            "the image of "
                                    + what
                                    + " comes from \""
                                    + span.text().strip()
                                    + "\", which may name an image without a digest; pin the image it gives"
                                    + " by digest (image:1.2.3@sha256:…)");
                }
            }
        }
    }

    /**
     * The parts of an expression whose value it can result in: both sides of {@code &&} and {@code
     * ||}; comparisons and {@code !} give booleans, never an image. String literals and values read
     * from contexts or functions are results; other literals are not.
     */
    private static List<Expr> results(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Binary b) {
            if (b.op() == Token.Kind.OR) {
                out.addAll(results(b.left()));
            }
            if (b.op() == Token.Kind.AND || b.op() == Token.Kind.OR) {
                out.addAll(results(b.right()));
            }
        } else if (e instanceof Expr.Literal l) {
            if (l.value() instanceof String) {
                out.add(l);
            }
        } else if (!(e instanceof Expr.Not)) {
            out.add(e);
        }
        return out;
    }

    /** The tag of an image reference, null when it has none. */
    private static String tag(String ref) {
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? null : last.substring(colon + 1);
    }

    @Override
    public void visitStep(Workflow.Step step) {
        step.uses()
                .filter(u -> u.value().startsWith("docker://"))
                .ifPresent(u -> check(u, "the step", true));
    }

    @Override
    public void visitAction(LintContext.ActionFile action) {
        action.root()
                .map("runs")
                .flatMap(r -> r.scalar("image"))
                .filter(i -> i.value().startsWith("docker://"))
                .ifPresent(i -> check(i, "the action", true));
        compositeSteps(action)
                .forEach(
                        s ->
                                s.scalar("uses")
                                        .filter(u -> u.value().startsWith("docker://"))
                                        .ifPresent(u -> check(u, "the step", true)));
    }

    private void check(YScalar image, String what, boolean runsCode) {
        check(image, image.value(), what, runsCode);
    }

    /**
     * Checks the image reference {@code value}, which {@code image} holds or expands to, reporting
     * at {@code image}.
     */
    private void check(YScalar image, String value, String what, boolean runsCode) {
        String ref = value.strip().replaceFirst("^docker://", "");
        if (!image.isString() || ref.isEmpty() || ref.contains("${{") || ref.contains("@sha256:")) {
            return;
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String tag = colon < 0 ? null : last.substring(colon + 1);
        if (tag == null) {
            report(
                    image,
                    "the image \""
                            + ref
                            + "\" of "
                            + what
                            + " has no tag, so it runs whatever \"latest\" is when the"
                            + " job starts; pin a version and its digest ("
                            + ref
                            + ":1.2.3@sha256:…)");
        } else if (tag.equals("latest")) {
            report(
                    image,
                    "the image \""
                            + ref
                            + "\" of "
                            + what
                            + " is pinned to \"latest\"; pin a version and its digest");
        } else if (runsCode) {
            report(
                    image,
                    "the image \""
                            + ref
                            + "\" of "
                            + what
                            + " is referenced by the tag \""
                            + tag
                            + "\", which can be"
                            + " re-pushed to run other code; pin it by digest ("
                            + ref
                            + "@sha256:…)");
        } else {
            report(
                    Persona.PEDANTIC,
                    image,
                    "the image \""
                            + ref
                            + "\" of "
                            + what
                            + " has a tag but no digest, and tags can be re-pushed;"
                            + " add \"@sha256:…\"");
        }
    }
}
