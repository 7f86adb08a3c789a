package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The commonmark check of rendered notes and the linking of issue references and SHAs. */
class MarkdownAndLinksTest {
    @Test
    void wellFormedNotesPass() {
        assertThat(
                        MarkdownCheck.problems(
                                "## Features\n\n- **api:** Add ([#1](https://github.com/o/r/issues/1))\n"
                                        + "- `${not a template}` in code is fine\n\n```\n<#if x>\n```\n"))
                .isEmpty();
    }

    @Test
    void leftOverTemplateMarkupAndBrokenLinksAreReported() {
        assertThat(MarkdownCheck.problems("# T\n\nhello ${name}\n"))
                .containsExactly("line 3: template markup '${' left in the text: 'hello ${name}'");
        assertThat(MarkdownCheck.problems("<#list groups as g>\n")).hasSize(1);
        assertThat(MarkdownCheck.problems("[x]()\n"))
                .containsExactly("line 1: link with an empty destination");
        assertThat(MarkdownCheck.problems("[x](javascript:alert(1))\n"))
                .singleElement()
                .asString()
                .contains("scheme 'javascript'");
        assertThat(MarkdownCheck.problems("[x](https:///nohost)\n"))
                .singleElement()
                .asString()
                .contains("no host");
        assertThat(MarkdownCheck.problems("see [x](https://a.example/b c)\n"))
                .singleElement()
                .asString()
                .contains("link markup that is not a link");
    }

    @Test
    void issueReferencesAndShasBecomeLinksOutsideCode() {
        Links links = Links.of("https://github.com/o/r/");
        assertThat(
                        links.markdown(
                                "fix thing (#12), see #3 and abc1234; `#4 deadbeef1` stays; &#123; too"))
                .isEqualTo(
                        "fix thing ([#12](https://github.com/o/r/issues/12)), see [#3](https://github.com/o/r/issues/3)"
                                + " and [abc1234](https://github.com/o/r/commit/abc1234); `#4 deadbeef1` stays; &#123; too");
        assertThat(links.markdown("version 1234567 and word facade"))
                .isEqualTo("version 1234567 and word facade");
        assertThat(Links.of(null).markdown("#12")).isEqualTo("#12");
        assertThat(links.compare("v1.0.0", "v1.1.0"))
                .isEqualTo("https://github.com/o/r/compare/v1.0.0...v1.1.0");
    }

    @Test
    void githubRemotesGiveTheWebUrl() {
        assertThat(Links.fromRemote("git@github.com:octo/demo.git"))
                .contains("https://github.com/octo/demo");
        assertThat(Links.fromRemote("https://github.com/octo/demo"))
                .contains("https://github.com/octo/demo");
        assertThat(Links.fromRemote("https://x-access-token:abc@github.com/octo/demo.git/"))
                .contains("https://github.com/octo/demo");
        assertThat(Links.fromRemote("ssh://git@github.com/octo/demo.git"))
                .contains("https://github.com/octo/demo");
        assertThat(Links.fromRemote("https://gitlab.com/octo/demo.git")).isEmpty();
    }
}
