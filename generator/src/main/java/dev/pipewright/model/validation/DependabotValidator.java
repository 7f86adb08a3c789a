package dev.pipewright.model.validation;

import dev.pipewright.github.Cron;
import dev.pipewright.model.dependabot.Allow;
import dev.pipewright.model.dependabot.CommitMessage;
import dev.pipewright.model.dependabot.Cooldown;
import dev.pipewright.model.dependabot.DependabotConfig;
import dev.pipewright.model.dependabot.DependencyType;
import dev.pipewright.model.dependabot.Group;
import dev.pipewright.model.dependabot.Ignore;
import dev.pipewright.model.dependabot.Registry;
import dev.pipewright.model.dependabot.Schedule;
import dev.pipewright.model.dependabot.Update;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a dependabot config for what GitHub rejects when it reads {@code .github/dependabot.yml}
 * (duplicate update blocks, malformed schedules, out-of-range cooldowns, group names) and for what
 * its schema rejects, so a built config always yields a file GitHub accepts.
 */
public final class DependabotValidator {
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    // GitHub: "must start and end with a letter, and can contain letters, pipes, underscores or
    // hyphens";
    // digits inside are accepted in practice (k8s-deps).
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z]([A-Za-z0-9|_-]*[A-Za-z])?");
    private static final Set<String> DAYS =
            Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final int MIN_DAYS = 1;
    private static final int MAX_DAYS = 90;
    private static final int MAX_COOLDOWN_PATTERNS = 150;
    private static final int MAX_PREFIX = 50;
    private static final Set<String> ROOT_KEYS =
            Set.of("version", "updates", "registries", "enable-beta-ecosystems");
    private static final Set<String> UPDATE_KEYS =
            Set.of(
                    "package-ecosystem",
                    "directory",
                    "directories",
                    "schedule",
                    "target-branch",
                    "cooldown",
                    "allow",
                    "ignore",
                    "groups",
                    "registries",
                    "versioning-strategy",
                    "open-pull-requests-limit",
                    "rebase-strategy",
                    "insecure-external-code-execution",
                    "vendor",
                    "commit-message",
                    "labels",
                    "assignees",
                    "milestone",
                    "pull-request-branch-name");
    private static final Set<String> REGISTRY_KEYS =
            Set.of("type", "url", "username", "password", "key", "token", "replaces-base");

    private DependabotValidator() {}

    /** Every problem of the config, in document order. */
    public static List<Problem> problems(DependabotConfig config) {
        Problems problems = new Problems();
        Where root = Where.dependabot();
        if (config.updates().isEmpty()) {
            problems.add(
                    root,
                    "has no update; add one, e.g. Update.builder(Ecosystem.MAVEN, Schedule.weekly())"
                            + ".directory(\"/\")");
        }
        customKeys(config.custom(), ROOT_KEYS, root, problems);
        config.registries()
                .forEach(
                        (name, registry) ->
                                registry(name, registry, root.key("registries." + name), problems));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < config.updates().size(); i++) {
            Update u = config.updates().get(i);
            Where where = root.key("updates[" + i + "] (" + u.label() + ")");
            update(config, u, where, problems);
            for (String dir : directoriesOf(u)) {
                String identity =
                        u.ecosystem().value() + "\n" + normalise(dir) + "\n" + u.targetBranch();
                Integer first = seen.putIfAbsent(identity, i);
                if (first != null) {
                    problems.add(
                            where,
                            "repeats package-ecosystem "
                                    + u.ecosystem()
                                    + ", directory "
                                    + dir
                                    + " and target-branch "
                                    + (u.targetBranch() == null ? "(default)" : u.targetBranch())
                                    + " of updates["
                                    + first
                                    + "]; GitHub rejects the file: merge the two blocks or give one"
                                    + " another target-branch");
                }
            }
        }
        return problems.list();
    }

    /** Throws {@link WorkflowValidationException} when the config has any problem. */
    public static void check(DependabotConfig config) {
        List<Problem> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(problems);
        }
    }

    private static void update(DependabotConfig config, Update u, Where where, Problems problems) {
        if (u.ecosystem().value().isBlank()
                || !u.ecosystem().value().equals(u.ecosystem().value().strip())) {
            problems.add(
                    where,
                    "package-ecosystem '"
                            + u.ecosystem()
                            + "' is blank or padded; use Ecosystem.NPM etc.");
        }
        directories(u, where, problems);
        schedule(u.schedule(), where.key("schedule"), problems);
        if (u.targetBranch() != null && u.targetBranch().isBlank()) {
            problems.add(where, "target-branch is blank; drop it to use the default branch");
        }
        if (u.cooldown() != null) {
            cooldown(u.cooldown(), where.key("cooldown"), problems);
        }
        for (int i = 0; i < u.allow().size(); i++) {
            Allow a = u.allow().get(i);
            if (a.dependencyName() == null && a.dependencyType() == null) {
                problems.add(
                        where.key("allow[" + i + "]"),
                        "selects nothing; set a dependency-name or a dependency-type");
            }
            blank(a.dependencyName(), "dependency-name", where.key("allow[" + i + "]"), problems);
        }
        for (int i = 0; i < u.ignore().size(); i++) {
            ignore(u.ignore().get(i), where.key("ignore[" + i + "]"), problems);
        }
        u.groups().forEach((name, g) -> group(name, g, where.key("groups." + name), problems));
        registries(config, u.registries(), where.key("registries"), problems);
        if (u.openPullRequestsLimit() != null && u.openPullRequestsLimit() < 0) {
            problems.add(
                    where,
                    "open-pull-requests-limit is "
                            + u.openPullRequestsLimit()
                            + "; use 0 (security updates only) or more");
        }
        if (u.milestone() != null && u.milestone() < 1) {
            problems.add(
                    where,
                    "milestone is "
                            + u.milestone()
                            + "; use the milestone's number (1 or more), not its title");
        }
        if (u.commitMessage() != null) {
            commitMessage(u.commitMessage(), where.key("commit-message"), problems);
        }
        if (u.labels() != null) {
            strings(u.labels(), "labels", where, problems);
        }
        strings(u.assignees(), "assignees", where, problems);
        if (u.pullRequestBranchSeparator() != null
                && !Set.of("-", "_", "/").contains(u.pullRequestBranchSeparator())) {
            problems.add(
                    where,
                    "pull-request-branch-name.separator '"
                            + u.pullRequestBranchSeparator()
                            + "' is not one of -, _ or /");
        }
        customKeys(u.custom(), UPDATE_KEYS, where, problems);
    }

    private static void directories(Update u, Where where, Problems problems) {
        if (u.directory() != null && !u.directories().isEmpty()) {
            problems.add(where, "directory and directories are mutually exclusive; keep one");
        } else if (u.directory() == null && u.directories().isEmpty()) {
            problems.add(
                    where,
                    "has no directory; set .directory(\"/\") for the repository root, or .directories(…)");
        }
        blank(u.directory(), "directory", where, problems);
        strings(u.directories(), "directories", where, problems);
    }

    private static void schedule(Schedule s, Where where, Problems problems) {
        if (s.day() != null) {
            if (!DAYS.contains(s.day())) {
                problems.add(
                        where,
                        "day '"
                                + s.day()
                                + "' is not a day; use monday … sunday (lower case),"
                                + " e.g. Schedule.weekly(DayOfWeek.MONDAY)");
            } else if (s.interval() != Schedule.Interval.WEEKLY) {
                problems.add(
                        where,
                        "day is only read with interval weekly, not "
                                + s.interval().yaml()
                                + "; drop the day or use Schedule.weekly(…)");
            }
        }
        if (s.time() != null && !TIME.matcher(s.time()).matches()) {
            problems.add(
                    where,
                    "time '"
                            + s.time()
                            + "' is not hh:mm in 24-hour form; write e.g. 09:00 or 17:30");
        }
        if (s.timezone() != null && !isZone(s.timezone())) {
            problems.add(
                    where,
                    "timezone '"
                            + s.timezone()
                            + "' is not an IANA time zone; write e.g. Europe/Berlin,"
                            + " America/New_York or Etc/UTC");
        }
        if (s.interval() == Schedule.Interval.CRON) {
            if (s.cronjob() == null) {
                problems.add(
                        where, "interval cron needs a cronjob; use Schedule.cron(\"0 9 * * 1\")");
            } else {
                Cron.problem(s.cronjob()).ifPresent(p -> problems.add(where, "cronjob: " + p));
            }
        } else if (s.cronjob() != null) {
            problems.add(
                    where,
                    "cronjob is only read with interval cron, not "
                            + s.interval().yaml()
                            + "; use Schedule.cron(…) or drop the cronjob");
        }
    }

    private static boolean isZone(String zone) {
        // Region ids only: offsets such as +01:00 are valid for java.time but not for Dependabot.
        return ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static void cooldown(Cooldown c, Where where, Problems problems) {
        if (c.defaultDays() == null
                && c.semverMajorDays() == null
                && c.semverMinorDays() == null
                && c.semverPatchDays() == null) {
            problems.add(
                    where,
                    "sets no days; set default-days (e.g. Cooldown.days(7)) or a semver-*-days");
        }
        days(c.defaultDays(), "default-days", where, problems);
        days(c.semverMajorDays(), "semver-major-days", where, problems);
        days(c.semverMinorDays(), "semver-minor-days", where, problems);
        days(c.semverPatchDays(), "semver-patch-days", where, problems);
        patterns(c.include(), "include", where, problems);
        patterns(c.exclude(), "exclude", where, problems);
    }

    private static void patterns(List<String> values, String key, Where where, Problems problems) {
        if (values.size() > MAX_COOLDOWN_PATTERNS) {
            problems.add(
                    where,
                    key
                            + " has "
                            + values.size()
                            + " entries; GitHub reads at most "
                            + MAX_COOLDOWN_PATTERNS
                            + ": use wildcards");
        }
        strings(values, key, where, problems);
    }

    private static void days(Integer days, String key, Where where, Problems problems) {
        if (days != null && (days < MIN_DAYS || days > MAX_DAYS)) {
            problems.add(
                    where,
                    key
                            + " is "
                            + days
                            + "; GitHub accepts "
                            + MIN_DAYS
                            + " to "
                            + MAX_DAYS
                            + " days");
        }
    }

    private static void ignore(Ignore rule, Where where, Problems problems) {
        if (rule.dependencyName() == null
                && rule.versions().isEmpty()
                && rule.updateTypes().isEmpty()) {
            problems.add(where, "ignores nothing; set a dependency-name, versions or update-types");
        }
        blank(rule.dependencyName(), "dependency-name", where, problems);
        strings(rule.versions(), "versions", where, problems);
        unique(rule.updateTypes(), "update-types", where, problems);
    }

    private static void group(String name, Group g, Where where, Problems problems) {
        if (!GROUP_NAME.matcher(name).matches()) {
            problems.add(
                    where,
                    "group name '"
                            + name
                            + "' must start and end with a letter and contain only"
                            + " letters, digits, |, _ or -; it becomes part of branch names (e.g. "
                            + name.replaceAll("[^A-Za-z0-9|_-]+", "-")
                            + ")");
        }
        if (g.dependencyType() == null
                && g.patterns().isEmpty()
                && g.excludePatterns().isEmpty()
                && g.updateTypes().isEmpty()) {
            problems.add(
                    where,
                    "selects nothing; add patterns(\"*\"), exclude-patterns, a dependency-type or"
                            + " update-types (applies-to alone is not enough)");
        }
        if (g.dependencyType() != null
                && g.dependencyType() != DependencyType.DEVELOPMENT
                && g.dependencyType() != DependencyType.PRODUCTION) {
            problems.add(
                    where,
                    "dependency-type "
                            + g.dependencyType().yaml()
                            + " is not read in groups; use development or production");
        }
        strings(g.patterns(), "patterns", where, problems);
        strings(g.excludePatterns(), "exclude-patterns", where, problems);
        unique(g.updateTypes(), "update-types", where, problems);
    }

    private static void registries(
            DependabotConfig config, List<String> names, Where where, Problems problems) {
        if (names.contains(Update.ALL_REGISTRIES)) {
            if (names.size() > 1) {
                problems.add(
                        where,
                        "mixes \"*\" with names; use allRegistries() alone or list the names");
            }
            return;
        }
        strings(names, "registries", where, problems);
        for (String n : names) {
            if (!n.isBlank() && !config.registries().containsKey(n)) {
                problems.add(
                        where,
                        "names registry '"
                                + n
                                + "', which the top-level registries do not define;"
                                + " known: "
                                + config.registries().keySet());
            }
        }
    }

    private static void registry(String name, Registry r, Where where, Problems problems) {
        if (name.isBlank()) {
            problems.add(where, "a registry has a blank name");
        }
        if (r.url().isBlank()) {
            problems.add(where, "url is blank; Dependabot needs the registry's address");
        }
        customKeys(r.custom(), REGISTRY_KEYS, where, problems);
    }

    private static void commitMessage(CommitMessage m, Where where, Problems problems) {
        if (m.prefix() == null && m.prefixDevelopment() == null && !m.includeScope()) {
            problems.add(
                    where, "sets nothing; set a prefix, a prefix-development or include: scope");
        }
        for (var e :
                new String[][] {
                    {"prefix", m.prefix()}, {"prefix-development", m.prefixDevelopment()}
                }) {
            if (e[1] != null && e[1].length() > MAX_PREFIX) {
                problems.add(
                        where,
                        e[0]
                                + " has "
                                + e[1].length()
                                + " characters; GitHub allows "
                                + MAX_PREFIX);
            }
        }
    }

    private static void strings(List<String> values, String key, Where where, Problems problems) {
        for (String v : values) {
            blank(v, key + " entry", where, problems);
        }
        unique(values, key, where, problems);
    }

    private static void unique(List<?> values, String key, Where where, Problems problems) {
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                problems.add(where, key + " lists " + v + " twice; drop the repeat");
            }
        }
    }

    private static void blank(String value, String key, Where where, Problems problems) {
        if (value != null && value.isBlank()) {
            problems.add(where, key + " is blank");
        }
    }

    private static void customKeys(
            Map<String, Object> custom, Set<String> modelled, Where where, Problems problems) {
        for (String k : custom.keySet()) {
            if (modelled.contains(k)) {
                problems.add(
                        where, "custom key '" + k + "' is modelled; use the typed setter instead");
            }
        }
    }

    private static List<String> directoriesOf(Update u) {
        return u.directory() != null ? List.of(u.directory()) : u.directories();
    }

    /** {@code /web/}, {@code web} and {@code /web} name one directory. */
    private static String normalise(String dir) {
        String d = dir.strip().replaceAll("/+$", "");
        return d.startsWith("/") ? d : "/" + d;
    }
}
