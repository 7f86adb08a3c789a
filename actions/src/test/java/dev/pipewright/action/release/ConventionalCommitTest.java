package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Conventional Commits 1.0.0 parser on the spec's own examples and its edge cases. */
class ConventionalCommitTest {
    private static ConventionalCommit ok(String message) {
        ConventionalCommit.Parsed p = ConventionalCommit.parse(message);
        assertThat(p.error()).as(message).isNull();
        return p.commit();
    }

    private static String error(String message) {
        ConventionalCommit.Parsed p = ConventionalCommit.parse(message);
        assertThat(p.conventional()).as(message).isFalse();
        return p.error();
    }

    @Test
    void specExamples() {
        ConventionalCommit a =
                ok(
                        "feat: allow provided config object to extend other configs\n\n"
                                + "BREAKING CHANGE: `extends` key in config file is now used for extending other config files");
        assertThat(a.breaking()).isTrue();
        assertThat(a.body()).isNull();
        assertThat(a.breakingDescription()).startsWith("`extends` key");

        ConventionalCommit b = ok("feat!: send an email to the customer when a product is shipped");
        assertThat(b.bang()).isTrue();
        assertThat(b.breakingDescription())
                .isEqualTo("send an email to the customer when a product is shipped");

        ConventionalCommit c =
                ok("feat(api)!: send an email to the customer when a product is shipped");
        assertThat(c.scope()).isEqualTo("api");
        assertThat(c.breaking()).isTrue();

        ConventionalCommit d =
                ok(
                        "chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.");
        assertThat(d.breakingDescription())
                .isEqualTo("use JavaScript features not available in Node 6.");

        ConventionalCommit e =
                ok(
                        "fix: prevent racing of requests\n\n"
                                + "Introduce a request id and a reference to latest request. Dismiss\n"
                                + "incoming responses other than from latest request.\n\n"
                                + "Remove timeouts which were used to mitigate the racing issue but are\n"
                                + "obsolete now.\n\n"
                                + "Reviewed-by: Z\n"
                                + "Refs: #123");
        assertThat(e.body())
                .startsWith("Introduce a request id")
                .endsWith("obsolete now.")
                .contains("\n\nRemove timeouts");
        assertThat(e.footers())
                .containsExactly(
                        new ConventionalCommit.Footer("Reviewed-by", ":", "Z"),
                        new ConventionalCommit.Footer("Refs", ":", "#123"));
        assertThat(e.references()).containsExactly("123");
        assertThat(e.breaking()).isFalse();

        ConventionalCommit f =
                ok(
                        "revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868");
        assertThat(f.typeKey()).isEqualTo("revert");
        assertThat(f.footer("refs").orElseThrow().value()).isEqualTo("676104e, a215868");
    }

    @Test
    void footersWithHashSeparatorsAndMultiLineValues() {
        ConventionalCommit c =
                ok(
                        "fix: x\n\nbody\n\nCloses #7\nBREAKING CHANGE: first line\n  second line\n\n"
                                + "  third after blank\nAcked-by: me");
        assertThat(c.body()).isEqualTo("body");
        assertThat(c.footers())
                .extracting(ConventionalCommit.Footer::token)
                .containsExactly("Closes", "BREAKING CHANGE", "Acked-by");
        assertThat(c.footers().get(0)).isEqualTo(new ConventionalCommit.Footer("Closes", "#", "7"));
        assertThat(c.breakingDescription())
                .isEqualTo("first line\n  second line\n\n  third after blank");
        assertThat(c.references()).containsExactly("7");
    }

    @Test
    void footerParagraphsAfterABodyParagraphThatLooksLikeOne() {
        // "Note: …" is followed by a plain paragraph, so it is body; only the trailing paragraphs
        // are footers.
        ConventionalCommit c =
                ok("feat: x\n\nNote: this is body\n\nplain text\n\nRefs: #1\n\nFixes #2");
        assertThat(c.body()).isEqualTo("Note: this is body\n\nplain text");
        assertThat(c.footers())
                .extracting(ConventionalCommit.Footer::token)
                .containsExactly("Refs", "Fixes");
    }

    @Test
    void breakingChangeMustBeUpperCaseAndHyphenIsASynonym() {
        assertThat(ok("fix: x\n\nBREAKING-CHANGE: y").breaking()).isTrue();
        assertThat(ok("fix: x\n\nbreaking-change: y").breaking()).isFalse();
        // 'breaking change' with a space is no token at all: the line stays body text.
        ConventionalCommit c = ok("fix: x\n\nbreaking change: y");
        assertThat(c.breaking()).isFalse();
        assertThat(c.body()).isEqualTo("breaking change: y");
    }

    @Test
    void typesAreCaseInsensitiveAndKeptAsWritten() {
        ConventionalCommit c = ok("FEAT(Scope): x");
        assertThat(c.type()).isEqualTo("FEAT");
        assertThat(c.typeKey()).isEqualTo("feat");
        assertThat(Grouping.defaults().titleFor(c.type())).isEqualTo("Features");
        assertThat(Grouping.defaults().titleFor("Fix")).isEqualTo("Bug Fixes");
        assertThat(Grouping.defaults().titleFor("wip")).isEqualTo(Grouping.OTHER);
    }

    @Test
    void notConventional() {
        assertThat(error("feat : space before colon")).contains("unexpected space at 1:5");
        assertThat(error("Merge pull request #7 from org/feature\n\nfeat: x"))
                .contains("unexpected space at 1:6");
        assertThat(error("feat:no space")).isNotBlank();
        assertThat(error("feat(): empty scope")).isNotBlank();
        assertThat(error("feat(a)(b): two scopes")).isNotBlank();
        assertThat(error("feat: ")).isNotBlank();
        assertThat(error(": no type")).contains("does not start with a type");
        assertThat(error("Revert \"feat: x\"")).isNotBlank();
        assertThat(error("just words")).isNotBlank();
    }

    @Test
    void windowsLineEndingsAndTrailingNewlines() {
        ConventionalCommit c = ok("fix(io): crlf\r\n\r\nbody line\r\n\r\nRefs: #9\r\n\r\n");
        assertThat(c.description()).isEqualTo("crlf");
        assertThat(c.body()).isEqualTo("body line");
        assertThat(c.references()).isEqualTo(List.of("9"));
    }

    @Test
    void additionalHeadersStartAtAParagraphWithAKnownType() {
        List<ConventionalCommit.Parsed> all =
                ConventionalCommit.parseAll(
                        "feat: main\n\nWhy it matters.\n\nfix(io)!: second\n  Refs: #4\n\nchore: third\n\nSigned-off-by: A <a@b.c>\n");
        assertThat(all)
                .extracting(p -> p.commit().description())
                .containsExactly("main", "second", "third");
        assertThat(all.get(0).commit().body()).isEqualTo("Why it matters.");
        assertThat(all.get(1).commit().breaking()).isTrue();
        assertThat(all.get(1).commit().references()).containsExactly("4");
        // A paragraph with an unknown type or not at a paragraph start is body text, as with
        // release-please.
        assertThat(ConventionalCommit.parseAll("feat: a\n\nnote: not a type\nfix: mid-paragraph\n"))
                .hasSize(1);
        // A non-conventional message stays one non-conventional result.
        assertThat(ConventionalCommit.parseAll("Update README\n\nfix: typo\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.conventional()).isFalse());
    }
}
