package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every nasty string survives as a value, a key and a sequence item, in YAML 1.1 and 1.2. */
class QuotingTableTest {

    /** Strings that some YAML reader would mangle if written carelessly. */
    static final List<String> NASTY =
            List.of(
                    // the brief's table
                    "3.10",
                    "0755",
                    "0x1F",
                    "0o14",
                    "1e3",
                    ".inf",
                    "12:30",
                    "yes",
                    "no",
                    "on",
                    "off",
                    "y",
                    "n",
                    "true",
                    "null",
                    "~",
                    "",
                    " lead",
                    "trail ",
                    "*x",
                    "&x",
                    "!x",
                    "@x",
                    "`x",
                    "%x",
                    "#x",
                    "a: b",
                    "a #b",
                    "-",
                    "- x",
                    "? x",
                    "[x]",
                    "{x}",
                    "'q'",
                    "\"dq\"",
                    "tab\tinside",
                    "multi\nline",
                    "multi\nline\n",
                    "ünïcödé",
                    "${{ github.ref == 'refs/heads/main' }}",
                    // more implicit types
                    "<<",
                    "=",
                    "2001-12-14",
                    "2001-12-14t21:59:43.10-05:00",
                    "2001-12-14 21:59:43.10 -5",
                    "1_000",
                    "+1",
                    "-1",
                    ".5",
                    "1.",
                    "1:30.5",
                    "190:20:30",
                    "0b1010",
                    "0o7",
                    "-.inf",
                    "+.INF",
                    ".NaN",
                    ".nan",
                    "1E3",
                    "1e+3",
                    "6.8523015e+5",
                    "685.230_15e+03",
                    "0.",
                    "-0",
                    "+0x1F",
                    "Yes",
                    "YES",
                    "yEs",
                    "ON",
                    "On",
                    "Off",
                    "NULL",
                    "Null",
                    "True",
                    "FALSE",
                    "Y",
                    "N",
                    "~~",
                    "!",
                    "&",
                    "*",
                    "${HOME}",
                    "${ HOME }",
                    "${X:-default}",
                    // line breaks, whitespace and invisible characters
                    "\r\n",
                    "\r",
                    "a\r\nb\r\n",
                    "a\n\nb",
                    " \nx",
                    "x\n  ",
                    "x\n\n",
                    "x\n\n\n",
                    "\n",
                    "\n\n",
                    "\nx",
                    "a  \nb  \n",
                    "trailing spaces   \nline\n",
                    "  indented\nnext\n",
                    "  indented\n",
                    "\tx\ny",
                    "x\n\ty\n",
                    "a\n \nb",
                    " ",
                    "  ",
                    "\t",
                    "a\tb\n",
                    "\u0085",
                    "a\u0085b",
                    "\u2028",
                    "a\u2029b",
                    "\uFEFF",
                    "x\uFEFF",
                    "\u0000",
                    "a\u0007b",
                    "\u001B[31m",
                    "\u007F",
                    "\u009F",
                    "\uFFFE",
                    "\u00A0x",
                    "x\u00A0",
                    "\u3000",
                    "emoji 😀",
                    "😀",
                    // syntax
                    "key:",
                    "key::",
                    ":x",
                    "::",
                    "-x",
                    "--flag",
                    "---",
                    "--- x",
                    "...",
                    "?x",
                    "??",
                    "-?",
                    "a:b",
                    "a,b",
                    "a]b",
                    "x #",
                    "x#y",
                    "#",
                    "a # b",
                    "|",
                    ">",
                    "|-",
                    "> x",
                    "'",
                    "\"",
                    "it's",
                    "say \"hi\"",
                    "back\\slash",
                    "a\\nb",
                    "- - x",
                    "[a, b]",
                    "{a: b}",
                    "@",
                    "`",
                    "%YAML 1.2",
                    "- ",
                    "a:\tb",
                    "? ",
                    "[",
                    "{",
                    "}",
                    "]",
                    ",",
                    "x,",
                    "x, y",
                    // long single line: must never be folded
                    "x".repeat(150) + " " + "y".repeat(149),
                    "word ".repeat(80).trim());

