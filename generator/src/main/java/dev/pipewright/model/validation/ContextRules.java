package dev.pipewright.model.validation;

import dev.pipewright.github.ContextAvailability;
import dev.pipewright.model.CallJob;
import dev.pipewright.model.Job;
import dev.pipewright.model.NormalJob;
import dev.pipewright.model.Step;
import dev.pipewright.model.Workflow;
import dev.pipewright.model.expr.ContextReference;
import dev.pipewright.model.expr.ExpressionParser;
import dev.pipewright.model.expr.ExpressionScanner;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every context an expression uses must be available at its key; {@code needs.X} must name a job
 * this job lists in {@code needs}; {@code steps.X} must name an earlier step of the same job.
 */
final class ContextRules implements WorkflowRule {
    @Override
    public void check(Workflow w, Where where, Problems problems) {
        for (ExpressionSite site : ExpressionSites.of(w, where)) {
            List<ContextReference> refs;
            try {
                refs =
                        site.condition()
                                ? ExpressionScanner.inCondition(site.text())
                                : ExpressionScanner.inTemplate(site.text());
                parseAll(site);
            } catch (IllegalArgumentException e) {
                problems.add(
                        site.where(),
                        "malformed expression: "
                                + e.getMessage()
                                + "; GitHub rejects the workflow, fix the expression");
                continue;
            }
            for (ContextReference ref : refs) {
                checkReference(site, ref, problems);
            }
        }
    }

    /** Parses every expression of the site, as GitHub does before it runs anything. */
    private static void parseAll(ExpressionSite site) {
        List<String> expressions = ExpressionScanner.expressions(site.text());
        if (site.condition() && expressions.isEmpty() && !site.text().isBlank()) {
            ExpressionParser.parse(site.text());
        }
        expressions.forEach(ExpressionParser::parse);
    }

    private static void checkReference(
            ExpressionSite site, ContextReference ref, Problems problems) {
        String ctx = ref.context();
        if (!isContext(ctx)) {
            return; // an unknown name is GitHub's parse error, reported by the linter with
            // positions
        }
        if (!site.availability().allows(ctx)) {
            problems.add(site.where(), unavailable(ctx, site));
            return;
        }
        Job job = site.job();
        if (ctx.equals("needs")
                && job != null
                && ref.property() != null
                && job.needs().stream().noneMatch(n -> n.equalsIgnoreCase(ref.property()))) {
            problems.add(
                    site.where(),
                    "needs."
                            + ref.property()
                            + " is used but job "
                            + job.id()
                            + " does not list '"
                            + ref.property()
                            + "' in needs; add it to needs (the needs context holds "
                            + "only direct dependencies)");
        }
        if (ctx.equals("steps") && job != null && ref.property() != null) {
            job.accept(
                    new Job.Visitor<Void>() {
                        @Override
                        public Void visit(NormalJob n) {
                            checkStepReference(site, ref, n, problems);
                            return null;
                        }

                        // no key of a call job has the steps context; the availability check above
                        // reports it
                        @Override
                        public Void visit(CallJob c) {
                            return null;
                        }
                    });
        }
    }

    private static void checkStepReference(
            ExpressionSite site, ContextReference ref, NormalJob job, Problems problems) {
        int limit = site.stepIndex() < 0 ? job.steps().size() : site.stepIndex();
        boolean earlier =
                JobSteps.flatten(job.steps().subList(0, limit)).stream()
                        .map(Step::id)
                        .anyMatch(id -> id != null && id.equalsIgnoreCase(ref.property()));
        if (!earlier) {
            problems.add(
                    site.where(),
                    "steps."
                            + ref.property()
                            + " refers to no "
                            + (site.stepIndex() < 0 ? "" : "earlier ")
                            + "step of job "
                            + job.id()
                            + "; give that step the id '"
                            + ref.property()
                            + "' and place it before this use");
        }
    }

    private static String unavailable(String ctx, ExpressionSite site) {
        Set<String> allowed = new TreeSet<>(site.availability().contexts());
        String fix =
                ctx.equals("secrets") && site.condition()
                        ? "GitHub rejects secrets in conditions; map the secret to an env variable "
                                + "(env: HAS_TOKEN: ${{ secrets.TOKEN != '' }}) and test env.HAS_TOKEN in a step's if"
                        : "use one of " + allowed;
        return "the " + ctx + " context is not available in " + place(site) + "; " + fix;
    }

    private static String place(ExpressionSite site) {
        return site.availability() == Availability.JOB_MATRIX
                ? site.key()
                : site.availability().place();
    }

    private static boolean isContext(String name) {
        return ContextAvailability.CONTEXTS.contains(name.toLowerCase(Locale.ROOT));
    }
}
