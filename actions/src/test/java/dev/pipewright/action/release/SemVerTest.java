package dev.pipewright.action.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SemVer 2.0.0: the spec's examples, invalid forms, increments, and seeded property tests. */
class SemVerTest {
    /** §11's example chains, each in ascending precedence. */
    private static final List<List<String>> SPEC_ORDER =
            List.of(
                    List.of("1.0.0", "2.0.0", "2.1.0", "2.1.1"),
                    List.of("1.0.0-alpha", "1.0.0"),
                    List.of(
                            "1.0.0-alpha",
                            "1.0.0-alpha.1",
                            "1.0.0-alpha.beta",
                            "1.0.0-beta",
                            "1.0.0-beta.2",
                            "1.0.0-beta.11",
                            "1.0.0-rc.1",
                            "1.0.0"));

    @Test
    void specExamplesAreInPrecedenceOrder() {
        for (List<String> chain : SPEC_ORDER) {
            for (int i = 0; i + 1 < chain.size(); i++) {
                SemVer a = SemVer.parse(chain.get(i));
                SemVer b = SemVer.parse(chain.get(i + 1));
                assertThat(SemVer.PRECEDENCE.compare(a, b)).as(a + " < " + b).isNegative();
                assertThat(a.compareTo(b)).as(a + " < " + b).isNegative();
            }
        }
    }

    @Test
    void buildMetadataIsIgnoredByPrecedenceButOrdersTies() {
        SemVer a = SemVer.parse("1.0.0+20130313144700");
        SemVer b = SemVer.parse("1.0.0+exp.sha.5114f85");
        assertThat(SemVer.PRECEDENCE.compare(a, b)).isZero();
        assertThat(SemVer.PRECEDENCE.compare(a, SemVer.parse("1.0.0"))).isZero();
        assertThat(a.compareTo(b)).isNotZero();
        assertThat(SemVer.parse("1.0.0").compareTo(a)).isNegative();
    }

    @Test
    void parsesTheSpecsValidExamplesAndRejectsInvalidOnes() {
        for (String v :
                List.of(
                        "0.0.4",
                        "1.2.3",
                        "10.20.30",
                        "1.1.2-prerelease+meta",
                        "1.1.2+meta",
                        "1.1.2+meta-valid",
                        "1.0.0-alpha",
                        "1.0.0-alpha.beta",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha0.valid",
                        "1.0.0-alpha.0valid",
                        "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
                        "1.0.0-rc.1+build.1",
                        "1.2.3-beta",
                        "10.2.3-DEV-SNAPSHOT",
                        "1.2.3-SNAPSHOT-123",
                        "2.0.0+build.1848",
                        "1.0.0-0A.is.legal",
                        "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
                        "9223372036854775807.0.0")) {
            assertThat(SemVer.parse(v).toString()).isEqualTo(v);
        }
        for (String v :
                List.of(
                        "1",
                        "1.2",
                        "1.2.3-0123",
                        "1.2.3-0123.0123",
                        "1.1.2+.123",
                        "+invalid",
                        "-invalid",
                        "alpha",
                        "01.1.1",
                        "1.01.1",
                        "1.1.01",
                        "1.2.3.DEV",
                        "1.2-SNAPSHOT",
                        "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
                        "-1.0.3-gamma+b7718",
                        "+justmeta",
                        "9.8.7+meta+meta",
                        "9.8.7-whatever+meta+meta",
                        "v1.2.3",
                        " 1.2.3",
                        "1.0.0-",
                        "1.0.0+",
                        "9223372036854775808.0.0")) {
            assertThat(SemVer.tryParse(v)).as(v).isEmpty();
        }
        assertThatThrownBy(() -> SemVer.parse("1.2"))
                .hasMessageContaining("'1.2' is not a semantic version");
    }

    @Test
    void incrementsLikeNpmSemverInc() {
        String[][] cases = {
            {"1.2.3", "MAJOR", "2.0.0"},
            {"1.2.3", "MINOR", "1.3.0"},
            {"1.2.3", "PATCH", "1.2.4"},
            {"2.0.0-rc.1", "MAJOR", "2.0.0"},
            {"2.1.0-rc.1", "MAJOR", "3.0.0"},
            {"2.1.0-rc.1", "MINOR", "2.1.0"},
            {"1.2.3-rc.1", "PATCH", "1.2.3"},
            {"1.2.3-rc.1", "MINOR", "1.3.0"},
            {"1.2.3+b", "PATCH", "1.2.4"},
            {"1.2.3", "NONE", "1.2.3"},
        };
        for (String[] c : cases) {
            assertThat(SemVer.parse(c[0]).increment(Bump.valueOf(c[1])).toString())
                    .as(c[0] + " " + c[1])
                    .isEqualTo(c[2]);
        }
    }

