package dev.pipewright.model.dependabot;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random valid configs: every optional key turns up, with values GitHub accepts. */
final class RandomConfigs {
    // Zones both the schema's list and the JDK's tz database have, incl. ones needing care in YAML.
    private static final String[] ZONES = {
        "Europe/Berlin",
        "America/New_York",
        "Etc/UTC",
        "Asia/Kolkata",
        "Etc/GMT+5",
        "Etc/GMT-14",
        "America/Port-au-Prince",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Japan"
    };
    private static final String[] CRONS = {
        "0 9 * * 1", "*/15 3 * * MON-FRI", "30 22 1,15 * *", "0 0 * JAN,JUL 0"
    };
    // Strings that need quoting or look like other YAML types.
    private static final String[] WORDS = {
        "core",
        "@types/*",
        "org.springframework*",
        "*",
        "yes",
        "on",
        "null",
        "1.0",
        "0755",
        "12:30",
        "- x",
        "#tag",
        "a: b",
        "~",
        "ü-lib",
        "'q'",
        "\"dq\"",
        "true",
        "3.10",
        "x*y"
    };
    private static final String[] DIRS = {
        "/", "/web", "/services/api", "/tools/*", "/**/*", "/a b", "/v1.0", "/yes", "/12:30", "/ü"
    };

    private final Random r;

    RandomConfigs(long seed) {
        this.r = new Random(seed);
    }

