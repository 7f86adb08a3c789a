package dev.pipewright.github.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipewright.github.RandomText;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written identifier check accepts exactly what {@code [A-Za-z_][A-Za-z0-9_-]*} matches.
 */
class LexerIdentifierTest {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    @Test
    void agreesWithThePatternOnRandomText() {
        RandomText.forEach(
                7,
                "aZz_-09A\u00e9\u0416$\"' .",
                6,
                200_000,
                s -> assertEquals(IDENT.matcher(s).matches(), Lexer.isIdentifier(s), s));
    }
}
