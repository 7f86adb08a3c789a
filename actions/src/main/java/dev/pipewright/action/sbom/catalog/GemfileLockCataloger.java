package dev.pipewright.action.sbom.catalog;

import dev.pipewright.action.sbom.Catalog;
import dev.pipewright.action.sbom.Component;
import dev.pipewright.action.sbom.Ecosystem;
import dev.pipewright.action.sbom.LockfileException;
import dev.pipewright.action.sbom.Purl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Bundler's {@code Gemfile.lock}: the {@code specs:} of {@code GEM} and {@code GIT} sections
 * (four-space {@code name (version[-platform])} lines, six-space dependency lines) as {@code
 * pkg:gem/name@version}, a platform other than {@code ruby} as the {@code platform} qualifier, a
 * git gem with a {@code vcs_url}; {@code PATH} gems are the project's own. {@code DEPENDENCIES}
 * names the direct ones; {@code CHECKSUMS} (Bundler 2.5+) gives the SHA-256 of each {@code .gem}.
 * The lock does not record Gemfile groups, so nothing is marked dev.
 */
public final class GemfileLockCataloger implements Cataloger {
    /** One spec line: its component id and the gem names it depends on. */
    private record Spec(
            String name, String version, String platform, String vcs, List<String> deps) {}

    @Override
    public boolean accepts(Path file, String relative) {
        String n = file.getFileName().toString();
        return (n.equals("Gemfile.lock") || n.equals("gems.locked"))
                && !relative.contains("vendor/bundle/");
    }

    @Override
    public void read(Path file, String display, Catalog catalog, Options options)
            throws IOException {
        String[] lines = Readers.text(file, display).split("\r?\n", -1);
        List<Spec> specs = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        Map<String, String> checksums = new HashMap<>(); // "name (version)" -> sha256 hex
        String section = null;
        String remote = null;
        String revision = null;
        Spec current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.strip();
                remote = null;
                revision = null;
                current = null;
                continue;
            }
            if (section == null) {
                throw new LockfileException(display, i + 1, "indented line before any section");
            }
            String content = line.strip();
            int indent = line.length() - line.stripLeading().length();
            switch (section) {
                case "GEM", "GIT", "PATH" -> {
                    if (indent == 2 && content.startsWith("remote:")) {
                        remote = content.substring(7).strip();
                    } else if (indent == 2 && content.startsWith("revision:")) {
                        revision = content.substring(9).strip();
                    } else if (indent == 4) {
                        String[] nv = nameVersion(content, display, i + 1);
                        if (nv[1] == null) {
                            throw new LockfileException(
                                    display,
                                    i + 1,
                                    "a spec needs 'name (version)', got '" + content + "'");
                        }
                        String[] vp = splitPlatform(nv[1]);
                        String vcs =
                                section.equals("GIT") && remote != null
                                        ? "git+" + remote + (revision == null ? "" : "@" + revision)
                                        : null;
                        current = new Spec(nv[0], vp[0], vp[1], vcs, new ArrayList<>());
                        if (!section.equals("PATH")) {
                            specs.add(current);
                        }
                    } else if (indent == 6 && current != null) {
                        current.deps().add(nameVersion(content, display, i + 1)[0]);
                    }
                }
                case "DEPENDENCIES" ->
                        direct.add(nameVersion(content, display, i + 1)[0].replaceAll("!$", ""));
                case "CHECKSUMS" -> {
                    int sp = content.indexOf(") ");
                    int sha = content.indexOf("sha256=");
                    if (sp > 0 && sha > sp) {
                        checksums.put(
                                content.substring(0, sp + 1),
                                content.substring(sha + 7).split("[ ,]")[0]);
                    }
                }
                default -> {} // PLATFORMS, RUBY VERSION, BUNDLED WITH: not packages
            }
        }
        Map<String, List<String>> idsByName = new LinkedHashMap<>();
        List<String> specIds = new ArrayList<>();
        for (Spec s : specs) {
            SortedMap<String, SortedSet<String>> h = Hashes.none();
            String full = s.platform() == null ? s.version() : s.version() + "-" + s.platform();
            Hashes.addHex(h, "SHA-256", checksums.get(s.name() + " (" + full + ")"));
            Purl purl = Purl.of("gem", null, s.name(), s.version());
            if (s.platform() != null) {
                purl = purl.withQualifier("platform", s.platform());
            }
            if (s.vcs() != null) {
                purl = purl.withQualifier("vcs_url", s.vcs());
            }
            String id =
                    catalog.add(
                            new Component(
                                    Ecosystem.RUBY,
                                    s.name(),
                                    s.version(),
                                    purl,
                                    h,
                                    false,
                                    Set.of(display)));
            idsByName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(id);
            specIds.add(id);
        }
        for (int i = 0; i < specs.size(); i++) {
            for (String dep : specs.get(i).deps()) {
                for (String to : idsByName.getOrDefault(dep, List.of())) {
                    catalog.edge(specIds.get(i), to);
                }
            }
        }
        for (String d : direct) {
            idsByName.getOrDefault(d, List.of()).forEach(catalog::direct);
        }
    }

    /**
     * {@code name (constraint)} or {@code name}: the name and what is in the parentheses (or null).
     */
    private static String[] nameVersion(String content, String display, int line) {
        int paren = content.indexOf(" (");
        if (paren < 0) {
            return new String[] {content, null};
        }
        if (!content.endsWith(")")) {
            throw new LockfileException(
                    display, line, "expected 'name (version)', got '" + content + "'");
        }
        return new String[] {
            content.substring(0, paren), content.substring(paren + 2, content.length() - 1)
        };
    }

    /** RubyGems versions have no '-', so {@code 1.16.0-x86_64-linux} is version and platform. */
    private static String[] splitPlatform(String version) {
        if (version == null) {
            return new String[] {null, null};
        }
        int dash = version.indexOf('-');
        return dash > 0
                ? new String[] {version.substring(0, dash), version.substring(dash + 1)}
                : new String[] {version, null};
    }
}
