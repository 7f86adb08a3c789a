package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.testing.SharedData;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real lockfile of {@code ../shared/reference/lockfiles} (third-party, unchanged): the purls
 * we emit (dev included) against OWASP cdxgen 12.8.4's output in {@code lockfiles-peer/}, every
 * difference counted and explained below; every document valid by our validator (official schemas)
 * and cyclonedx-core-java; a sample by tools-java. Skips without the shared folder.
 */
class LockfileAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Expected differences per lockfile: {cdxgen lists but we do not, we list but cdxgen does not}.
     * Everything else must be equal (purls compared percent-decoded, without qualifiers: cdxgen
     * adds {@code ?type=jar}, which the purl spec makes the default, and {@code vcs_url} to local
     * pnpm packages).
     */
    private static final Map<String, int[]> DIFFERENCES =
            Map.ofEntries(
                    // go.mod — cdxgen parses the retract block's lines as modules ("retract@(",
                    // "v0.53.2@", "v0.53.1@//").
                    Map.entry("anchore__syft__go.mod", new int[] {3, 0}),
                    // go.mod — cdxgen adds every replace target (21 modules not required at all,
                    // the local ./gitops-engine,
                    // and golang.org/x/tools v0.35.0 next to v0.48.0); we apply the replace: the
                    // required module at the
                    // replacement version, a local-path replacement is the project's own code
                    // (reported, not listed).
                    Map.entry("argoproj__argo-cd__go.mod", new int[] {24, 0}),
                    // go.mod — cdxgen parses "exclude" lines as modules, lists the two excluded
                    // versions and the replace
                    // target cloud.google.com/go@v0.123.0 that is not required.
                    Map.entry("prometheus__prometheus__go.mod", new int[] {5, 0}),
                    // go.sum alone — we list modules whose source was downloaded (zip h1: line);
                    // cdxgen lists every module
                    // with a /go.mod line, i.e. also those only consulted for version selection,
                    // never built. The one we
                    // add back has a zip hash but no /go.mod line (cdxgen reads only /go.mod
                    // lines).
                    Map.entry("anchore__syft__go.sum", new int[] {823, 0}),
                    Map.entry("argoproj__argo-cd__go.sum", new int[] {612, 1}),
                    Map.entry("grafana__k6__go.sum", new int[] {208, 0}),
                    Map.entry("helm__helm__go.sum", new int[] {126, 0}),
                    Map.entry("kubernetes-sigs__kind__go.sum", new int[] {9, 0}),
                    Map.entry("prometheus__prometheus__go.sum", new int[] {183, 1}),
                    // npm workspaces: the 16 members (targets of link: true entries) are the
                    // project's own code, not
                    // dependencies; cdxgen and cyclonedx-npm list them.
                    Map.entry("microsoft__playwright__package-lock.json", new int[] {16, 0}),
                    // yarn berry: the workspace:. entry (the project itself) becomes a component in
                    // cdxgen.
                    Map.entry("docker__build-push-action__yarn.lock", new int[] {1, 0}),
                    // pnpm: file: packages are directories of the repository (cdxgen lists them
                    // without version).
                    Map.entry("vitejs__vite__pnpm-lock.yaml", new int[] {107, 0}),
                    Map.entry("withastro__astro__pnpm-lock.yaml", new int[] {3, 0}),
                    // uv: the editable root (uv) and the workspace member pydantic-core are the
                    // project, not dependencies.
                    Map.entry("astral-sh__uv__uv.lock", new int[] {1, 0}),
                    Map.entry("pydantic__pydantic__uv.lock", new int[] {1, 0}),
                    // requirements: cdxgen drops pip (its python-stdlib list names it); pip is
                    // pinned three times here.
                    Map.entry(
                            "pypa__cibuildwheel__cibuildwheel__resources__constraints-python312.txt",
                            new int[] {0, 3}),
                    // Cargo: packages without a source are the workspace's own crates.
                    Map.entry("astral-sh__uv__Cargo.lock", new int[] {70, 0}),
                    Map.entry("denoland__deno__Cargo.lock", new int[] {81, 0}),
                    Map.entry("pydantic__pydantic__pydantic-core__Cargo.lock", new int[] {1, 0}),
                    Map.entry("tauri-apps__tauri__Cargo.lock", new int[] {25, 0}),
                    // gradle.lockfile: cdxgen does not read it (0 components); the 4 g:a:v lines
                    // are ours.
                    Map.entry(
                            "anchore__syft__syft__pkg__cataloger__java__testdata__gradle__gradle.lockfile",
                            new int[] {0, 4}));

    private static final List<String> NAMES =
            List.of(
                    "go.mod",
                    "go.sum",
                    "package-lock.json",
                    "pnpm-lock.yaml",
                    "yarn.lock",
                    "uv.lock",
                    "poetry.lock",
                    "Pipfile.lock",
                    "Cargo.lock",
                    "pom.xml",
                    "gradle.lockfile");

    @Test
    void everyLockfileMatchesCdxgenExceptForTheExplainedDifferences(@TempDir Path tmp)
            throws Exception {
        Path lockfiles = SharedData.require("reference/lockfiles");
        Path peer = SharedData.require("reference/lockfiles-peer");
        List<Path> inputs;
        try (Stream<Path> walk = Files.walk(lockfiles)) {
            inputs =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> canonical(p) != null)
                            .sorted()
                            .toList();
        }
        assertThat(inputs).hasSize(41);
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (Path input : inputs) {
            String base = input.getFileName().toString();
            Path dir = Files.createDirectories(tmp.resolve(base));
            Files.copy(input, dir.resolve(canonical(input)));
            if (canonical(input).equals("go.mod")) {
                Files.copy(
                        input.resolveSibling(base.replaceFirst("go\\.mod$", "go.sum")),
                        dir.resolve("go.sum"));
            }
            Catalog catalog = new Scanner().scan(dir, p -> base, true);
            components += catalog.components().size();
            DocumentInfo info =
                    new DocumentInfo(base, null, "test", Instant.ofEpochSecond(0), true);
            Path cdx =
                    Files.writeString(
                            dir.resolve("out.cdx.json"), CycloneDxWriter.write(catalog, info));
            Path spdx =
                    Files.writeString(
                            dir.resolve("out.spdx.json"), SpdxWriter.write(catalog, info));
            List<String> errors =
                    new ArrayList<>(SbomValidator.validate(JSON.readTree(cdx.toFile())).errors());
            errors.addAll(SbomValidator.validate(JSON.readTree(spdx.toFile())).errors());
            errors.addAll(OracleValidators.cyclonedxCore(cdx));
            if (!errors.isEmpty()) {
                problems.add(
                        base
                                + ": invalid document: "
                                + errors.subList(0, Math.min(3, errors.size())));
            }
            Set<String> ours = new TreeSet<>();
            catalog.components().keySet().forEach(p -> ours.add(comparable(p)));
            Set<String> theirs = new TreeSet<>();
            JSON.readTree(peer.resolve(base + ".cdxgen.cdx.json").toFile())
                    .path("components")
                    .forEach(c -> theirs.add(comparable(c.path("purl").asText())));
            Set<String> missing = new TreeSet<>(theirs);
            missing.removeAll(ours);
            Set<String> extra = new TreeSet<>(ours);
            extra.removeAll(theirs);
            int[] expected = DIFFERENCES.getOrDefault(base, new int[] {0, 0});
            if (missing.size() != expected[0] || extra.size() != expected[1]) {
                problems.add(
                        base
                                + ": cdxgen-only "
                                + missing.size()
                                + " (expected "
                                + expected[0]
                                + ") "
                                + head(missing)
                                + ", ours-only "
                                + extra.size()
                                + " (expected "
                                + expected[1]
                                + ") "
                                + head(extra));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(components).isEqualTo(12_677); // with dev, over the 41 files
    }

    @Test
    void largestDocumentsPassSpdxToolsVerify(@TempDir Path tmp) throws Exception {
        Path lockfiles = SharedData.require("reference/lockfiles");
        // One per ecosystem, the graphs with most edges: tools-java resolves every relationship.
        for (String[] c :
                new String[][] {
                    {"npm/actions__checkout__package-lock.json", "package-lock.json"},
                    {"rust/pydantic__pydantic__pydantic-core__Cargo.lock", "Cargo.lock"},
                    {"python/astral-sh__uv__uv.lock", "uv.lock"},
                    {"go/kubernetes-sigs__kind__go.mod", "go.mod"},
                    {"npm/tailscale__tailscale__cmd__tsconnect__yarn.lock", "yarn.lock"},
                    {"java/spdx__tools-java__pom.xml", "pom.xml"}
                }) {
            Path dir = Files.createDirectories(tmp.resolve(c[1] + "-" + c[0].hashCode()));
            Files.copy(lockfiles.resolve(c[0]), dir.resolve(c[1]));
            Catalog catalog = new Scanner().scan(dir, p -> c[1], true);
            Path spdx =
                    Files.writeString(
                            dir.resolve("out.spdx.json"),
                            SpdxWriter.write(
                                    catalog,
                                    new DocumentInfo(
                                            "x", "1", "test", Instant.ofEpochSecond(0), true)));
            assertThat(OracleValidators.spdxTools(spdx)).as(c[0]).isEmpty();
        }
    }

    @Test
    void theSharedSpdxExampleValidates() throws Exception {
        Path example =
                SharedData.require(
                        "reference/sbom-samples/spdx-tools-java-tests/SPDXJSONExample-v2.3.spdx.json");
        assertThat(SbomValidator.validate(JSON.readTree(example.toFile())).errors()).isEmpty();
    }

    private static String canonical(Path p) {
        String n = p.getFileName().toString();
        for (String name : NAMES) {
            if (n.endsWith("__" + name)) {
                return name;
            }
        }
        return n.endsWith(".txt") ? "requirements.txt" : null;
    }

    private static String comparable(String purl) {
        String p = purl;
        int cut = p.length();
        for (char ch : new char[] {'?', '#'}) {
            int i = p.indexOf(ch);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return URLDecoder.decode(p.substring(0, cut).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String head(Set<String> s) {
        return s.stream().limit(3).toList().toString();
    }
}
