package dev.pipewright.emit;

import dev.pipewright.model.dependabot.Allow;
import dev.pipewright.model.dependabot.CommitMessage;
import dev.pipewright.model.dependabot.Cooldown;
import dev.pipewright.model.dependabot.DependabotConfig;
import dev.pipewright.model.dependabot.Group;
import dev.pipewright.model.dependabot.Ignore;
import dev.pipewright.model.dependabot.Registry;
import dev.pipewright.model.dependabot.Schedule;
import dev.pipewright.model.dependabot.SemverLevel;
import dev.pipewright.model.dependabot.Update;
import java.util.List;

/**
 * Turns a dependabot config into an ordered YAML tree with Pipewright's canonical key order: root
 * {@code version, enable-beta-ecosystems, registries, updates}; each update {@code
 * package-ecosystem, directory|directories, target-branch, schedule, cooldown, allow, ignore,
 * groups, registries, versioning-strategy, open-pull-requests-limit, rebase-strategy,
 * insecure-external-code-execution, vendor, commit-message, labels, assignees, milestone,
 * pull-request-branch-name}; custom keys last. Groups and registries keep insertion order.
 */
public final class DependabotTree {
    private DependabotTree() {}

    public static YamlMap of(DependabotConfig c) {
        YamlMap root = new YamlMap().put("version", DependabotConfig.VERSION);
        if (c.enableBetaEcosystems() != null) {
            root.put("enable-beta-ecosystems", c.enableBetaEcosystems());
        }
        if (!c.registries().isEmpty()) {
            YamlMap registries = new YamlMap();
            c.registries().forEach((name, r) -> registries.put(name, registry(r)));
            root.put("registries", registries);
        }
        root.put(
                "updates",
                new YamlSeq(c.updates().stream().map(u -> (YamlNode) update(u)).toList()));
        Values.putAll(root, c.custom());
        return root;
    }

    private static YamlMap registry(Registry r) {
        YamlMap m =
                new YamlMap()
                        .put("type", r.type().value())
                        .put("url", r.url())
                        .putIfNotNull("username", r.username())
                        .putIfNotNull("password", r.password())
                        .putIfNotNull("key", r.key())
                        .putIfNotNull("token", r.token());
        if (r.replacesBase() != null) {
            m.put("replaces-base", r.replacesBase());
        }
        Values.putAll(m, r.custom());
        return m;
    }

    private static YamlMap update(Update u) {
        YamlMap m = new YamlMap().put("package-ecosystem", u.ecosystem().value());
        if (u.directory() != null) {
            m.put("directory", u.directory());
        } else {
            m.put("directories", YamlSeq.ofStrings(u.directories()));
        }
        m.putIfNotNull("target-branch", u.targetBranch())
                .put("schedule", schedule(u.schedule()))
                .putIfNotNull("cooldown", cooldown(u.cooldown()));
        if (!u.allow().isEmpty()) {
            m.put("allow", new YamlSeq(u.allow().stream().map(a -> (YamlNode) allow(a)).toList()));
        }
        if (!u.ignore().isEmpty()) {
            m.put(
                    "ignore",
                    new YamlSeq(u.ignore().stream().map(i -> (YamlNode) ignore(i)).toList()));
        }
        if (!u.groups().isEmpty()) {
            YamlMap groups = new YamlMap();
            u.groups().forEach((name, g) -> groups.put(name, group(g)));
            m.put("groups", groups);
        }
        if (u.registries().equals(List.of(Update.ALL_REGISTRIES))) {
            m.put("registries", Update.ALL_REGISTRIES);
        } else {
            Values.putList(m, "registries", u.registries());
        }
        if (u.versioningStrategy() != null) {
            m.put("versioning-strategy", u.versioningStrategy().yaml());
        }
        if (u.openPullRequestsLimit() != null) {
            m.put("open-pull-requests-limit", u.openPullRequestsLimit());
        }
        if (u.rebaseStrategy() != null) {
            m.put("rebase-strategy", u.rebaseStrategy().yaml());
        }
        if (u.insecureExternalCodeExecution() != null) {
            m.put(
                    "insecure-external-code-execution",
                    u.insecureExternalCodeExecution() ? "allow" : "deny");
        }
        if (u.vendor() != null) {
            m.put("vendor", u.vendor());
        }
        m.putIfNotNull("commit-message", commitMessage(u.commitMessage()));
        if (u.labels() != null) {
            m.put("labels", YamlSeq.ofStrings(u.labels()));
        }
        Values.putList(m, "assignees", u.assignees());
        if (u.milestone() != null) {
            m.put("milestone", u.milestone());
        }
        if (u.pullRequestBranchSeparator() != null) {
            m.put(
                    "pull-request-branch-name",
                    new YamlMap().put("separator", u.pullRequestBranchSeparator()));
        }
        Values.putAll(m, u.custom());
        return m;
    }

    private static YamlMap schedule(Schedule s) {
        return new YamlMap()
                .put("interval", s.interval().yaml())
                .putIfNotNull("day", s.day())
                .putIfNotNull("time", s.time())
                .putIfNotNull("timezone", s.timezone())
                .putIfNotNull("cronjob", s.cronjob());
    }

    private static YamlMap cooldown(Cooldown c) {
        if (c == null) {
            return null;
        }
        YamlMap m = new YamlMap();
        putDays(m, "default-days", c.defaultDays());
        putDays(m, "semver-major-days", c.semverMajorDays());
        putDays(m, "semver-minor-days", c.semverMinorDays());
        putDays(m, "semver-patch-days", c.semverPatchDays());
        Values.putList(m, "include", c.include());
        Values.putList(m, "exclude", c.exclude());
        return m;
    }

    private static void putDays(YamlMap m, String key, Integer days) {
        if (days != null) {
            m.put(key, days);
        }
    }

    private static YamlMap allow(Allow a) {
        YamlMap m = new YamlMap().putIfNotNull("dependency-name", a.dependencyName());
        if (a.dependencyType() != null) {
            m.put("dependency-type", a.dependencyType().yaml());
        }
        return m;
    }

    private static YamlMap ignore(Ignore i) {
        YamlMap m = new YamlMap().putIfNotNull("dependency-name", i.dependencyName());
        Values.putList(m, "versions", i.versions());
        Values.putList(
                m, "update-types", i.updateTypes().stream().map(SemverLevel::updateType).toList());
        return m;
    }

    private static YamlMap group(Group g) {
        YamlMap m = new YamlMap();
        if (g.appliesTo() != null) {
            m.put("applies-to", g.appliesTo().yaml());
        }
        if (g.dependencyType() != null) {
            m.put("dependency-type", g.dependencyType().yaml());
        }
        Values.putList(m, "patterns", g.patterns());
        Values.putList(m, "exclude-patterns", g.excludePatterns());
        Values.putList(
                m, "update-types", g.updateTypes().stream().map(SemverLevel::groupValue).toList());
        return m;
    }

    private static YamlMap commitMessage(CommitMessage c) {
        if (c == null) {
            return null;
        }
        YamlMap m =
                new YamlMap()
                        .putIfNotNull("prefix", c.prefix())
                        .putIfNotNull("prefix-development", c.prefixDevelopment());
        if (c.includeScope()) {
            m.put("include", "scope");
        }
        return m;
    }
}
