package dev.pipewright.model.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Matrix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListsTest {
    @Test
    void unorderedMapsAreSortedSoOutputNeverDependsOnHashing() {
        Map<String, Object> m = Map.of("os", "linux", "java", "21", "arch", "x64", "zone", "a");
        assertThat(Lists.copy(m, "m").keySet()).containsExactly("arch", "java", "os", "zone");
        Map<String, Object> h = new HashMap<>(m);
        assertThat(Lists.copy(h, "m").keySet()).containsExactly("arch", "java", "os", "zone");
    }

    @Test
    void insertionOrderedMapsKeepTheirOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zeta", "1");
        m.put("alpha", "2");
        assertThat(Lists.copy(m, "m").keySet()).containsExactly("zeta", "alpha");
    }

    @Test
    void anEarlierCopyKeepsItsOrderWhenCopiedAgain() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zeta", "1");
        m.put("alpha", "2");
        Map<String, String> once = Lists.copy(m, "m");
        assertThat(Lists.copy(once, "m").keySet()).containsExactly("zeta", "alpha");
    }

    @Test
    void nullsAreRejectedNamingTheCollection() {
        Map<String, String> m = new HashMap<>();
        m.put("k", null);
        assertThatThrownBy(() -> Lists.copy(m, "env")).hasMessage("env has a null value for k");
        assertThatThrownBy(() -> Lists.copy(Arrays.asList("a", null), "needs"))
                .hasMessage("needs contains null");
        assertThat(Lists.copy((List<String>) null, "x")).isEmpty();
    }

    @Test
    void matrixEntriesFromMapOfEmitInStableOrder() {
        Matrix m = Matrix.builder().axis("os", "a").exclude(Map.of("os", "a", "java", "1")).build();
        assertThat(m.exclude().get(0).keySet()).containsExactly("java", "os");
    }
}
