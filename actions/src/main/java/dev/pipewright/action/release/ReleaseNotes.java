package dev.pipewright.action.release;

import dev.pipewright.action.InputException;
import dev.pipewright.action.Templates;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template model of one release and its rendering into {@code CHANGELOG.md} and {@code
 * RELEASE-NOTES.md} sections; every rendering is checked with {@link MarkdownCheck}.
 */
public final class ReleaseNotes {
    public static final String CHANGELOG = "CHANGELOG.md.ftl";
    public static final String RELEASE_NOTES = "RELEASE-NOTES.md.ftl";
    private static final String BUNDLED = "release-notes/";

    /**
     * Everything a template sees.
     *
     * @param previousTag null for the first release
     * @param date the release date (UTC) of the commit the notes end at
     * @param variables the user's extra variables ({@code vars.name} in templates)
     * @param requirements what the release needs to run, in the order given
     */
    public record Release(
            SemVer version,
            String tag,
            SemVer previousVersion,
            String previousTag,
            String bump,
            Instant date,
            String to,
            Changes changes,
            Grouping grouping,
            Links links,
            Map<String, String> variables,
            List<Requirement> requirements) {}

    /**
     * One line of the Requirements section: what (e.g. Vault) and which versions (e.g. 1.18.3 or
     * later).
     */
    public record Requirement(String name, String version) {}

    private ReleaseNotes() {}

    /**
     * The FreeMarker model: plain maps, lists, strings and booleans, sorted where order is free.
     */
    public static Map<String, Object> model(Release r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version().toString());
        m.put("tag", r.tag());
        m.put(
                "previous_version",
                r.previousVersion() == null ? "" : r.previousVersion().toString());
        m.put("previous_tag", r.previousTag() == null ? "" : r.previousTag());
        m.put("bump", r.bump());
        m.put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(r.date().atOffset(ZoneOffset.UTC)));
        m.put("repository_url", r.links().base());
        m.put("compare_url", r.links().compare(r.previousTag(), r.tag()));
        m.put("commit_count", r.changes().changes().size());
        List<Map<String, Object>> breaking = new ArrayList<>();
        for (Change c : r.changes().breaking()) {
            Map<String, Object> b = change(c, r.links());
            b.put("description", r.links().markdown(c.breakingDescription()));
            breaking.add(b);
        }
        m.put("breaking", breaking);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String title : r.grouping().titles()) {
            List<Change> in = r.changes().inGroup(title);
            if (in.isEmpty()) {
                continue;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("title", title);
            g.put("changes", in.stream().map(c -> change(c, r.links())).toList());
            groups.add(g);
        }
        m.put("groups", groups);
        m.put("vars", new TreeMap<>(r.variables()));
        m.put(
                "requirements",
                r.requirements().stream()
                        .map(q -> Map.of("name", q.name(), "version", q.version()))
                        .toList());
        return m;
    }

    private static Map<String, Object> change(Change c, Links links) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.commit().id());
        m.put("short_id", c.commit().shortId());
        m.put("url", links.commit(c.commit().id()));
        m.put("type", c.parsed() == null ? "" : c.parsed().type());
        m.put("scope", c.scope() == null ? "" : c.scope());
        m.put("description", links.markdown(c.description()));
        m.put("body", c.parsed() == null || c.parsed().body() == null ? "" : c.parsed().body());
        m.put("breaking", c.breaking());
        m.put("conventional", c.parsed() != null);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (String n : c.references()) {
            refs.add(Map.of("number", n, "url", links.issue(n)));
        }
        m.put("references", refs);
        return m;
    }

    /**
     * Renders {@code name}: from {@code userDir} when it holds a file of that name, else the
     * bundled template. A user template that fails or renders broken Markdown is bad input (exit
     * 2); a bundled one is our bug.
     */
    public static String render(
            String name, Map<String, Object> model, Path userDir, String userDirDisplay)
            throws IOException {
        boolean user = userDir != null && Files.isRegularFile(userDir.resolve(name));
        String where = user ? userDirDisplay + "/" + name : "templates/" + BUNDLED + name;
        String text = render(name, model, userDir, user, where);
        // The check looks at what the template wrote, never at commit text, which is data: a
        // subject may well say
        // "${{ github.token }}" or "[x](y". So it reads a second rendering whose strings cannot
        // look like markup.
        List<String> problems =
                MarkdownCheck.problems(render(name, inert(model), userDir, user, where));
        if (!problems.isEmpty()) {
            String msg = where + " rendered Markdown with problems: " + String.join("; ", problems);
            if (user) {
                throw new InputException(msg + " (input 'template-dir')");
            }
            throw new IllegalStateException(msg);
        }
        return text;
    }

    private static String render(
            String name, Map<String, Object> model, Path userDir, boolean user, String where)
            throws IOException {
        String text;
        if (user) {
            try {
                text = Templates.renderFile(userDir, name, model);
            } catch (ParseException e) {
                // FreeMarker's own message spans lines and repeats the position; its editor message
                // is the gist.
                String why =
                        shorten(
                                e.getEditorMessage() == null
                                        ? firstLine(e.getMessage())
                                        : firstLine(e.getEditorMessage()));
                throw new InputException(
                        where
                                + ":"
                                + Math.max(1, e.getLineNumber())
                                + ":"
                                + Math.max(1, e.getColumnNumber())
                                + ": "
                                + why
                                + " (input 'template-dir')");
            } catch (TemplateException e) {
                int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
                String pos = line + (e.getColumnNumber() == null ? "" : ":" + e.getColumnNumber());
                String why =
                        e instanceof InvalidReferenceException
                                        && e.getBlamedExpressionString() != null
                                ? e.getBlamedExpressionString() + " is not defined"
                                : firstLine(e.getMessageWithoutStackTop());
                throw new InputException(
                        where + ":" + pos + ": " + why + " (input 'template-dir')");
            }
        } else {
            text = Templates.render(BUNDLED + name, model);
        }
        return text;
    }

    /**
     * The model with every string made inert for {@link MarkdownCheck}: template markers and link syntax get a space
     * inside ({@code "$ {"}, {@code "] ("}), so whatever markup the check finds came from the template.
     */
    static Object inert(Object value) {
        if (value instanceof String s) {
            return s.replace("${", "$ {")
                    .replace("<#", "< #")
                    .replace("</", "< /")
                    .replace("<@", "< @")
                    .replace("[#", "[ #")
                    .replace("](", "] (");
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, inert(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ReleaseNotes::inert).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inert(Map<String, Object> model) {
        return (Map<String, Object>) inert((Object) model);
    }

    /** The first two sentences: FreeMarker appends generic advice that buries the point. */
    private static String shorten(String s) {
        String[] sentences = s.split("(?<=\\.) ");
        return sentences.length <= 2 ? s : sentences[0] + " " + sentences[1];
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
