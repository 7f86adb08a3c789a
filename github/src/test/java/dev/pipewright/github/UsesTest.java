package dev.pipewright.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code uses:} reader gives what the pattern it replaced gives, on edge cases and
 * random text.
 */
class UsesTest {
    private static final Pattern REMOTE =
            Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(/[^@]*)?@(.+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private static Optional<Uses> byPattern(String uses) {
        if (uses.startsWith("./") || uses.startsWith("docker://") || uses.contains("${{")) {
            return Optional.empty();
        }
        Matcher m = REMOTE.matcher(uses.strip());
        return m.matches()
                ? Optional.of(
                        new Uses(
                                m.group(1),
                                m.group(2),
                                m.group(3) == null ? "" : m.group(3),
                                m.group(4)))
                : Optional.empty();
    }

    @Test
    void edgeCasesParseAsThePatternDoes() {
        for (String s :
                List.of(
                        "actions/checkout@v4",
                        " actions/checkout@v4 ",
                        "actions/checkout",
                        "actions/checkout@",
                        "github/codeql-action/init@v3",
                        "owner/repo/a/b@ref@x",
                        "owner/repo/@v1",
                        "owner//x@v1",
                        "/repo@v1",
                        "own er/repo@v1",
                        "owner/repo@v1\nx",
                        "owner/repo@v1\u2028",
                        "owner/re po@v1",
                        "owner/repo@@",
                        "o/r@ x",
                        "./local",
                        "docker://alpine:3",
                        "o/r@${{ x }}",
                        "",
                        "@",
                        "o/r/p")) {
            assertEquals(byPattern(s), Uses.parse(s), s);
        }
    }

    @Test
    void randomValuesParseAsThePatternDoes() {
        RandomText.forEach(
                11,
                "ab/@.-_ Z9\n\r\u2029:$",
                9,
                200_000,
                s -> assertEquals(byPattern(s), Uses.parse(s), s));
    }

    @Test
    void pinnedMeansFortyLowerCaseHexDigits() {
        Random random = new Random(3);
        String alphabet = "0123456789abcdefABg";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextBoolean() ? 40 : random.nextInt(42);
            for (int n = 0; n < len; n++) {
                sb.append(
                        alphabet.charAt(
                                random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 16)));
            }
            String ref = sb.toString();
            assertEquals(SHA.matcher(ref).matches(), new Uses("o", "r", "", ref).pinned(), ref);
        }
    }
}
