package dev.pipewright.github;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Random short strings over an alphabet, for checking a hand-written matcher against the pattern it
 * replaced.
 */
public final class RandomText {
    private RandomText() {}

    /**
     * Calls {@code check} with {@code count} strings of 0 to {@code maxLength - 1} characters of
     * {@code alphabet}.
     */
    public static void forEach(
            long seed, String alphabet, int maxLength, int count, Consumer<String> check) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(maxLength); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check.accept(sb.toString());
        }
    }
}
