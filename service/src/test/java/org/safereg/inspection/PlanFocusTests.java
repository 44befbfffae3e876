package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The focus points are read in chunks on several threads, in the order of the plan's items, and handed over as
 * the store asks for them: each enterprise is read once, and whatever the chunks, every item the store asks
 * for has its enterprise's own focus points. (The queries themselves are tested against MariaDB in
 * {@code InspectionPlanIntegrationTests}.)
 */
class PlanFocusTests {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final Map<Long, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final AtomicInteger largestChunk = new AtomicInteger();

    @Test
    void everyItemTheStoreAsksForHasItsEnterprisesOwnFocusPoints() {
        // 3,500 items over 3,000 enterprises, some of them twice, in no order of ids
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 3_000; id++) {
            ids.add(id);
        }
        for (long id = 1; id <= 500; id++) {
            ids.add(id * 5);
        }
        Collections.shuffle(ids, new Random(7));
        List<PlanItem> items = ids.stream().map(PlanFocusTests::item).toList();
        PlanFocus focus =
                new PlanFocus(mapper(), null, Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC), 3);

        try (PlanFocus.Reading reading = focus.read(items)) {
            for (int count : new int[] {1, 500, 999, 1000, 1001, 2345, items.size()}) {
                Map<Long, Focus> points = reading.upTo(count);
                for (PlanItem item : items.subList(0, count)) {
                    long id = item.enterprise().id();
                    assertThat(points.get(id).openHazards().latest())
                            .extracting(Focus.Entry::description)
                            .containsExactly("hazard of " + id);
                }
            }
            assertThat(reading.upTo(items.size())).hasSize(3_000);
        }
        assertThat(reads).hasSize(3_000);
        assertThat(reads.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(largestChunk.get()).isEqualTo(1_000);
    }

    @Test
    void aChunkThatCannotBeReadFailsThePlan() {
        InspectionPlanMapper failing = (InspectionPlanMapper) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {InspectionPlanMapper.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("database gone");
                });
        PlanFocus focus = new PlanFocus(failing, null, Clock.systemUTC(), 3);

        try (PlanFocus.Reading reading = focus.read(List.of(item(1L), item(2L)))) {
            assertThatThrownBy(() -> reading.upTo(2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database gone");
        }
    }

    /** Answers one open hazard for every enterprise asked for, described by its id; no alarms, no violations. */
    @SuppressWarnings("unchecked")
    private InspectionPlanMapper mapper() {
        return (InspectionPlanMapper) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {InspectionPlanMapper.class}, (proxy, method, args) -> {
                    Collection<Long> ids = (Collection<Long>) args[0];
                    return switch (method.getName()) {
                        case "openHazards" -> {
                            largestChunk.accumulateAndGet(ids.size(), Math::max);
                            ids.forEach(id -> reads.computeIfAbsent(id, k -> new AtomicInteger())
                                    .incrementAndGet());
                            yield ids.stream()
                                    .map(id -> new FocusRow(id, "hazard of " + id, "GENERAL", DAY, 1))
                                    .toList();
                        }
                        case "recentAlarms", "pastViolations" -> List.of();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private static PlanItem item(long enterprise) {
        return new PlanItem(
                new PlanEnterprise(
                        enterprise,
                        "C" + enterprise,
                        "E" + enterprise,
                        "140100",
                        "MINING",
                        "B",
                        "2",
                        "BLUE",
                        null,
                        null,
                        0),
                PlanItem.Kind.RANDOM,
                DAY,
                DAY.plusDays(30),
                3,
                null,
                null,
                null);
    }
}
