package dev.pipewright.lint.audit;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.Token;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.rule.Locator;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code github.actor == 'dependabot[bot]'} (or {@code github.triggering_actor}, {@code
 * github.event.pull_request.sender.login}, or {@code github.actor_id == 49699333} and the other
 * known bot ids) checks who caused the latest event, not who wrote the code: anyone can make
 * Dependabot the actor of a run on their pull request (e.g. by having it rebase), and pass the
 * check. Check the pull request's author ({@code github.event.pull_request.user.login}) instead. A
 * conjunction that also requires the author to be the same bot is safe and not reported.
 */
@Rule(
        id = "bot-conditions",
        summary = "conditions do not trust a bot by github.actor",
        severity = Severity.WARNING,
        category = "security")
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
        body.scalar("if")
                .filter(YScalar::isString)
                .ifPresent(
                        cond -> {
                            List<Expr> exprs = new ArrayList<>();
                            List<Integer> bases = new ArrayList<>();
                            if (cond.value().contains("${{")) {
                                Exprs.spans(cond.value()).stream()
                                        .filter(s -> s.ast() != null)
                                        .forEach(
                                                s -> {
                                                    exprs.add(s.ast());
                                                    bases.add(s.start() + 3);
                                                });
                            } else {
                                Exprs.parse(cond.value())
                                        .ifPresent(
                                                e -> {
                                                    exprs.add(e);
                                                    bases.add(0);
                                                });
                            }
                            for (int i = 0; i < exprs.size(); i++) {
                                Hit hit = botCheck(exprs.get(i));
                                if (hit != null) {
                                    report(
                                            Locator.at(
                                                    ctx(), cond, bases.get(i) + start(hit.node())),
                                            "\""
                                                    + hit.actor()
                                                    + "\" is whoever"
                                                    + " caused the latest event, which an outsider can make a bot; check "
                                                    + AUTHOR
                                                    + " instead");
                                    return;
                                }
                            }
                        });
    }

    /**
     * The pull request's author: set when the pull request is opened, so an outsider cannot make it
     * a bot.
     */
    private static final String AUTHOR = "github.event.pull_request.user.login";

    /**
     * A spoofable context tested against a bot: the context, the bot name (or name fragment, when
     * not {@code exact}) and the context's node.
     */
    record Hit(String actor, String bot, boolean exact, Expr node) {}

    /** The first check that trusts a bot by a spoofable context, or null. */
    static Hit botCheck(Expr e) {
        List<Hit> hits = hits(e);
        return hits.isEmpty() ? null : hits.get(0);
    }

    private static List<Hit> hits(Expr e) {
        List<Hit> out = new ArrayList<>();
        // Only a positive test trusts the bot; "!= 'dependabot[bot]'" merely skips work, spoofing
        // it gains nothing.
        if (e instanceof Expr.Binary b && b.op() == Token.Kind.EQ) {
            if (actor(b.left()) != null && trusted(actor(b.left()), b.right()) != null) {
                out.add(
                        new Hit(
                                actor(b.left()),
                                trusted(actor(b.left()), b.right()),
                                true,
                                b.left()));
            } else if (actor(b.right()) != null && trusted(actor(b.right()), b.left()) != null) {
                out.add(
                        new Hit(
                                actor(b.right()),
                                trusted(actor(b.right()), b.left()),
                                true,
                                b.right()));
            }
        } else if (e instanceof Expr.Binary b && b.op() == Token.Kind.OR) {
            out.addAll(hits(b.left()));
            out.addAll(hits(b.right()));
        } else if (e instanceof Expr.Binary b && b.op() == Token.Kind.AND) {
            // A conjunction that also requires the author to be the bot is safe whatever the actor
            // says.
            List<Expr> conjuncts = new ArrayList<>();
            conjuncts(e, conjuncts);
            List<String> authors =
                    conjuncts.stream()
                            .map(BotConditionsAudit::authorBot)
                            .filter(a -> a != null)
                            .toList();
            for (Expr c : conjuncts) {
                hits(c).stream()
                        .filter(
                                h ->
                                        authors.stream()
                                                .noneMatch(
                                                        a ->
                                                                h.exact()
                                                                        ? a.equals(h.bot())
                                                                        : a.contains(h.bot())))
                        .forEach(out::add);
            }
        } else if (e instanceof Expr.Call c
                && (c.name().equalsIgnoreCase("contains")
                        || c.name().equalsIgnoreCase("endsWith")
                        || c.name().equalsIgnoreCase("startsWith"))) {
            if (c.args().size() == 2
                    && actor(c.args().get(0)) != null
                    && ACTOR_NAMES.contains(actor(c.args().get(0)))
                    && bot(c.args().get(1)) != null) {
                out.add(
                        new Hit(
                                actor(c.args().get(0)),
                                bot(c.args().get(1)),
                                false,
                                c.args().get(0)));
            }
        }
        return out;
    }

    private static void conjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == Token.Kind.AND) {
            conjuncts(b.left(), out);
            conjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The bot an {@code author == 'x[bot]'} test requires, lower-cased, or null. */
    private static String authorBot(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == Token.Kind.EQ) {
            if (AUTHOR.equals(Exprs.path(b.left()))) {
                return bot(b.right());
            }
            return AUTHOR.equals(Exprs.path(b.right())) ? bot(b.left()) : null;
        }
        return null;
    }

    /** Offset of the first character of a property chain, in the expression text. */
    private static int start(Expr e) {
        if (e instanceof Expr.Property p) {
            return start(p.receiver());
        }
        if (e instanceof Expr.Index i) {
            return start(i.receiver());
        }
        if (e instanceof Expr.Star s) {
            return start(s.receiver());
        }
        return e.offset();
    }

    /**
     * Contexts naming whoever caused the latest event, which an outsider can make a bot (zizmor's
     * list).
     */
    private static final Set<String> ACTOR_NAMES =
            Set.of(
                    "github.actor",
                    "github.triggering_actor",
                    "github.event.pull_request.sender.login");

    private static final Set<String> ACTOR_IDS =
            Set.of("github.actor_id", "github.event.pull_request.sender.id");

    /**
     * Bots by account id, which have no {@code [bot]} suffix to spot; integration ids are listed
     * too, as people confuse the two (zizmor's list).
     */
    private static final Map<String, String> BOT_IDS =
            Map.of(
                    "29110",
                    "dependabot[bot]",
                    "49699333",
                    "dependabot[bot]",
                    "27856297",
                    "dependabot-preview[bot]",
                    "29139614",
                    "renovate[bot]");

    private static String actor(Expr e) {
        String p = Exprs.path(e);
        return p != null && (ACTOR_NAMES.contains(p) || ACTOR_IDS.contains(p)) ? p : null;
    }

    /**
     * The lower-cased bot name of a literal naming a bot (by name or, next to an id context, by
     * id), or null.
     */
    private static String bot(Expr e) {
        if (e instanceof Expr.Literal l
                && l.value() instanceof String s
                && s.toLowerCase(Locale.ROOT).contains("[bot]")) {
            return s.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** The bot an id literal ({@code 49699333} or {@code '49699333'}) stands for, or null. */
    private static String botId(Expr e) {
        if (e instanceof Expr.Literal l
                && l.value() instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())) {
            return BOT_IDS.get(Long.toString(n.longValue()));
        }
        return e instanceof Expr.Literal l && l.value() instanceof String s
                ? BOT_IDS.get(s.strip())
                : null;
    }

    /**
     * The bot a context-to-literal comparison trusts: a name for name contexts, an id for id
     * contexts.
     */
    private static String trusted(String actor, Expr literal) {
        return ACTOR_IDS.contains(actor) ? botId(literal) : bot(literal);
    }
}
