package dev.pipewright.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of the node types other code builds documents from. */
class YamlNodeTest {

    @Test
    void putReplacesInPlace() {
        YamlMap m = new YamlMap().put("a", "1").put("b", "2").put("a", "3");
        assertThat(m.entries().keySet()).containsExactly("a", "b");
        assertThat(m.entries().get("a")).isEqualTo(YamlScalar.of("3"));
    }

    @Test
    void nullsAreRejectedWithMessages() {
        assertThatThrownBy(() -> new YamlMap().put(null, "x"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key == null");
        assertThatThrownBy(() -> new YamlMap().put("k", (YamlNode) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value == null");
        assertThatThrownBy(() -> new YamlMap().put("k", (String) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value == null");
        assertThatThrownBy(() -> new YamlMap().putIfNotNull(null, "x"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("key == null");
    }

    @Test
    void putIfNotNullSkipsNull() {
        YamlMap m =
                new YamlMap()
                        .putIfNotNull("a", (String) null)
                        .putIfNotNull("b", (YamlNode) null)
                        .putIfNotNull("c", "x")
                        .putIfNotNull("d", YamlScalar.of(true));
        assertThat(m.entries().keySet()).containsExactly("c", "d");
    }

    @Test
    void convenienceOverloadsMakeScalars() {
        YamlMap m = new YamlMap().put("s", "x").put("b", true).put("n", 5L);
        assertThat(m.entries().values())
                .containsExactly(YamlScalar.of("x"), YamlScalar.of(true), YamlScalar.of(5L));
    }

    @Test
    void entriesIsAnUnmodifiableView() {
        YamlMap m = new YamlMap().put("a", "1");
        var view = m.entries();
        assertThatThrownBy(() -> view.put("b", YamlScalar.of("2")))
                .isInstanceOf(UnsupportedOperationException.class);
        m.put("b", "2");
        assertThat(view).containsOnlyKeys("a", "b");
        assertThat(m.isEmpty()).isFalse();
        assertThat(new YamlMap().isEmpty()).isTrue();
    }

    @Test
    void mapEqualityIsOrderSensitive() {
        YamlMap ab = new YamlMap().put("a", "1").put("b", "2");
        YamlMap ab2 = new YamlMap().put("a", "1").put("b", "2");
        YamlMap ba = new YamlMap().put("b", "2").put("a", "1");
        assertThat(ab).isEqualTo(ab2).hasSameHashCodeAs(ab2).isNotEqualTo(ba);
    }

    @Test
    void seqCopiesItsList() {
        List<YamlNode> items = new ArrayList<>(List.of(YamlScalar.of("a")));
        YamlSeq seq = new YamlSeq(items);
        items.add(YamlScalar.of("b"));
        assertThat(seq.items()).hasSize(1);
        assertThat(YamlSeq.ofStrings(List.of("a", "b")))
                .isEqualTo(YamlSeq.of(YamlScalar.of("a"), YamlScalar.of("b")));
    }

    @Test
    void scalarAcceptsOnlyTheDocumentedTypes() {
        assertThat(YamlScalar.of(new BigDecimal("1.5")).value()).isEqualTo(new BigDecimal("1.5"));
        assertThat(new YamlScalar(3, null).value()).isEqualTo(3);
        assertThatThrownBy(() -> new YamlScalar(1.5d, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YamlScalar(null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(YamlScalar.withComment("x", "c")).isEqualTo(new YamlScalar("x", "c"));
    }
}
