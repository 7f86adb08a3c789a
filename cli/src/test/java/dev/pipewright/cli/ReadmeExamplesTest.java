package dev.pipewright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.lint.Finding;
import dev.pipewright.lint.LintConfig;
import dev.pipewright.lint.Linter;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.spec.SpecLoader;
import dev.pipewright.testing.Oracles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Every fenced example in README.md is extracted and exercised the way a reader would use it: Java
 * compiles as it stands (imports included) and a pipeline's workflows build; a {@code
 * pipewright.yml} loads; a workflow passes our linter with its audits and GitHub's parser; shell
 * lines that call {@code pipewright} parse with the CLI's own options; XML is well formed. A block
 * tagged {@code text} or {@code console} is prose.
 */
class ReadmeExamplesTest {
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile(
                    "public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface)\\s+(\\w+)");
    private static final Pattern PACKAGE =
            Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    @TempDir static Path work;

    /** A fenced block: its language tag, text and the README line it starts on. */
    record Block(String language, String text, int line) {
        String name() {
            return "README.md:" + line + " (" + language + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExample() throws IOException {
        Path readme = root().resolve("README.md");
        List<Block> blocks = blocks(Files.readString(readme));
        assertThat(blocks).as("README examples").hasSizeGreaterThan(5);
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> exercise(b)));
    }

    /**
     * CONTRIBUTING.md's examples (the reference pipelines' Java and spec) are held to the same
     * checks.
     */
    @TestFactory
    Stream<DynamicTest> everyContributingExample() throws IOException {
        List<Block> blocks = blocks(Files.readString(root().resolve("CONTRIBUTING.md")));
        assertThat(blocks).as("CONTRIBUTING examples").hasSizeGreaterThan(2);
        return blocks.stream()
                .map(
                        b ->
                                DynamicTest.dynamicTest(
                                        "CONTRIBUTING.md:" + b.line() + " (" + b.language() + ")",
                                        () -> exercise(b)));
    }

    private void exercise(Block b) throws Exception {
        switch (b.language()) {
            case "java" -> compileAndBuild(b);
            case "yaml", "yml" -> yaml(b);
            case "sh", "bash", "shell" -> shell(b);
            case "xml" ->
                    DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(
                                    new ByteArrayInputStream(
                                            b.text().getBytes(StandardCharsets.UTF_8)));
            case "text", "console", "" -> {}
            default ->
                    throw new AssertionError(
                            b.name()
                                    + ": no check for language '"
                                    + b.language()
                                    + "'; tag it text if it is prose");
        }
    }

