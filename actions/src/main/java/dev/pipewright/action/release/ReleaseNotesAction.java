package dev.pipewright.action.release;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Annotation;
import dev.pipewright.action.Branding;
import dev.pipewright.action.GitHubFailure;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Inputs;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code release-notes} action: reads the commits since the previous release tag, works out the
 * next version from their Conventional Commit types, writes CHANGELOG and RELEASE-NOTES Markdown
 * and optionally publishes the GitHub release.
 */
public final class ReleaseNotesAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "release-notes",
                    "Pipewright release notes",
                    "Release notes and the next SemVer version from Conventional Commits since the last release tag; "
                            + "optionally creates or updates the GitHub release.",
                    "Pipewright",
                    List.of(
                            InputSpec.of(
                                            "repo",
                                            "Repository checkout to read; needs the full history (actions/checkout with "
                                                    + "fetch-depth: 0).")
                                    .withDefault("."),
                            InputSpec.of(
                                    "from",
                                    "Previous release (tag or any ref); default: the highest SemVer tag matching "
                                            + "tag-pattern that 'to' contains."),
                            InputSpec.of(
                                            "to",
                                            "Last commit of the release (ref or SHA). A release tag here (or the pushed tag when "
                                                    + "the workflow runs on a tag push) gives the notes of that existing release.")
                                    .withDefault("HEAD"),
                            InputSpec.of(
                                            "tag-pattern",
                                            "Glob of release tags; the text before the first wildcard is stripped "
                                                    + "and the rest must be a SemVer. Other tags are ignored.")
                                    .withDefault("v*"),
                            InputSpec.of(
                                    "output-dir",
                                    "Directory for CHANGELOG-<version>.md and RELEASE-NOTES-<version>.md "
                                            + "(default: $RUNNER_TEMP/release-notes on a runner; elsewhere none are written)."),
                            InputSpec.of(
                                    "template-dir",
                                    "Directory with your own CHANGELOG.md.ftl and/or RELEASE-NOTES.md.ftl "
                                            + "(FreeMarker); missing ones fall back to the bundled templates."),
                            InputSpec.of(
                                    "variables",
                                    "Extra template variables, one 'name=value' per line (vars.name in "
                                            + "templates), e.g. 'vault_version=1.15'."),
                            InputSpec.of(
                                            "requirements",
                                            "What the release needs to run, one 'Name: version' per line (e.g. "
                                                    + "'Vault: 1.18.3 or later'); listed under Requirements in the release notes and changelog.")
                                    .multipleValues(),
                            InputSpec.of(
                                    "groups",
                                    "Sections, one 'Title: type, type' per line in output order; replaces the "
                                            + "default git-cliff-like sections. Types are case-insensitive; unmapped types go to 'Other'."),
                            InputSpec.of(
                                            "keep-unconventional",
                                            "Keep commits that are not Conventional Commits, in 'Other'.")
                                    .withDefault("false"),
                            InputSpec.of(
                                            "include-merges",
                                            "Parse merge commits like other commits instead of skipping them.")
                                    .withDefault("false"),
                            InputSpec.of(
                                            "bump-minor-pre-major",
                                            "Below 1.0.0, a breaking change bumps the minor version.")
                                    .withDefault("false"),
                            InputSpec.of(
                                            "bump-patch-for-minor-pre-major",
                                            "Below 1.0.0, a feature bumps the patch version.")
                                    .withDefault("false"),
                            InputSpec.of(
                                            "initial-version",
                                            "Version of the first release, when no release tag exists yet.")
                                    .withDefault("0.1.0"),
                            InputSpec.of(
                                    "repository-url",
                                    "Base URL for issue and commit links (default: this repository on "
                                            + "GitHub, else the origin remote on github.com)."),
                            InputSpec.of(
                                            "github-release",
                                            "Create or update the GitHub release of the tag with the notes.")
                                    .withDefault("false"),
                            InputSpec.of(
                                            "github-token",
                                            "Token with contents: write, for github-release.")
                                    .secretValue(),
                            InputSpec.of(
                                            "assets",
                                            "Files to attach to the GitHub release: paths or globs, one per line; "
                                                    + "re-running replaces assets of the same name.")
                                    .multipleValues(),
                            InputSpec.of("draft", "Create the GitHub release as a draft.")
                                    .withDefault("false")),
                    List.of(
                            new OutputSpec(
                                    "version",
                                    "The release's version (SemVer, no prefix); empty when there are no changes."),
                            new OutputSpec(
                                    "previous-version",
                                    "The previous release's version; empty for the first release."),
                            new OutputSpec(
                                    "bump",
                                    "major, minor, patch, initial (first release) or none (no changes)."),
                            new OutputSpec("tag", "The release's tag, e.g. v2.0.0."),
                            new OutputSpec("previous-tag", "The previous release's tag."),
                            new OutputSpec(
                                    "notes-file",
                                    "Path of RELEASE-NOTES-<version>.md; empty when there are no changes or "
                                            + "none was written."),
                            new OutputSpec(
                                    "changelog-file",
                                    "Path of CHANGELOG-<version>.md; empty when there are no changes "
                                            + "or none was written."),
                            new OutputSpec(
                                    "release-url",
                                    "URL of the GitHub release, when github-release is true.")),
                    new Branding("tag", "blue"));

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.of("the GitHub release could not be published");
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Inputs in = ctx.inputs();
        Workspace ws = ctx.workspace();
        // Every input is checked before the history is read, so a typo fails fast and names the
        // input.
        TagPattern pattern = TagPattern.parse("tag-pattern", in.string("tag-pattern"));
        Grouping grouping =
                in.lines("groups").isEmpty()
                        ? Grouping.defaults()
                        : Grouping.parse("groups", in.lines("groups"));
        SemVer initial = semver("initial-version", in.string("initial-version"));
        NextVersion rules =
                new NextVersion(
                        in.bool("bump-minor-pre-major"),
                        in.bool("bump-patch-for-minor-pre-major"),
                        initial);
        boolean keepUnconventional = in.bool("keep-unconventional");
        boolean includeMerges = in.bool("include-merges");
        Map<String, String> variables = variables(in.lines("variables"));
        List<ReleaseNotes.Requirement> requirements = requirements(in.lines("requirements"));
        Path templateDir =
                in.optional("template-dir").map(d -> directory(ws, "template-dir", d)).orElse(null);
        Optional<Path> outputDir = outputDir(ctx);
        Path repoDir = ws.resolve("repo", in.string("repo"));
        boolean publish = in.bool("github-release");
        boolean draft = in.bool("draft");
        Optional<String> token = in.optional("github-token");
        if (publish && token.isEmpty()) {
            throw InputException.forInput(
                    "github-release",
                    "needs github-token (e.g. ${{ github.token }} with "
                            + "'permissions: contents: write')");
        }
        if (publish && ctx.env().repository().isEmpty()) {
            throw InputException.forInput(
                    "github-release",
                    "needs GITHUB_REPOSITORY (owner/name) to know where to release");
        }
        List<Path> assets =
                in.lines("assets").isEmpty() ? List.of() : ws.glob("assets", in.lines("assets"));
        Optional<String> givenUrl = in.optional("repository-url");
        if (givenUrl.isPresent()
                && (!givenUrl.get().startsWith("http")
                        || MarkdownCheck.destinationProblem(givenUrl.get()) != null)) {
            throw InputException.forInput(
                    "repository-url", "'" + givenUrl.get() + "' is not an http(s) URL");
        }

        History.Range range =
                History.read(repoDir, in.optional("from").orElse(null), to(ctx), pattern);
        Changes changes =
                Changes.classify(range.commits(), grouping, includeMerges, keepUnconventional);
        String since = range.previous() == null ? "the first commit" : range.previous().name();
        logSkipped(ctx, range, changes, includeMerges, keepUnconventional);
        if (changes.isEmpty()) {
            ctx.log(
                    "no changes since "
                            + since
                            + " ("
                            + range.commits().size()
                            + " commits, none for the notes)");
            noChanges(ctx, range);
            return Outcome.pass();
        }

        SemVer previous = range.previous() == null ? null : range.previous().version();
        String previousTag = range.previous() == null ? null : range.previous().name();
        SemVer version;
        String bump;
        String tag;
        if (range.current() != null) {
            // The commit is already tagged: these are the notes of that release.
            version = range.current().version();
            tag = range.current().name();
            bump =
                    previous == null
                            ? NextVersion.INITIAL
                            : NextVersion.between(previous, version).text();
            Bump implied = NextVersion.implied(changes.changes());
            if (previous != null
                    && previous.major() > 0
                    && NextVersion.between(previous, version).compareTo(implied) < 0) {
                ctx.annotate(
                        new Annotation(
                                Annotation.Level.WARNING,
                                null,
                                0,
                                0,
                                null,
                                tag
                                        + " is a "
                                        + bump
                                        + " release but the changes since "
                                        + previousTag
                                        + " call for "
                                        + implied.text()));
            }
        } else {
            NextVersion.Decision d = rules.decide(previous, changes.changes());
            version = d.version();
            bump = d.bump();
            tag = pattern.tagFor(version, previousTag, previous);
            if (d.releaseAs() != null) {
                ctx.log(
                        "version "
                                + version
                                + " set by 'Release-As:' in commit "
                                + d.releaseAs().shortId());
            }
        }

        Links links = Links.of(givenUrl.orElseGet(() -> repositoryUrl(ctx, range)));
        ReleaseNotes.Release release =
                new ReleaseNotes.Release(
                        version,
                        tag,
                        previous,
                        previousTag,
                        bump,
                        range.toTime(),
                        range.to(),
                        changes,
                        grouping,
                        links,
                        variables,
                        requirements);
        Map<String, Object> model = ReleaseNotes.model(release);
        String templateDisplay = templateDir == null ? null : ws.display(templateDir);
        String changelog =
                ReleaseNotes.render(ReleaseNotes.CHANGELOG, model, templateDir, templateDisplay);
        String notes =
                ReleaseNotes.render(
                        ReleaseNotes.RELEASE_NOTES, model, templateDir, templateDisplay);
        Optional<Path> changelogFile =
                outputDir.map(d -> d.resolve("CHANGELOG-" + version + ".md"));
        Optional<Path> notesFile =
                outputDir.map(d -> d.resolve("RELEASE-NOTES-" + version + ".md"));
        if (outputDir.isPresent()) {
            ctx.writeFile("output-dir", changelogFile.get(), changelog);
            ctx.writeFile("output-dir", notesFile.get(), notes);
        } else {
            ctx.log(
                    "no --output-dir: CHANGELOG-"
                            + version
                            + ".md and RELEASE-NOTES-"
                            + version
                            + ".md not written");
        }
        ctx.log(
                tag
                        + " ("
                        + bump
                        + (previousTag == null ? "" : " from " + previousTag)
                        + "): "
                        + changes.changes().size()
                        + " changes, "
                        + changes.breaking().size()
                        + " breaking");

        ctx.setOutput("version", version.toString());
        ctx.setOutput("previous-version", previous == null ? "" : previous.toString());
        ctx.setOutput("bump", bump);
        ctx.setOutput("tag", tag);
        ctx.setOutput("previous-tag", previousTag == null ? "" : previousTag);
        ctx.setOutput("notes-file", notesFile.map(Path::toString).orElse(""));
        ctx.setOutput("changelog-file", changelogFile.map(Path::toString).orElse(""));
        ctx.appendSummary("## Release notes for " + tag + "\n\n" + notes + "\n");

        if (!publish) {
            ctx.setOutput("release-url", "");
            return Outcome.pass();
        }
        GitHubRelease.Request req =
                new GitHubRelease.Request(
                        tag, tag, notes, range.to(), draft, version.isPreRelease(), assets);
        try {
            GitHubRelease.Result r =
                    GitHubRelease.publish(
                            ctx.env().apiUrl(), token.get(), ctx.env().repository().get(), req);
            ctx.setOutput("release-url", r.url());
            ctx.log(
                    "GitHub release "
                            + tag
                            + " "
                            + r.action()
                            + (r.assets().isEmpty() ? "" : ", assets " + r.assets())
                            + ": "
                            + r.url());
            return Outcome.pass();
        } catch (IOException e) {
            ctx.setOutput("release-url", "");
            return Outcome.fail(
                    "could not publish the GitHub release "
                            + tag
                            + " on "
                            + ctx.env().repository().get()
                            + ": "
                            + GitHubFailure.describe(e, "'contents: write'"));
        }
    }

    /**
     * {@code to}; on a tag push the default HEAD means the pushed tag, so the notes are that
     * release's.
     */
    private static String to(ActionContext ctx) {
        String to = ctx.inputs().string("to");
        Optional<String> ref = ctx.env().ref();
        if (to.equals("HEAD") && ref.isPresent() && ref.get().startsWith("refs/tags/")) {
            return ref.get();
        }
        return to;
    }

    private static void noChanges(ActionContext ctx, History.Range range) {
        String prevVersion = range.previous() == null ? "" : range.previous().version().toString();
        String prevTag = range.previous() == null ? "" : range.previous().name();
        ctx.setOutput("version", "");
        ctx.setOutput("previous-version", prevVersion);
        ctx.setOutput("bump", "none");
        ctx.setOutput("tag", "");
        ctx.setOutput("previous-tag", prevTag);
        ctx.setOutput("notes-file", "");
        ctx.setOutput("changelog-file", "");
        ctx.setOutput("release-url", "");
        ctx.appendSummary(
                "## Release notes\n\nNo changes since "
                        + (prevTag.isEmpty() ? "the first commit" : prevTag)
                        + ": nothing to release.\n");
    }

    /**
     * One line for the merge commits and one for the non-conventional commits left out (a
     * repository that does not use Conventional Commits throughout would otherwise get a line per
     * commit), naming the first few.
     */
    private static void logSkipped(
            ActionContext ctx,
            History.Range range,
            Changes changes,
            boolean includeMerges,
            boolean keepUnconventional) {
        List<String> merges = new ArrayList<>();
        List<String> unconventional = new ArrayList<>();
        String firstError = null;
        for (GitCommit c : range.commits()) {
            if (c.isMerge() && !includeMerges) {
                merges.add(c.shortId());
                continue;
            }
            ConventionalCommit.Parsed p = ConventionalCommit.parse(c.message());
            if (!p.conventional() && !keepUnconventional) {
                if (unconventional.size() < SKIPPED_SHOWN) {
                    unconventional.add(c.shortId() + " '" + header(c) + "'");
                }
                firstError = firstError == null ? p.error() : firstError;
            }
        }
        if (!merges.isEmpty()) {
            ctx.log(
                    "skipped "
                            + merges.size()
                            + " merge commit"
                            + (merges.size() == 1 ? "" : "s")
                            + " ("
                            + String.join(
                                    ", ", merges.subList(0, Math.min(SKIPPED_SHOWN, merges.size())))
                            + (merges.size() > SKIPPED_SHOWN ? ", …" : "")
                            + "; include-merges to keep them)");
        }
        int n = changes.unconventional();
        if (n > 0) {
            ctx.log(
                    "skipped "
                            + n
                            + " commit"
                            + (n == 1 ? "" : "s")
                            + " that "
                            + (n == 1 ? "is" : "are")
                            + " not Conventional Commits: "
                            + String.join(", ", unconventional)
                            + (n > SKIPPED_SHOWN ? ", …" : "")
                            + " (first: "
                            + firstError
                            + "; keep-unconventional lists them under "
                            + Grouping.OTHER
                            + ")");
        }
    }

    private static final int SKIPPED_SHOWN = 3;

    private static String header(GitCommit c) {
        return c.message().strip().lines().findFirst().orElse("");
    }

    private static SemVer semver(String input, String value) {
        try {
            return SemVer.parse(value);
        } catch (IllegalArgumentException e) {
            throw InputException.forInput(input, e.getMessage());
        }
    }

    private static Map<String, String> variables(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !VARIABLE.matcher(name).matches()) {
                throw InputException.forInput(
                        "variables",
                        "'"
                                + line
                                + "' is not 'name=value' with a name of "
                                + "letters, digits and '_' (e.g. 'vault_version=1.15')");
            }
            out.put(name, line.substring(eq + 1).strip());
        }
        return out;
    }

    /** 'Name: version' lines, in the order given (the user's order is the reader's order). */
    private static List<ReleaseNotes.Requirement> requirements(List<String> lines) {
        List<ReleaseNotes.Requirement> out = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(colon + 1).isBlank()) {
                throw InputException.forInput(
                        "requirements",
                        "'"
                                + line
                                + "' is not 'Name: version' (e.g. "
                                + "'Vault: 1.18.3 or later')");
            }
            out.add(
                    new ReleaseNotes.Requirement(
                            line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return out;
    }

    private static Path directory(Workspace ws, String input, String value) {
        Path p = ws.resolve(input, value);
        if (!Files.isDirectory(p)) {
            throw InputException.forInput(input, "'" + value + "' is not a directory");
        }
        return p;
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
        // outside a runner the notes are written only where asked, never into the working directory
        return ctx.env().file("RUNNER_TEMP").map(t -> t.resolve("release-notes"));
    }

    private static String repositoryUrl(ActionContext ctx, History.Range range) {
        Optional<String> repo = ctx.env().repository();
        if (repo.isPresent()) {
            return ctx.env().get("GITHUB_SERVER_URL").orElse("https://github.com")
                    + "/"
                    + repo.get();
        }
        return range.originUrl() == null ? null : Links.fromRemote(range.originUrl()).orElse(null);
    }
}