    static Stream<Arguments> nasty() {
        return NASTY.stream().map(s -> Arguments.of(Quoting.doubleQuotedLenient(s), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nasty")
    void survivesAsValue(String name, String s) {
        String doc = YamlWriter.write(new YamlMap().put("k", s), null);
        for (Readers r : Readers.values()) {
            Object value = ((Map<?, ?>) r.load(doc)).get("k");
            assertThat(value).as("%s reading%n%s", r, doc).isInstanceOf(String.class).isEqualTo(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nasty")
    void survivesAsSequenceItem(String name, String s) {
        String doc =
                YamlWriter.write(
                        new YamlMap().put("k", YamlSeq.ofStrings(List.of(s, "after"))), null);
        for (Readers r : Readers.values()) {
            Object list = ((Map<?, ?>) r.load(doc)).get("k");
            assertThat(list).as("%s reading%n%s", r, doc).isEqualTo(List.of(s, "after"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nasty")
    void survivesAsKey(String name, String s) {
        String doc = YamlWriter.write(new YamlMap().put(s, "v").put("next", "w"), null);
        for (Readers r : Readers.values()) {
            Map<?, ?> map = (Map<?, ?>) r.load(doc);
            // The key "on" is the one deliberate exception, see onKeyIsPlainGitHubDialect().
            Object expectedKey = s.equals("on") && r.isYaml11() ? Boolean.TRUE : s;
            assertThat(keys(map)).as("%s reading%n%s", r, doc).containsExactly(expectedKey, "next");
            assertThat(map.get(expectedKey)).isEqualTo("v");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nasty")
    void survivesNestedDeep(String name, String s) {
        // Literal blocks and quoted scalars several levels down, in a map inside a sequence.
        YamlMap root =
                new YamlMap()
                        .put(
                                "a",
                                new YamlMap()
                                        .put(
                                                "b",
                                                YamlSeq.of(
                                                        new YamlMap()
                                                                .put("c", s)
                                                                .put(s.equals("on") ? "on2" : s, s),
                                                        YamlSeq.of(YamlScalar.of(s)))));
        String doc = YamlWriter.write(root, null);
        for (Readers r : Readers.values()) {
            assertThat(Readers.diff(r.expected(root), r.load(doc), ""))
                    .as("%s reading%n%s", r, doc)
                    .isNull();
        }
    }

    /**
     * GitHub dialect: the trigger key {@code on} is written plain. GitHub reads the string "on"; a
     * YAML 1.1 reader sees Boolean true, a YAML 1.2 reader the string "on". Intended.
     */
    @Test
    void onKeyIsPlainGitHubDialect() {
        String doc =
                YamlWriter.write(
                        new YamlMap().put("on", new YamlMap().put("push", new YamlMap())), null);
        assertThat(doc).isEqualTo("on:\n  push: {}\n");
        assertThat(keys(Readers.YAML_1_1.load(doc))).containsExactly(Boolean.TRUE);
        assertThat(keys(Readers.YAML_1_2.load(doc))).containsExactly("on");
        assertThat(keys(Readers.YAML_1_2_CORE.load(doc))).containsExactly("on");
    }

    @Test
    void onExceptionIsOnlyForTheExactKey() {
        assertThat(YamlWriter.write(new YamlMap().put("On", 1L).put("ON", 2L).put("off", 3L), null))
                .isEqualTo("'On': 1\n'ON': 2\n'off': 3\n");
        // As a value "on" is an ordinary string and gets quoted.
        assertThat(YamlWriter.write(new YamlMap().put("k", "on"), null)).isEqualTo("k: 'on'\n");
    }

    private static List<Object> keys(Object map) {
        return new ArrayList<>(((Map<?, ?>) map).keySet());
    }
}
