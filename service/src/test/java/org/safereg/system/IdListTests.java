package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdListTests {

    @Test
    void writesTheIdsAsNumbersInTheirOrder() {
        IdList ids = IdList.of(List.of(7L, 42L, -1L, Long.MAX_VALUE));

        assertThat(ids).hasToString("7,42,-1,9223372036854775807");
    }

    @Test
    void refusesAnEmptyListWhichWouldNotBeSql() {
        assertThatThrownBy(() -> IdList.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one id");
    }
}
