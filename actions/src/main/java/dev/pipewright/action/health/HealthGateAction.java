package dev.pipewright.action.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.retry.Backoff;
import dev.pipewright.action.retry.Durations;
import dev.pipewright.action.retry.Ticker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code health-gate} action: probes a URL or runs a command until it is healthy, with
 * exponential backoff and ±20 % jitter, up to an overall timeout; unhealthy exits 1 so the deploy
 * job can roll back.
 */
public final class HealthGateAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "health-gate",
                    "Pipewright health gate",
                    "Wait until a deployment is healthy: probe an HTTP(S) URL (status, body, JSON field) or a command's exit "
                            + "code with exponential backoff and jitter until success or the timeout.",
                    "Pipewright",
                    List.of(
                            InputSpec.of("url", "HTTP(S) URL to GET; give url or command.")
                                    .withExample("https://staging.example.com/healthz"),
                            InputSpec.of(
                                    "command",
                                    "Shell command (sh -c) that exits 0 when healthy; give url or command."),
                            InputSpec.of(
                                            "expect-status",
                                            "Healthy status codes: list and ranges, e.g. 200,204 or 200-299.")
                                    .withDefault("200"),
                            InputSpec.of(
                                    "body-regex",
                                    "Regular expression the response body must contain a match of."),
                            InputSpec.of(
                                    "json-field",
                                    "'field=value' the JSON body must have; field is a JSON pointer "
                                            + "(/status) or a dotted path (status.db)."),
                            InputSpec.of("header", "Request headers, one 'Name: value' per line.")
                                    .multipleValues(),
                            InputSpec.of(
                                            "insecure",
                                            "Do not verify the server's TLS certificate chain (self-signed staging).")
                                    .withDefault("false"),
                            InputSpec.of("timeout", "Give up after this long (e.g. 60s, 5m).")
                                    .withDefault("60s"),
                            InputSpec.of(
                                            "interval",
                                            "Delay after the first failed attempt; it grows by 'factor'.")
                                    .withDefault("2s"),
                            InputSpec.of(
                                            "max-interval",
                                            "Longest delay between attempts (before jitter).")
                                    .withDefault("30s"),
                            InputSpec.of("factor", "Growth of the delay per attempt.")
                                    .withDefault("2"),
                            InputSpec.of("attempt-timeout", "Longest single attempt.")
                                    .withDefault("10s"),
                            InputSpec.of(
                                    "output-dir",
                                    "Directory for health-report.json (default: $RUNNER_TEMP/health-gate on "
                                            + "a runner; elsewhere none is written).")),
                    List.of(
                            new OutputSpec("healthy", "true or false."),
                            new OutputSpec("attempts", "Number of attempts made."),
                            new OutputSpec(
                                    "elapsed",
                                    "Seconds from the first attempt to the verdict (decimal)."),
                            new OutputSpec(
                                    "report",
                                    "Path of health-report.json: every attempt with its time and result "
                                            + "(empty if none was written).")),
                    new Branding("activity", "green"));

    /** The jitter the issue asks for: every delay is scaled by a factor in [0.8, 1.2]. */
    static final double JITTER = 0.2;

    private final Ticker ticker;
    private final Random random;

    public HealthGateAction() {
        this(Ticker.system(), new Random());
    }

    HealthGateAction(Ticker ticker, Random random) {
        this.ticker = ticker;
        this.random = random;
    }

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("the service did not become healthy (gate failed)");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Optional<String> url = in.optional("url");
        Optional<String> command = in.optional("command");
        if (url.isPresent() == command.isPresent()) {
            throw InputException.forInput("url", "give exactly one of url and command");
        }
        Duration timeout = Durations.parse("timeout", in.string("timeout"));
        Duration interval = Durations.parse("interval", in.string("interval"));
        Duration max = Durations.parse("max-interval", in.string("max-interval"));
        Duration attemptTimeout = Durations.parse("attempt-timeout", in.string("attempt-timeout"));
        double factor;
        try {
            factor = Double.parseDouble(in.string("factor"));
        } catch (NumberFormatException e) {
            throw InputException.forInput(
                    "factor",
                    "expected a number such as 2 or 1.5, got '" + in.string("factor") + "'");
        }
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw InputException.forInput(
                    "factor",
                    "must be at least 1 (1 keeps the delay constant), got '"
                            + in.string("factor")
                            + "'");
        }
        Backoff backoff;
        try {
            backoff = new Backoff(interval, factor, max, JITTER);
        } catch (IllegalArgumentException e) {
            // Name the input the message is about: the backoff checks interval and max-interval
            // together.
            String input = e.getMessage().startsWith("max interval") ? "max-interval" : "interval";
            throw InputException.forInput(input, e.getMessage());
        }
        if (timeout.isZero() || timeout.isNegative() || attemptTimeout.isZero()) {
            throw InputException.forInput(
                    "timeout", "timeout and attempt-timeout must be positive");
        }
        Probe probe =
                url.isPresent()
                        ? httpProbe(in, url.get())
                        : new CommandProbe(command.get(), ctx.workspace().root());

        ctx.log("probing " + probe.target() + " for up to " + Durations.format(timeout));
        // each attempt is logged as it ends: a gate that waits minutes must show why while it waits
        HealthLoop.Report r =
                new HealthLoop(ticker, backoff, timeout, attemptTimeout, random)
                        .run(
                                probe,
                                e ->
                                        ctx.log(
                                                "attempt "
                                                        + e.attempt()
                                                        + " at "
                                                        + Durations.format(e.at())
                                                        + ": "
                                                        + e.detail()));
        Optional<Path> report = outputDir(ctx).map(d -> d.resolve("health-report.json"));
        if (report.isPresent()) {
            ctx.writeFile("output-dir", report.get(), json(probe, r));
        }
        String elapsed = seconds(r.elapsed());
        ctx.setOutput("healthy", String.valueOf(r.healthy()));
        ctx.setOutput("attempts", String.valueOf(r.attempts()));
        ctx.setOutput("elapsed", elapsed);
        ctx.setOutput("report", report.map(Path::toString).orElse(""));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("healthy", r.healthy());
        model.put("target", probe.target());
        model.put("attempts", r.attempts());
        model.put("elapsed", Durations.format(r.elapsed()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HealthLoop.Entry e : r.entries()) {
            rows.add(
                    Map.of(
                            "n",
                            e.attempt(),
                            "at",
                            Durations.format(e.at()),
                            "healthy",
                            e.healthy(),
                            "detail",
                            e.detail()));
        }
        model.put("entries", rows);
        ctx.appendSummary(Templates.render("health-gate/summary.md.ftl", model));
        if (r.healthy()) {
            return Outcome.pass();
        }
        String last = r.entries().get(r.entries().size() - 1).detail();
        return Outcome.fail(
                probe.target()
                        + " is not healthy after "
                        + r.attempts()
                        + " attempts in "
                        + Durations.format(r.elapsed())
                        + " (last: "
                        + last
                        + ")");
    }

    private static HttpProbe httpProbe(Inputs in, String raw) {
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw InputException.forInput("url", "'" + raw + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null) {
            throw InputException.forInput("url", "'" + raw + "' is not an http(s) URL with a host");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : in.lines("header")) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw InputException.forInput("header", "'" + h + "' is not 'Name: value'");
            }
            headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        Pattern body = null;
        if (in.optional("body-regex").isPresent()) {
            try {
                body = Pattern.compile(in.string("body-regex"));
            } catch (PatternSyntaxException e) {
                throw InputException.forInput(
                        "body-regex", "not a regular expression: " + e.getDescription());
            }
        }
        String field = null;
        String value = null;
        if (in.optional("json-field").isPresent()) {
            String f = in.string("json-field");
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw InputException.forInput(
                        "json-field", "'" + f + "' is not 'field=value' (e.g. status=UP)");
            }
            field = f.substring(0, eq).strip();
            value = f.substring(eq + 1).strip();
        }
        return new HttpProbe(
                uri,
                headers,
                new HttpProbe.Expect(statuses(in.string("expect-status")), body, field, value),
                in.bool("insecure"));
    }

    static TreeSet<Integer> statuses(String raw) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = Pattern.compile("([1-5]\\d\\d)(?:-([1-5]\\d\\d))?").matcher(part);
            if (!m.matches()) {
                throw InputException.forInput(
                        "expect-status",
                        "'" + part + "' is not a status code or range such as 200-299");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) {
                throw InputException.forInput(
                        "expect-status", "range '" + part + "' ends before it starts");
            }
            for (int s = from; s <= to; s++) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw InputException.forInput("expect-status", "give at least one status code");
        }
        return out;
    }

    private static String json(Probe probe, HealthLoop.Report r) throws Exception {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("target", probe.target());
        root.put("healthy", r.healthy());
        root.put("attempts", r.attempts());
        root.put("elapsedSeconds", Double.parseDouble(seconds(r.elapsed())));
        ArrayNode list = root.putArray("entries");
        for (HealthLoop.Entry e : r.entries()) {
            ObjectNode n = list.addObject();
            n.put("attempt", e.attempt());
            n.put("atSeconds", Double.parseDouble(seconds(e.at())));
            n.put("tookSeconds", Double.parseDouble(seconds(e.took())));
            n.put("healthy", e.healthy());
            n.put("detail", e.detail());
        }
        return om.writeValueAsString(root) + "\n";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static Optional<Path> outputDir(ActionContext ctx) {
        Optional<String> given = ctx.inputs().optional("output-dir");
        if (given.isPresent()) {
            Path p = ctx.workspace().resolve("output-dir", given.get());
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw InputException.forInput(
                        "output-dir", "'" + given.get() + "' is a file, not a directory");
            }
            return Optional.of(p);
        }
        // a report is not a product: outside a runner it is written only where asked, never into
        // the working directory
        return ctx.env().file("RUNNER_TEMP").map(t -> t.resolve("health-gate"));
    }
}
