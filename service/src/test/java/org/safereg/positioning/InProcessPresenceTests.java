package org.safereg.positioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.positioning.Presence.Outcome;
import org.safereg.positioning.Presence.Status;
import org.safereg.positioning.Presence.Step;

/** The embedded default's presence decides as the Redis script does (the integration tests run that one). */
class InProcessPresenceTests {

    private static final long NOW = 1_800_000_000_000L;

    private final InProcessPresence presence = new InProcessPresence();

    @BeforeEach
    void areasLoadedEmpty() {
        presence.load(List.of(1L, 2L), Map.of());
    }

    @Test
    void enteringAndLeavingCountsPersonsAndKnowsWhoHasBeenInLongest() {
        List<Outcome> outcomes = presence.apply(
                List.of(
                        new Step(1, "A001", true, 1000),
                        new Step(1, "B002", true, 2000),
                        new Step(1, "A001", false, 3000)),
                NOW);

        assertThat(outcomes).extracting(Outcome::status).containsOnly(Status.TAKEN);
        assertThat(outcomes).extracting(Outcome::count).containsExactly(1, 2, 1);
        assertThat(outcomes).extracting(Outcome::oldest).containsExactly(1000L, 1000L, 2000L);
        assertThat(outcomes.get(2).since()).isEqualTo(1000);
        assertThat(presence.occupants(1)).isEqualTo(Map.of("B002", 2000L));
    }

    @Test
    void aRepeatedEventIsADuplicateAndAContradictingOneIsRefusedWithItsReason() {
        presence.apply(List.of(new Step(1, "A001", true, 1000), new Step(1, "C003", true, 500)), NOW);
        presence.apply(List.of(new Step(1, "C003", false, 900)), NOW);

        List<Outcome> outcomes = presence.apply(
                List.of(
                        new Step(1, "A001", true, 1000),
                        new Step(1, "A001", true, 1500),
                        new Step(1, "B002", false, 1500),
                        new Step(1, "A001", false, 800),
                        new Step(1, "C003", false, 900),
                        new Step(1, "C003", true, 700)),
                NOW);

        assertThat(outcomes)
                .extracting(Outcome::status)
                .containsExactly(
                        Status.DUPLICATE,
                        Status.ALREADY_INSIDE,
                        Status.LEAVE_WITHOUT_ENTER,
                        Status.OUT_OF_ORDER,
                        Status.DUPLICATE,
                        Status.OUT_OF_ORDER);
        assertThat(presence.occupants(1)).containsOnlyKeys("A001");
    }

    @Test
    void stampsOfAnAreaAlwaysIncreaseEvenWithinOneMillisecond() {
        List<Outcome> outcomes = presence.apply(
                List.of(
                        new Step(1, "A001", true, 1000),
                        new Step(1, "B002", true, 1000),
                        new Step(2, "A001", true, 1000)),
                NOW);
        Map<Long, Long> swept = presence.stamps(List.of(1L, 2L), NOW);

        assertThat(outcomes).extracting(Outcome::stamp).containsExactly(NOW, NOW + 1, NOW);
        assertThat(swept).isEqualTo(Map.of(1L, NOW + 2, 2L, NOW + 1));
    }

    @Test
    void anAreaNotLoadedFromMySqlTakesNoStepAndIsLoadedOnlyOnce() {
        Step entering = new Step(3, "A001", true, 5000);
        assertThat(presence.unloaded(List.of(1L, 3L))).containsExactly(3L);
        assertThat(presence.apply(List.of(entering), NOW))
                .extracting(Outcome::status)
                .containsExactly(Status.NOT_LOADED);

        presence.load(List.of(3L), Map.of(3L, Map.of("B002", 2000L)));
        presence.apply(List.of(entering), NOW);
        presence.load(List.of(3L), Map.of(3L, Map.of("C003", 3000L)));

        assertThat(presence.unloaded(List.of(1L, 3L))).isEmpty();
        assertThat(presence.occupants(3)).isEqualTo(Map.of("A001", 5000L, "B002", 2000L));
    }
}
