package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.reflection.ReflectionException;
import org.junit.jupiter.api.Test;

class RowFactoryTests {

    /** A row as the features declare theirs: a package-private record. */
    record Row(long id, String name, LocalDate on) {
        Row {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a row needs a name");
            }
        }
    }

    private final RowFactory rows = new RowFactory();

    @Test
    void makesPackagePrivateRecordsFromTheirColumnsRowAfterRow() {
        List<Class<?>> types = List.of(long.class, String.class, LocalDate.class);
        for (int i = 1; i <= 3; i++) {
            // MyBatis hands over new lists for every row
            Row row = rows.create(
                    Row.class,
                    new ArrayList<>(types),
                    new ArrayList<>(List.of(i, "row " + i, LocalDate.of(2026, 1, i))));
            assertThat(row).isEqualTo(new Row(i, "row " + i, LocalDate.of(2026, 1, i)));
        }
    }

    @Test
    void makesCollectionsAndPlainObjectsAsMyBatisDoes() {
        assertThat(rows.create(List.class)).isInstanceOf(ArrayList.class).isEmpty();
        assertThat(rows.create(StringBuilder.class)).isEmpty();
    }

    @Test
    void aRowWithoutSuchAConstructorFailsWithMyBatisOwnMessage() {
        assertThatThrownBy(() -> rows.create(Row.class, List.of(String.class), List.of("only a name")))
                .isInstanceOf(ReflectionException.class)
                .hasMessageContaining("Error instantiating class " + Row.class.getName())
                .hasMessageContaining("String");
    }

    @Test
    void aRowItsConstructorRefusesFailsWithMyBatisOwnMessage() {
        List<Class<?>> types = List.of(long.class, String.class, LocalDate.class);
        rows.create(Row.class, types, List.of(1L, "first", LocalDate.of(2026, 1, 1)));
        assertThatThrownBy(() -> rows.create(Row.class, types, List.of(2L, " ", LocalDate.of(2026, 1, 2))))
                .isInstanceOf(ReflectionException.class)
                .hasMessageContaining("Error instantiating class " + Row.class.getName())
                .hasRootCauseMessage("a row needs a name");
    }
}
