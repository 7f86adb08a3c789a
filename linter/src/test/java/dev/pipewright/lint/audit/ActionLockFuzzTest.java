package dev.pipewright.lint.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipewright.fuzz.Campaign;
import dev.pipewright.fuzz.Seeds;
import dev.pipewright.pipeline.ActionLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of the action lock ({@code .github/pipewright.lock.yml}, {@code
 * catalog/actions.lock}): the generator's reader (pin, generate) accepts it or throws an
 * IllegalArgumentException naming file and line; the audits' reader never throws (a line it cannot
 * read is skipped), and resolving moving tags against what it read never throws.
 */
class ActionLockFuzzTest {
    static void lock(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        TreeMap<String, String> entries = new TreeMap<>();
        ActionsLock.parse(text, entries);
        ActionsLock lock = new ActionsLock(entries);
        for (String key : entries.keySet()) {
            String repository = key.substring(0, key.indexOf('@'));
            String tag = key.substring(key.indexOf('@') + 1);
            lock.resolve(repository, tag.replaceFirst("\\..*", ""));
            lock.tagsOf(repository, entries.get(key));
        }
        ActionLock.parse(text, "pipewright.lock.yml");
    }

    static boolean documented(Throwable t) {
        return t instanceof IllegalArgumentException
                && t.getMessage() != null
                && t.getMessage().matches("(?s)pipewright\\.lock\\.yml:\\d+: .+");
    }

    static List<Seeds.Seed> seeds() {
        List<Seeds.Seed> seeds =
                new ArrayList<>(Seeds.files(Path.of("catalog"), n -> n.equals("actions.lock")));
        seeds.addAll(
                Seeds.files(
                        Path.of("linter/src/test/resources/lint/project/.github"),
                        n -> n.equals("pipewright.lock.yml")));
        seeds.addAll(Seeds.files(Path.of(".github"), n -> n.equals("pipewright.lock.yml")));
        return seeds;
    }

    @Test
    void actionLocks() {
        assertThat(
                        Campaign.run(
                                        "action-lock",
                                        seeds(),
                                        Path.of("linter/src/test/resources/fuzz/action-lock"),
                                        Campaign.count(100),
                                        ActionLockFuzzTest::lock,
                                        ActionLockFuzzTest::documented)
                                .failures())
                .isEmpty();
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzLock(byte[] data) {
        try {
            lock(data);
        } catch (IllegalArgumentException e) {
            if (!documented(e)) {
                throw e;
            }
        }
    }
}