    private void compileAndBuild(Block b) throws Exception {
        Matcher type = PUBLIC_TYPE.matcher(b.text());
        assertThat(type.find())
                .as(b.name() + " declares a public type, so it compiles as it stands")
                .isTrue();
        Matcher pkg = PACKAGE.matcher(b.text());
        String pkgName = pkg.find() ? pkg.group(1) : "";
        Path dir = Files.createTempDirectory(work, "java");
        Path src =
                dir.resolve("src")
                        .resolve(pkgName.replace('.', '/'))
                        .resolve(type.group(1) + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, b.text());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok =
                javac.getTask(
                                diagnostics,
                                null,
                                null,
                                List.of(
                                        "-classpath",
                                        System.getProperty("java.class.path"),
                                        "-d",
                                        classes.toString(),
                                        "-proc:none"),
                                null,
                                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                        .getJavaFileObjects(src.toFile()))
                        .call();
        assertThat(ok).as(b.name() + " compiles:\n" + diagnostics).isTrue();
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c =
                    loader.loadClass(
                            pkgName.isEmpty() ? type.group(1) : pkgName + "." + type.group(1));
            if (Pipeline.class.isAssignableFrom(c)) {
                Pipeline p = (Pipeline) c.getConstructor().newInstance();
                assertThat(p.workflows()).as(b.name() + " builds its workflows").isNotEmpty();
            }
        }
    }

    private void yaml(Block b) throws Exception {
        Object doc = new Yaml().load(b.text());
        assertThat(doc).as(b.name() + " is a YAML mapping").isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) doc;
        if (map.containsKey("stack")) {
            assertThat(SpecLoader.parse(b.text(), b.name()).workflows()).isNotEmpty();
        } else if (map.containsKey("jobs")) {
            Path project = Files.createTempDirectory(work, "wf");
            Path file = project.resolve(".github/workflows/example.yml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.text());
            // our actions as a user installs them: actions/<id>/action.yml copied to
            // .github/actions/pipewright-<id>
            Matcher local =
                    Pattern.compile("uses: \\./\\.github/actions/pipewright-([a-z-]+)")
                            .matcher(b.text());
            while (local.find()) {
                Path target =
                        project.resolve(
                                ".github/actions/pipewright-" + local.group(1) + "/action.yml");
                Files.createDirectories(target.getParent());
                Files.copy(
                        root().resolve("actions/" + local.group(1) + "/action.yml"),
                        target,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            List<Finding> findings =
                    new Linter(LintConfig.empty()).lintPaths(List.of(file), file.getParent());
            assertThat(findings).as(b.name() + " passes pipewright lint with audits").isEmpty();
            assertThat(Oracles.workflowParser(file))
                    .as(b.name() + " passes GitHub's parser")
                    .isEmpty();
            assertThat(Oracles.actionlint177(file)).as(b.name() + " passes actionlint").isEmpty();
        } else if (map.containsKey("self-hosted-runner")
                || map.containsKey("ignore")
                || map.containsKey("audits")) {
            // a .github/pipewright-lint.yml: the linter must accept it as its configuration
            Path config = Files.createTempDirectory(work, "cfg").resolve("pipewright-lint.yml");
            Files.writeString(config, b.text());
            LintConfig.load(config);
        } else if (map.containsKey("repos")) {
            // a .pre-commit-config.yaml: each hook it names must be one this repository exposes
            String hooks = Files.readString(root().resolve(".pre-commit-hooks.yaml"));
            for (Object repo : (List<?>) map.get("repos")) {
                for (Object hook : (List<?>) ((Map<?, ?>) repo).get("hooks")) {
                    assertThat(hooks).as(b.name()).contains("id: " + ((Map<?, ?>) hook).get("id"));
                }
            }
        }
    }

    private void shell(Block b) {
        for (String raw : b.text().split("\n")) {
            // the command itself: comments, redirections and pipes are the shell's
            String line =
                    raw.replaceAll("\\s+#.*$", "").replaceAll("\\s*(>|\\||&&).*$", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(line.split("\\s+")));
            String command = words.remove(0);
            if (command.equals("./pipewright") || command.equals("pipewright")) {
                List<String> args =
                        words.stream().map(w -> w.replaceAll("^'(.*)'$", "$1")).toList();
                CommandLine cl = PipewrightCommand.commandLine();
                CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
                assertThat(parsed.hasSubcommand() || args.isEmpty() || args.contains("--help"))
                        .as(b.name() + ": " + line + " names a subcommand")
                        .isTrue();
            }
        }
    }

    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build()
                .parse(markdown)
                .accept(
                        new AbstractVisitor() {
                            @Override
                            public void visit(FencedCodeBlock block) {
                                String info =
                                        block.getInfo() == null
                                                ? ""
                                                : block.getInfo().strip().split("\\s+")[0];
                                int line =
                                        block.getSourceSpans().isEmpty()
                                                ? 0
                                                : block.getSourceSpans().get(0).getLineIndex() + 1;
                                out.add(new Block(info, block.getLiteral(), line));
                            }
                        });
        return out;
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null
                && !(Files.isRegularFile(p.resolve("README.md"))
                        && Files.isDirectory(p.resolve("cli")))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
