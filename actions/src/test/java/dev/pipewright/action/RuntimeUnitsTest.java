package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.action.coverage.CoverageGateAction;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeUnitsTest {
    private static final ActionDescriptor D = ActionRunnerTest.ProbeAction.DESCRIPTOR;

    @Test
    void envNamesUpperCaseAndReplaceSpacesButKeepHyphens() {
        assertThat(InputSpec.envName("base-file")).isEqualTo("INPUT_BASE-FILE");
        assertThat(InputSpec.envName("api token")).isEqualTo("INPUT_API_TOKEN");
    }

    @Test
    void typedInputsNameTheInputInErrors() {
        Inputs in = new Inputs(D, Map.of("INPUT_COUNT", "abc", "INPUT_MODE", "yes"));
        assertThatThrownBy(() -> in.integer("count", 0, 9))
                .hasMessage("input 'count': expected a whole number, got 'abc'");
        assertThatThrownBy(() -> in.bool("mode"))
                .hasMessage("input 'mode': expected true or false, got 'yes'");
        assertThat(new Inputs(D, Map.of("INPUT_MODE", "TRUE")).bool("mode")).isTrue();
        assertThat(new Inputs(D, Map.of("INPUT_MODE", "a, b\n\nc,")).list("mode"))
                .containsExactly("a", "b", "c");
        assertThat(new Inputs(D, Map.of()).string("mode")).isEqualTo("pass");
        assertThat(
                        new Inputs(D, Map.of("INPUT_COUNT", "8.5%"))
                                .decimal("count", BigDecimal.ZERO, BigDecimal.TEN))
                .contains(new BigDecimal("8.5"));
        assertThatThrownBy(
                        () ->
                                new Inputs(D, Map.of("INPUT_COUNT", "80"))
                                        .decimal("count", BigDecimal.ZERO, BigDecimal.TEN))
                .hasMessage("input 'count': must be between 0 and 10, got 80");
    }

    @Test
    void requiredInputMissingSaysHowToFixIt() {
        Inputs in = new Inputs(CoverageGateAction.DESCRIPTOR, Map.of());
        assertThatThrownBy(() -> in.string("files"))
                .hasMessage(
                        "input 'files': is required but was not given (set it under 'with:' or pass --files)");
    }

    @Test
    void escapingFollowsTheRunner() {
        assertThat(WorkflowCommands.escapeData("a%b\r\nc:d,e")).isEqualTo("a%25b%0D%0Ac:d,e");
        assertThat(WorkflowCommands.escapeProperty("a%b\r\nc:d,e"))
                .isEqualTo("a%25b%0D%0Ac%3Ad%2Ce");
        assertThat(
                        WorkflowCommands.format(
                                new Annotation(Annotation.Level.ERROR, "a.go", 1, 0, null, "m")))
                .isEqualTo("::error file=a.go,line=1::m");
    }

    @Test
    void heredocDelimitersNeverCollideWithValues() {
        for (int i = 0; i < 200; i++) {
            String tricky = "x\n" + FileCommands.delimiter() + "\ninjected=1";
            String text = FileCommands.heredocs(new LinkedHashMap<>(Map.of("k", tricky)));
            assertThat(SimulatedRunner.parseOutputs(text)).containsExactly(Map.entry("k", tricky));
        }
    }

    @Test
    void appendKeepsEarlierContentAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out");
        Files.writeString(f, "a=1\n");
        FileCommands.appendAtomically(f, "b=2\n");
        assertThat(f).hasContent("a=1\nb=2");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void actionYamlTreeComesFromTheDescriptor() {
        Map<String, Object> tree = CoverageGateAction.DESCRIPTOR.actionYamlTree("0.1.0");
        assertThat(tree.keySet())
                .containsExactly(
                        "name", "description", "author", "inputs", "outputs", "runs", "branding");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> inputs =
                (Map<String, Map<String, Object>>) tree.get("inputs");
        assertThat(inputs.keySet())
                .startsWith(
                        "files", "format", "min", "rules", "base-file", "max-drop", "diff-file");
        assertThat(inputs.get("files"))
                .containsEntry("required", true)
                .doesNotContainKey("default");
        assertThat(inputs.get("format"))
                .containsEntry("required", false)
                .containsEntry("default", "auto");
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) tree.get("outputs");
        assertThat(outputs.keySet())
                .containsExactly(
                        "coverage",
                        "branch-coverage",
                        "delta",
                        "patch-coverage",
                        "passed",
                        "report");
        assertThat(tree.get("runs"))
                .isEqualTo(
                        Map.of(
                                "using",
                                "docker",
                                "image",
                                "docker://ghcr.io/pipewright/pipewright-actions:0.1.0",
                                "args",
                                List.of("coverage-gate")));
        assertThat(tree.get("branding")).isEqualTo(Map.of("icon", "percent", "color", "green"));
    }

    @Test
    void descriptorRejectsInputsThatCollideOnTheRunner() {
        assertThatThrownBy(
                        () ->
                                new ActionDescriptor(
                                        "x",
                                        "X",
                                        "d",
                                        null,
                                        List.of(InputSpec.of("a", "d"), InputSpec.of("a", "d")),
                                        List.of(),
                                        new Branding("check", "blue")))
                .hasMessageContaining("map to INPUT_A");
        assertThatThrownBy(() -> new Branding("check", "pink"))
                .hasMessageContaining("is not one of");
    }

    @Test
    void globsExpandSortedAndFailWhenNothingMatches(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.out"), "");
        Files.writeString(dir.resolve("top.out"), "");
        Workspace ws = new Workspace(dir, true);
        assertThat(ws.glob("files", List.of("**/*.out")))
                .containsExactly(dir.resolve("a/b/c.out"), dir.resolve("top.out"));
        assertThat(ws.glob("files", List.of("a/**/*.out", "top.out"))).hasSize(2);
        assertThatThrownBy(() -> ws.glob("files", List.of("nope/*.xml")))
                .hasMessageStartingWith("nope/*.xml:1: no such file (input 'files'");
        assertThatThrownBy(() -> ws.glob("files", List.of("/etc/passwd")))
                .hasMessageContaining("outside the workspace");
    }
}
