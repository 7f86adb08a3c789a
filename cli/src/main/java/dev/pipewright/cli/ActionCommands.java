package dev.pipewright.cli;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.ActionRunner;
import dev.pipewright.action.Actions;
import dev.pipewright.action.InputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one subcommand per action, built from its descriptor ({@code --<input> VALUE}), so the CLI
 * and action.yml cannot drift; the subcommand turns its options into {@code INPUT_*} variables and
 * runs the same code as the image.
 *
 * <p>An action whose id is {@code <parent>-<name>} for another registered action {@code <parent>}
 * is also reachable as {@code pipewright <parent> <name>} (e.g. {@code sign-keygen} as {@code sign
 * keygen}). Inputs with several values take one or more values per flag; inputs defaulting to
 * {@code false} are flags ({@code --force} means true).
 */
public final class ActionCommands {
    private ActionCommands() {}

    /**
     * Where an input's own name would break the CLI's one vocabulary (the same option for the
     * project root, output file and output folder everywhere; {@code --format} always an output
     * format; nothing shadowing {@code --version}), the option it has on the command line instead.
     * The input keeps its name in action.yml; the old option stays as a hidden alias that says it
     * is deprecated, except where it would shadow {@code --version}.
     */
    static final Map<String, Map<String, String>> CLI_NAMES =
            Map.of(
                    "coverage-gate", Map.of("format", "input-format", "report-file", "output"),
                    "release-notes", Map.of("repo", "root"),
                    "sbom", Map.of("version", "artifact-version"));

    /** The option of every action subcommand that is not an input: where the step summary goes. */
    static final String SUMMARY = "--summary";

    /** The option an input has on the command line. */
    static String optionName(String actionId, String input) {
        return CLI_NAMES.getOrDefault(actionId, Map.of()).getOrDefault(input, input);
    }

    /** The old option kept as a hidden alias, or null (none, or it would shadow --version). */
    static String aliasName(String actionId, String input) {
        return optionName(actionId, input).equals(input) || input.equals("version") ? null : input;
    }

    /** Adds every registered action, reading the process environment and working directory. */
    public static void addTo(CommandLine cl) {
        addTo(cl, id -> true);
    }

    /** Adds the registered actions whose top-level command name passes {@code wanted}. */
    static void addTo(CommandLine cl, Predicate<String> wanted) {
        addTo(cl, System::getenv, () -> Path.of("").toAbsolutePath(), wanted);
    }

    /** The top-level command names of the actions. */
    static Set<String> names() {
        Set<String> names = new HashSet<>();
        Actions.all().forEach(a -> names.add(a.descriptor().id()));
        return names;
    }

    /** Adds every registered action with the given environment and working directory (tests). */
    public static void addTo(
            CommandLine cl, Supplier<Map<String, String>> env, Supplier<Path> cwd) {
        addTo(cl, env, cwd, id -> true);
    }

    private static void addTo(
            CommandLine cl,
            Supplier<Map<String, String>> env,
            Supplier<Path> cwd,
            Predicate<String> wanted) {
        for (Action action : Actions.all()) {
            // An action with a hand-written command of the same name (lint: pipewright lint, which
            // runs the same
            // linter and takes the same options as flags) keeps that command.
            if (wanted.test(action.descriptor().id())
                    && !cl.getSubcommands().containsKey(action.descriptor().id())) {
                cl.addSubcommand(action.descriptor().id(), commandLine(spec(action, env, cwd)));
            }
        }
        for (Action action : Actions.all()) {
            String id = action.descriptor().id();
            for (Action parent : Actions.all()) {
                String prefix = parent.descriptor().id() + "-";
                if (id.startsWith(prefix)
                        && cl.getSubcommands().containsKey(parent.descriptor().id())) {
                    CommandSpec nested = spec(action, env, cwd);
                    nested.name(id.substring(prefix.length()));
                    cl.getSubcommands()
                            .get(parent.descriptor().id())
                            .addSubcommand(nested.name(), commandLine(nested));
                }
            }
        }
    }

    private static CommandLine commandLine(CommandSpec spec) {
        CommandLine cl = new CommandLine(spec);
        // Multi-value inputs take 1..* values; without this a mistyped "--bogus" after "--files a"
        // became a file name.
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cl;
    }

