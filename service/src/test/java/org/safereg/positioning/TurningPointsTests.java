package org.safereg.positioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safereg.monitoring.DerivedReadings.Value;

class TurningPointsTests {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void aCountClimbingWithinOneBatchIsItsFirstAndLastValue() {
        List<Value> climbing = series("K:OCCUPANCY", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        assertThat(TurningPoints.keep(climbing)).extracting(Value::value).containsExactly(1.0, 11.0);
    }

    @Test
    void aPersonInAndOutOfARestrictedAreaWithinOneBatchStillRaisesAndReturns() {
        List<Value> inAndOut = series("R:ENTRY", 1, 0);

        assertThat(TurningPoints.keep(inAndOut)).extracting(Value::value).containsExactly(1.0, 0.0);
    }

    @Test
    void everyPeakAndTroughIsKeptInTimeOrderAndThePointsStayApart() {
        List<Value> values = new ArrayList<>(series("K:OCCUPANCY", 9, 10, 11, 10, 9, 9, 10, 12, 12));
        values.addAll(series("K:DWELL", 5, 5, 5));

        List<Value> kept = TurningPoints.keep(values);

        assertThat(kept.stream().filter(v -> v.point().equals("K:OCCUPANCY")))
                .extracting(Value::value)
                .containsExactly(9.0, 11.0, 9.0, 12.0);
        // an unchanged value is sent once, as its newest reading
        assertThat(kept.stream().filter(v -> v.point().equals("K:DWELL")))
                .extracting(Value::value, Value::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5.0, T0.plusMillis(2)));
        assertThat(kept.stream().filter(v -> v.point().equals("K:OCCUPANCY")))
                .extracting(Value::at)
                .isSorted();
    }

    private static List<Value> series(String point, double... values) {
        List<Value> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(new Value(point, "persons", T0.plusMillis(i), values[i]));
        }
        return series;
    }
}
