package dev.pipewright.github.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written identifier check accepts exactly what {@code [A-Za-z_][A-Za-z0-9_-]*} matches. */
class LexerIdentifierTest {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String ALPHABET = "aZz_-09A\u00e9\u0416$\"' .";

    @Test
    void agreesWithThePatternOnRandomText() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            assertEquals(IDENT.matcher(s).matches(), Lexer.isIdentifier(s), s);
        }
    }
}