    static CommandSpec spec(Action action, Supplier<Map<String, String>> env, Supplier<Path> cwd) {
        ActionDescriptor d = action.descriptor();
        CommandSpec[] self = new CommandSpec[1];
        Callable<Integer> body = () -> run(action, self[0], env.get(), cwd.get());
        CommandSpec spec = CommandSpec.wrapWithoutInspection(body);
        self[0] = spec;
        spec.name(d.id());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage()
                .description(d.description())
                .footerHeading("%nExit codes:%n")
                .footer(exitCodes(action).toArray(String[]::new));
        spec.addOption(
                OptionSpec.builder(SUMMARY)
                        .paramLabel("FILE")
                        .type(String.class)
                        .arity("1")
                        .description(
                                "Write the step summary (Markdown) to FILE. On a runner it goes to $GITHUB_STEP_SUMMARY; "
                                        + "elsewhere, without this option, it is not written.")
                        .build());
        for (InputSpec in : d.inputs()) {
            spec.addOption(option(in, optionName(d.id(), in.name()), false));
            String alias = aliasName(d.id(), in.name());
            if (alias != null) {
                spec.addOption(option(in, alias, true));
            }
        }
        return spec;
    }

    private static OptionSpec option(InputSpec in, String name, boolean hidden) {
        OptionSpec.Builder o =
                OptionSpec.builder("--" + name)
                        .hidden(hidden)
                        .paramLabel("VALUE")
                        .description(
                                in.description()
                                        + (in.defaultValue() == null
                                                ? ""
                                                : " Default: " + in.defaultValue() + "."));
        if (in.multiple()) {
            o.type(List.class).auxiliaryTypes(String.class).arity("1..*");
        } else if ("false".equals(in.defaultValue())) {
            o.type(String.class).arity("0..1").fallbackValue("true").paramLabel("true|false");
        } else {
            o.type(String.class).arity("1");
        }
        return o.build();
    }

    /**
     * The exit codes of {@code --help}: what 1 means is the action's own (not every action is a
     * gate).
     */
    static List<String> exitCodes(Action action) {
        List<String> lines = new ArrayList<>();
        lines.add("  0  success");
        action.failureMeaning().ifPresent(m -> lines.add("  1  " + m));
        lines.add("  2  bad input");
        lines.add("  3  internal error");
        return lines;
    }

    private static int run(
            Action action, CommandSpec spec, Map<String, String> processEnv, Path cwd) {
        Map<String, String> env = new HashMap<>();
        // Inputs come only from the flags: a stray INPUT_* in the shell must not change a local
        // run.
        processEnv.forEach(
                (k, v) -> {
                    if (!k.startsWith("INPUT_")) {
                        env.put(k, v);
                    }
                });
        CommandLine cl = spec.commandLine();
        String id = action.descriptor().id();
        for (InputSpec in : action.descriptor().inputs()) {
            Object value = spec.findOption("--" + optionName(id, in.name())).getValue();
            String alias = aliasName(id, in.name());
            Object old = alias == null ? null : spec.findOption("--" + alias).getValue();
            if (old != null && !(old instanceof List<?> l && l.isEmpty())) {
                if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                    cl.getErr()
                            .println(
                                    "pipewright "
                                            + id
                                            + ": --"
                                            + alias
                                            + " and --"
                                            + optionName(id, in.name())
                                            + " are the same option; give one");
                    return 2;
                }
                cl.getErr()
                        .println(
                                "pipewright "
                                        + id
                                        + ": --"
                                        + alias
                                        + " is deprecated; use --"
                                        + optionName(id, in.name()));
                value = old;
            }
            if (value instanceof List<?> list) {
                if (!list.isEmpty()) {
                    env.put(
                            in.envName(),
                            String.join("\n", list.stream().map(String::valueOf).toList()));
                }
            } else if (value != null) {
                env.put(in.envName(), value.toString());
            }
        }
        Object summary = spec.findOption(SUMMARY).getValue();
        return new ActionRunner(
                        env,
                        cwd,
                        cl.getOut(),
                        cl.getErr(),
                        summary == null ? null : Path.of(summary.toString()))
                .run(action);
    }
}
