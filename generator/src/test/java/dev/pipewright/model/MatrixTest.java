package dev.pipewright.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixTest {

    @ParameterizedTest
    @ValueSource(strings = {"os", "Include", "includes", "java"})
    void positiveOrdinaryAxisNames(String name) {
        assertThat(Matrix.builder().axis(name, "a").include(Map.of("x", 1)).build().axes())
                .containsKey(name);
    }

    /**
     * The written map would hold the axis and the entries under one key: one of them would be lost.
     */
    @ParameterizedTest
    @ValueSource(strings = {"include", "exclude"})
    void negativeAxisNamedLikeIncludeOrExclude(String name) {
        assertThatThrownBy(() -> Matrix.builder().axis(name, "a").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "a matrix axis cannot be named "
                                + name
                                + "; GitHub reads that key as the matrix's "
                                + name
                                + " entries");
    }
}
