package dev.pipewright.lint.audit;

import dev.pipewright.lint.LintContext;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;

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
                        () -> check(image, image.value(), what, false));
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