    @Test
    void propertyFormatThenParseIsIdentity() {
        Random random = new Random(20260113L);
        for (int i = 0; i < 5000; i++) {
            SemVer v = random(random);
            SemVer back = SemVer.parse(v.toString());
            assertThat(back).isEqualTo(v);
            assertThat(back.toString()).isEqualTo(v.toString());
        }
    }

    @Test
    void propertyCompareToIsATotalOrderConsistentWithEquals() {
        Random random = new Random(7L);
        List<SemVer> pool = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pool.add(random(random));
        }
        // Equal-text duplicates, so that ties are exercised too.
        pool.addAll(pool.subList(0, 30).stream().map(v -> SemVer.parse(v.toString())).toList());
        for (SemVer a : pool) {
            assertThat(a.compareTo(a)).isZero();
            for (SemVer b : pool) {
                int ab = a.compareTo(b);
                assertThat(Integer.signum(ab))
                        .as(a + " vs " + b)
                        .isEqualTo(-Integer.signum(b.compareTo(a)));
                assertThat(ab == 0).as(a + " vs " + b).isEqualTo(a.equals(b));
                // compareTo refines precedence: it never contradicts it.
                int p = SemVer.PRECEDENCE.compare(a, b);
                if (p != 0) {
                    assertThat(Integer.signum(ab)).as(a + " vs " + b).isEqualTo(Integer.signum(p));
                }
            }
        }
        for (int i = 0; i < 20000; i++) {
            SemVer a = pool.get(random.nextInt(pool.size()));
            SemVer b = pool.get(random.nextInt(pool.size()));
            SemVer c = pool.get(random.nextInt(pool.size()));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertThat(a.compareTo(c)).as(a + " <= " + b + " <= " + c).isNotPositive();
            }
        }
        // Sorting the spec's examples in random order gives the spec's order.
        List<SemVer> chain =
                new ArrayList<>(SPEC_ORDER.get(2).stream().map(SemVer::parse).toList());
        List<SemVer> shuffled = new ArrayList<>(chain);
        Collections.shuffle(shuffled, random);
        shuffled.sort(null);
        assertThat(shuffled).isEqualTo(chain);
    }

    private static SemVer random(Random r) {
        List<String> pre = new ArrayList<>();
        List<String> build = new ArrayList<>();
        int np = r.nextInt(4) == 0 ? 0 : r.nextInt(4);
        for (int i = 0; i < np; i++) {
            pre.add(identifier(r, true));
        }
        int nb = r.nextInt(3) == 0 ? r.nextInt(3) : 0;
        for (int i = 0; i < nb; i++) {
            build.add(identifier(r, false));
        }
        return new SemVer(small(r), small(r), small(r), pre, build);
    }

    private static long small(Random r) {
        return r.nextInt(10) == 0 ? Math.abs(r.nextLong() >>> 1) : r.nextInt(4);
    }

    private static String identifier(Random r, boolean preRelease) {
        String alphabet = "0123456789abcAZ-";
        switch (r.nextInt(3)) {
            case 0:
                // Numeric, possibly beyond a long: precedence compares such identifiers numerically
                // anyway.
                long n = r.nextInt(3) == 0 ? r.nextInt(12) : r.nextLong() >>> 1;
                return n
                        + (n == 0 || r.nextBoolean()
                                ? ""
                                : "9999999999999999999999".substring(0, r.nextInt(4)));
            case 1:
                return List.of("alpha", "beta", "rc", "Alpha", "a-1", "0a").get(r.nextInt(6));
            default:
                StringBuilder sb = new StringBuilder();
                int len = 1 + r.nextInt(5);
                for (int i = 0; i < len; i++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String s = sb.toString();
                // A numeric pre-release identifier must not have a leading zero.
                if (preRelease
                        && s.chars().allMatch(Character::isDigit)
                        && s.length() > 1
                        && s.charAt(0) == '0') {
                    s = "1" + s.substring(1);
                }
                return s;
        }
    }
}
