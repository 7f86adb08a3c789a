package dev.pipewright.lint.audit;

import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.expr.Expr;
import dev.pipewright.lint.expr.Token;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code github.actor == 'dependabot[bot]'} checks who caused the latest event, not who wrote the code: anyone can
 * make Dependabot the actor of a run on their pull request (e.g. by having it rebase), and pass the check. Check the
 * pull request's author ({@code github.event.pull_request.user.login}) instead.
 */
@Rule(id = "bot-conditions", summary = "conditions do not trust a bot by github.actor",
        severity = Severity.WARNING, category = "security")
@Audit(severity = Audit.Level.HIGH, confidence = Audit.Confidence.MEDIUM)
public final class BotConditionsAudit extends AuditRule {
    @Override
    public void visitJob(Workflow.Job job) {
        check(job.body());
    }

    @Override
    public void visitStep(Workflow.Step step) {
        check(step.body());
    }

    private void check(YMap body) {
        body.scalar("if").filter(YScalar::isString).ifPresent(cond -> {
            List<Expr> exprs = new ArrayList<>();
            if (cond.value().contains("${{")) {
                Exprs.spans(cond.value()).stream().filter(s -> s.ast() != null).forEach(s -> exprs.add(s.ast()));
            } else {
                Exprs.parse(cond.value()).ifPresent(exprs::add);
            }
            for (Expr e : exprs) {
                String actor = botCheck(e);
                if (actor != null) {
                    report(cond, "\"" + actor + "\" is whoever caused the latest event, which an outsider can make a bot;"
                            + " check github.event.pull_request.user.login instead");
                    return;
                }
            }
        });
    }

    /** The spoofable context compared with a bot name, or null. */
    static String botCheck(Expr e) {
        // Only a positive test trusts the bot; "!= 'dependabot[bot]'" merely skips work, spoofing it gains nothing.
        if (e instanceof Expr.Binary b && b.op() == Token.Kind.EQ) {
            String l = actor(b.left());
            String r = actor(b.right());
            if (l != null && isBot(b.right())) {
                return l;
            }
            return r != null && isBot(b.left()) ? r : null;
        }
        if (e instanceof Expr.Binary b && (b.op() == Token.Kind.AND || b.op() == Token.Kind.OR)) {
            String l = botCheck(b.left());
            return l != null ? l : botCheck(b.right());
        }
        if (e instanceof Expr.Call c && (c.name().equalsIgnoreCase("contains") || c.name().equalsIgnoreCase("endsWith")
                || c.name().equalsIgnoreCase("startsWith"))) {
            return c.args().size() == 2 && actor(c.args().get(0)) != null && isBot(c.args().get(1)) ? actor(c.args().get(0)) : null;
        }
        return null;
    }

    private static String actor(Expr e) {
        String p = Exprs.path(e);
        return p != null && (p.equals("github.actor") || p.equals("github.triggering_actor")) ? p : null;
    }

    private static boolean isBot(Expr e) {
        return e instanceof Expr.Literal l && l.value() instanceof String s && s.toLowerCase(Locale.ROOT).contains("[bot]");
    }
}