    DependabotConfig config() {
        DependabotConfig.Builder b = DependabotConfig.builder();
        List<String> registryNames = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                String name = "reg-" + i;
                registryNames.add(name);
                b.registry(name, registry());
            }
        }
        if (r.nextInt(5) == 0) {
            b.enableBetaEcosystems(r.nextBoolean());
        }
        Set<String> identities = new LinkedHashSet<>();
        int updates = 1 + r.nextInt(4);
        for (int i = 0; i < updates; i++) {
            Update u = update(registryNames);
            boolean fresh = true;
            for (String d : u.directory() != null ? List.of(u.directory()) : u.directories()) {
                fresh &= identities.add(u.ecosystem() + " " + d + " " + u.targetBranch());
            }
            if (fresh) {
                b.update(u);
            }
        }
        return b.build();
    }

    private Registry registry() {
        Registry.Type type = pick(Registry.Type.KNOWN);
        Registry.Builder b = Registry.builder(type, "https://registry.example.com/" + type.value());
        if (r.nextBoolean()) {
            b.username("bot").password("${{secrets.REGISTRY_PASSWORD}}");
        } else if (r.nextBoolean()) {
            b.token("${{secrets.REGISTRY_TOKEN}}");
        } else {
            b.key("${{secrets.REGISTRY_KEY}}");
        }
        if (type.equals(Registry.Type.PYTHON_INDEX)) {
            b.replacesBase(r.nextBoolean());
        }
        if (type.equals(Registry.Type.HEX_ORGANIZATION) && r.nextBoolean()) {
            b.custom("organization", "acme");
        }
        return b.build();
    }

    private Update update(List<String> registryNames) {
        Update.Builder b = Update.builder(pick(Ecosystem.KNOWN), schedule());
        if (r.nextInt(3) == 0) {
            b.directories(distinct(DIRS, 1 + r.nextInt(3)).toArray(String[]::new));
        } else {
            b.directory(DIRS[r.nextInt(DIRS.length)]);
        }
        if (r.nextInt(4) == 0) {
            b.targetBranch(r.nextBoolean() ? "develop" : "release/1.0");
        }
        if (r.nextBoolean()) {
            b.cooldown(cooldown());
        }
        if (r.nextInt(4) == 0) {
            b.allow(
                    r.nextBoolean()
                            ? Allow.dependency(word())
                            : Allow.type(pick(List.of(DependencyType.values()))));
        }
        if (r.nextInt(4) == 0) {
            Ignore ignore = Ignore.dependency(word());
            if (r.nextBoolean()) {
                ignore = ignore.versions("4.x", ">= 5.0");
            }
            if (r.nextBoolean()) {
                ignore = ignore.updateTypes(SemverLevel.MAJOR);
            }
            b.ignore(
                    ignore,
                    new Ignore(null, List.of(), List.of(SemverLevel.PATCH, SemverLevel.MINOR)));
        }
        int groups = r.nextInt(3);
        for (int i = 0; i < groups; i++) {
            b.group(group(i));
        }
        if (!registryNames.isEmpty() && r.nextBoolean()) {
            if (r.nextBoolean()) {
                b.allRegistries();
            } else {
                b.registries(registryNames.get(0));
            }
        }
        if (r.nextInt(3) == 0) {
            b.versioningStrategy(pick(List.of(Update.VersioningStrategy.values())));
        }
        if (r.nextInt(3) == 0) {
            b.openPullRequestsLimit(r.nextInt(20));
        }
        if (r.nextInt(4) == 0) {
            b.rebaseStrategy(pick(List.of(Update.RebaseStrategy.values())));
        }
        if (r.nextInt(6) == 0) {
            b.insecureExternalCodeExecution(r.nextBoolean());
        }
        if (r.nextInt(6) == 0) {
            b.vendor(r.nextBoolean());
        }
        if (r.nextInt(3) == 0) {
            CommitMessage m =
                    r.nextBoolean()
                            ? CommitMessage.prefix("deps")
                            : new CommitMessage(null, "dev: ", false);
            b.commitMessage(r.nextBoolean() ? m.withScope() : m.prefixDevelopment("chore(dev)"));
        }
        switch (r.nextInt(4)) {
            case 0 -> b.labels(distinct(WORDS, 1 + r.nextInt(3)).toArray(String[]::new));
            case 1 -> b.noLabels();
            default -> {}
        }
        if (r.nextInt(4) == 0) {
            b.assignees("octocat", "hubot");
        }
        if (r.nextInt(6) == 0) {
            b.milestone(1 + r.nextInt(40));
        }
        if (r.nextInt(6) == 0) {
            b.pullRequestBranchSeparator(pick(List.of("-", "_", "/")));
        }
        return b.build();
    }

    private Schedule schedule() {
        Schedule.Interval interval = pick(List.of(Schedule.Interval.values()));
        Schedule s =
                interval == Schedule.Interval.CRON
                        ? Schedule.cron(CRONS[r.nextInt(CRONS.length)])
                        : Schedule.of(interval);
        if (interval == Schedule.Interval.WEEKLY && r.nextBoolean()) {
            s = s.on(pick(List.of(DayOfWeek.values())));
        }
        if (r.nextBoolean()) {
            s = s.at(String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
        }
        if (r.nextBoolean()) {
            s = s.inTimezone(ZONES[r.nextInt(ZONES.length)]);
        }
        return s;
    }

    private Cooldown cooldown() {
        Cooldown.Builder b = Cooldown.builder().defaultDays(1 + r.nextInt(90));
        if (r.nextBoolean()) {
            b.semverMajorDays(1 + r.nextInt(90))
                    .semverMinorDays(1 + r.nextInt(90))
                    .semverPatchDays(1 + r.nextInt(90));
        }
        if (r.nextInt(3) == 0) {
            b.include(word());
        }
        if (r.nextInt(3) == 0) {
            b.exclude(word(), "internal-*");
        }
        return b.build();
    }

    private Group group(int index) {
        Group.Builder b =
                Group.builder(
                        pick(List.of("all", "minor-and-patch", "k8s_deps", "dev|tools", "x"))
                                + "-g"
                                + index
                                + "x");
        switch (r.nextInt(4)) {
            case 0 -> b.patterns(distinct(WORDS, 1 + r.nextInt(3)).toArray(String[]::new));
            case 1 ->
                    b.dependencyType(
                            r.nextBoolean()
                                    ? DependencyType.DEVELOPMENT
                                    : DependencyType.PRODUCTION);
            case 2 -> b.updateTypes(SemverLevel.MINOR, SemverLevel.PATCH);
            default -> b.patterns("*").excludePatterns(word());
        }
        if (r.nextInt(3) == 0) {
            b.appliesTo(pick(List.of(Group.AppliesTo.values())));
        }
        return b.build();
    }

    private String word() {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private List<String> distinct(String[] from, int n) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            out.add(from[r.nextInt(from.length)]);
        }
        return List.copyOf(out);
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
