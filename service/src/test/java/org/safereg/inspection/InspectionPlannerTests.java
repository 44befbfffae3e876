package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.safereg.enterprise.CreditCodes;

/**
 * The planning core without storage or HTTP, on a small made-up county and a hand-written policy, so that
 * each rule of the draw can be seen on its own and thousands of draws run in a second.
 */
class InspectionPlannerTests {

    private static final String COUNTY = "140105";
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 1);
    private static final PlanPeriod QUARTER = PlanPeriod.of(PlanPeriod.Kind.QUARTER, JANUARY);
    private static final PlanPeriod YEAR = PlanPeriod.of(PlanPeriod.Kind.YEAR, JANUARY);

    /** Blue tier-A enterprises are in the pool, drawn 40 % a year; red ones are under key supervision, 12 a year. */
    private static final Frequency POOL = new Frequency(false, 3, 0, 0.4, 30, List.of());

    private static final Frequency MONTHLY = new Frequency(true, 12, 12, 0, 25, List.of());
    private static final Frequency NEVER_DRAWN = new Frequency(false, 3, 0, 0.0, 30, List.of());

    private final Map<EnterpriseClass, Frequency> frequencies = new LinkedHashMap<>();
    private double randomShareMin = 0;

    private InspectionPolicy policy() {
        return new InspectionPolicy("test-version", frequencies, 3, randomShareMin, List.of());
    }

    private List<PlanEnterprise> enterprises(int count, String risk, Frequency frequency) {
        frequencies.put(new EnterpriseClass("OTHER", "A", "1", risk), frequency);
        long first = 1 + frequencies.size() * 100_000L;
        return IntStream.range(0, count)
                .mapToObj(i -> enterprise(first + i, risk, null, null, 0))
                .toList();
    }

    private static PlanEnterprise enterprise(long id, String risk, String previous, LocalDate last, int thisYear) {
        return new PlanEnterprise(
                id,
                CreditCodes.withCheckDigit("91140105MA" + String.format("%07d", id)),
                "企业" + id,
                COUNTY,
                "OTHER",
                "A",
                "1",
                risk,
                previous,
                last,
                thisYear);
    }

    private static Inspector inspector(String id, int capacity, String... conflicts) {
        return new Inspector(id, "检查员" + id, COUNTY, capacity, Set.of(conflicts));
    }

    private static List<Inspector> plenty() {
        return IntStream.range(0, 20).mapToObj(i -> inspector("I" + i, 1000)).toList();
    }

    @Test
    void aYearlyPlanDrawsTheSamplingRatioOfThePool() {
        List<PlanEnterprise> pool = enterprises(1000, "BLUE", POOL);

        PlanDraft draft = InspectionPlanner.plan(pool, policy(), plenty(), YEAR, 7);

        assertThat(draft.mandatory()).isZero();
        assertThat(draft.random()).isEqualTo(400);
        assertThat(draft.items()).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(PlanItem.Kind.RANDOM);
            assertThat(item.dueFrom()).isEqualTo(YEAR.start());
            assertThat(item.dueTo()).isEqualTo(YEAR.end());
        });
    }

    @Test
    void aQuarterDrawsTheRatioProRata() {
        List<PlanEnterprise> pool = enterprises(1000, "BLUE", POOL);

        PlanDraft draft = InspectionPlanner.plan(pool, policy(), plenty(), QUARTER, 7);

        // 0.4 a year × 90 of 365 days = 98.6 expected: 98 or 99 drawn
        assertThat(draft.random()).isBetween(98L, 99L);
    }

    @Test
    void keySupervisionIsPlannedEveryPeriodWithWindowsTheIntervalApart() {
        List<PlanEnterprise> red = enterprises(2, "RED", MONTHLY);

        PlanDraft draft = InspectionPlanner.plan(red, policy(), plenty(), QUARTER, 7);

        // 12 a year for a quarter: 3 each, one a month
        assertThat(draft.mandatory()).isEqualTo(6);
        Map<Long, List<PlanItem>> byEnterprise = draft.items().stream()
                .collect(Collectors.groupingBy(i -> i.enterprise().id()));
        byEnterprise.values().forEach(items -> {
            List<LocalDate> starts =
                    items.stream().map(PlanItem::dueFrom).sorted().toList();
            assertThat(starts.get(0)).isEqualTo(QUARTER.start());
            for (int i = 1; i < starts.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(starts.get(i - 1), starts.get(i)))
                        .isGreaterThanOrEqualTo(MONTHLY.minIntervalDays());
            }
            assertThat(items).allSatisfy(item -> assertThat(item.dueTo()).isBeforeOrEqualTo(QUARTER.end()));
        });
    }

    @Test
    void noInspectionComesSoonerThanTheIntervalAfterTheLastAcceptedOne() {
        frequencies.put(new EnterpriseClass("OTHER", "A", "1", "BLUE"), new Frequency(false, 3, 0, 1.0, 60, List.of()));
        PlanEnterprise recently = enterprise(1, "BLUE", null, JANUARY.minusDays(10), 1);
        PlanEnterprise tooRecently = enterprise(2, "BLUE", null, YEAR.end().minusDays(30), 1);
        PlanEnterprise longAgo = enterprise(3, "BLUE", null, JANUARY.minusDays(200), 0);

        PlanDraft draft = InspectionPlanner.plan(List.of(recently, tooRecently, longAgo), policy(), plenty(), YEAR, 1);

        Map<Long, PlanItem> items = draft.items().stream()
                .collect(Collectors.toMap(i -> i.enterprise().id(), i -> i));
        assertThat(items.get(1L).dueFrom()).isEqualTo(JANUARY.plusDays(50));
        assertThat(items).doesNotContainKey(2L);
        assertThat(items.get(3L).dueFrom()).isEqualTo(JANUARY);
    }

    @Test
    void theYearlyMaximumAndTheSupervisoryCapStopFurtherInspections() {
        frequencies.put(new EnterpriseClass("OTHER", "A", "1", "BLUE"), new Frequency(false, 6, 0, 1.0, 0, List.of()));
        frequencies.put(new EnterpriseClass("OTHER", "A", "1", "RED"), new Frequency(true, 4, 4, 0, 0, List.of()));
        PlanEnterprise capped = enterprise(1, "BLUE", null, null, 3);
        PlanEnterprise underCap = enterprise(2, "BLUE", null, null, 2);
        PlanEnterprise keyAtMax = enterprise(3, "RED", null, null, 4);
        PlanEnterprise keyBelow = enterprise(4, "RED", null, null, 3);

        PlanDraft draft =
                InspectionPlanner.plan(List.of(capped, underCap, keyAtMax, keyBelow), policy(), plenty(), YEAR, 1);

        assertThat(draft.items()).extracting(i -> i.enterprise().id()).containsExactlyInAnyOrder(4L, 2L);
    }

    @Test
    void drawnItemsAreToppedUpToTheMinimumRandomShare() {
        randomShareMin = 0.7;
        List<PlanEnterprise> all = new ArrayList<>(enterprises(10, "RED", new Frequency(true, 4, 4, 0, 0, List.of())));
        all.addAll(enterprises(100, "BLUE", NEVER_DRAWN));

        PlanDraft draft = InspectionPlanner.plan(all, policy(), plenty(), QUARTER, 3);

        // 10 mandatory need at least 10 × 0.7 / 0.3 = 23.3, so 24 drawn
        assertThat(draft.mandatory()).isEqualTo(10);
        assertThat(draft.random()).isEqualTo(24);
        assertThat((double) draft.random() / draft.items().size()).isGreaterThanOrEqualTo(0.7);
        assertThat(draft.items().stream().filter(i -> i.kind() == PlanItem.Kind.RANDOM))
                .allSatisfy(item -> assertThat(item.note()).isEqualTo(PlanItem.TOP_UP));
        assertThat(draft.warnings()).isEmpty();
    }

    @Test
    void aPoolTooSmallForTheRandomShareIsReportedNotHidden() {
        randomShareMin = 0.7;
        List<PlanEnterprise> all = new ArrayList<>(enterprises(10, "RED", new Frequency(true, 4, 4, 0, 0, List.of())));
        all.addAll(enterprises(5, "BLUE", NEVER_DRAWN));

        PlanDraft draft = InspectionPlanner.plan(all, policy(), plenty(), QUARTER, 3);

        assertThat(draft.random()).isEqualTo(5);
        assertThat(draft.warnings()).singleElement().asString().contains("below the minimum 70 %");
    }

    @Test
    void noInspectorGetsMoreThanTheirCapacityAndUncoveredMandatoryItemsAreListed() {
        List<PlanEnterprise> red = enterprises(5, "RED", new Frequency(true, 4, 4, 0, 0, List.of()));

        PlanDraft draft =
                InspectionPlanner.plan(red, policy(), List.of(inspector("I1", 2), inspector("I2", 1)), QUARTER, 3);

        assertThat(draft.uncovered()).hasSize(2);
        assertThat(draft.uncovered()).allSatisfy(u -> assertThat(u.reason()).isEqualTo("CAPACITY_EXHAUSTED"));
        Map<String, Long> workload = draft.items().stream()
                .filter(i -> i.inspector() != null)
                .collect(Collectors.groupingBy(i -> i.inspector().id(), Collectors.counting()));
        assertThat(workload).containsEntry("I1", 2L).containsEntry("I2", 1L);
        Set<Long> uncovered =
                draft.uncovered().stream().map(u -> u.item().enterprise().id()).collect(Collectors.toSet());
        assertThat(draft.items().stream().filter(i -> i.inspector() == null).map(i -> i.enterprise()
                        .id()))
                .containsExactlyInAnyOrderElementsOf(uncovered);
    }

    @Test
    void drawnItemsNoInspectorCanTakeStayInThePlanAndAreReported() {
        List<PlanEnterprise> pool = enterprises(100, "BLUE", POOL);

        PlanDraft draft = InspectionPlanner.plan(pool, policy(), List.of(inspector("I1", 30)), YEAR, 9);

        assertThat(draft.random()).isEqualTo(40);
        assertThat(draft.uncovered()).isEmpty();
        assertThat(draft.items().stream().filter(i -> i.inspector() == null)).hasSize(10);
        assertThat(draft.warnings()).singleElement().asString().startsWith("10 drawn items have no inspector");
    }

    @Test
    void aConflictedInspectorIsNeverAssignedAndOnlyConflictedOnesLeaveTheItemUncovered() {
        List<PlanEnterprise> red = enterprises(30, "RED", new Frequency(true, 4, 4, 0, 0, List.of()));
        String conflicted = red.get(0).creditCode();
        String[] all = red.stream().map(PlanEnterprise::creditCode).toArray(String[]::new);

        for (long seed = 0; seed < 50; seed++) {
            PlanDraft draft = InspectionPlanner.plan(
                    red, policy(), List.of(inspector("I1", 100, conflicted), inspector("I2", 100)), QUARTER, seed);
            assertThat(draft.items().stream()
                            .filter(i -> i.enterprise().creditCode().equals(conflicted)))
                    .allSatisfy(item -> assertThat(item.inspector().id()).isEqualTo("I2"));
        }
        PlanDraft blocked = InspectionPlanner.plan(red, policy(), List.of(inspector("I1", 100, all)), QUARTER, 1);
        assertThat(blocked.uncovered()).hasSize(30);
        assertThat(blocked.uncovered())
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo("ONLY_CONFLICTED_OR_PREVIOUS_INSPECTORS"));
    }

    @Test
    void theInspectorWhoInspectedLastIsNeverSentAgain() {
        frequencies.put(new EnterpriseClass("OTHER", "A", "1", "RED"), MONTHLY);
        List<PlanEnterprise> red = IntStream.range(0, 20)
                .mapToObj(i -> enterprise(i + 1, "RED", "I1", JANUARY.minusDays(60), 0))
                .toList();

        for (long seed = 0; seed < 50; seed++) {
            PlanDraft draft = InspectionPlanner.plan(
                    red,
                    policy(),
                    List.of(inspector("I1", 100), inspector("I2", 100), inspector("I3", 100)),
                    QUARTER,
                    seed);
            Map<Long, List<String>> byEnterprise = new HashMap<>();
            draft.items().stream()
                    .sorted((a, b) -> a.dueFrom().compareTo(b.dueFrom()))
                    .forEach(i -> byEnterprise
                            .computeIfAbsent(i.enterprise().id(), k -> new ArrayList<>(List.of("I1")))
                            .add(i.inspector().id()));
            byEnterprise.values().forEach(sequence -> {
                for (int i = 1; i < sequence.size(); i++) {
                    assertThat(sequence.get(i))
                            .as("inspector after %s", sequence.get(i - 1))
                            .isNotEqualTo(sequence.get(i - 1));
                }
            });
        }
    }

    @Test
    void inspectorsOnlyGoToEnterprisesOfTheirRegion() {
        List<PlanEnterprise> red = enterprises(10, "RED", new Frequency(true, 4, 4, 0, 0, List.of()));
        Inspector elsewhere = new Inspector("X", "外县", "140106", 100, Set.of());
        Inspector city = new Inspector("C", "市局", "140100", 100, Set.of());

        PlanDraft draft = InspectionPlanner.plan(red, policy(), List.of(elsewhere, city), QUARTER, 5);

        assertThat(draft.items())
                .allSatisfy(item -> assertThat(item.inspector().id()).isEqualTo("C"));
        PlanDraft nobody = InspectionPlanner.plan(red, policy(), List.of(elsewhere), QUARTER, 5);
        assertThat(nobody.uncovered()).allSatisfy(u -> assertThat(u.reason()).isEqualTo("NO_INSPECTOR_FOR_REGION"));
    }

    @Test
    void theSameSeedGivesTheIdenticalPlanAndAnotherSeedAnotherDraw() {
        List<PlanEnterprise> all = new ArrayList<>(enterprises(300, "BLUE", POOL));
        all.addAll(enterprises(20, "RED", MONTHLY));
        List<PlanEnterprise> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));

        PlanDraft first = InspectionPlanner.plan(all, policy(), plenty(), QUARTER, 42);
        List<Inspector> reversed = new ArrayList<>(plenty());
        java.util.Collections.reverse(reversed);
        PlanDraft again = InspectionPlanner.plan(shuffled, policy(), reversed, QUARTER, 42);
        PlanDraft other = InspectionPlanner.plan(all, policy(), plenty(), QUARTER, 43);

        assertThat(again.items()).isEqualTo(first.items());
        assertThat(InspectionPlanner.digest(again, 42, "v", QUARTER))
                .isEqualTo(InspectionPlanner.digest(first, 42, "v", QUARTER));
        assertThat(drawn(other)).isNotEqualTo(drawn(first));
        assertThat(InspectionPlanner.digest(other, 43, "v", QUARTER))
                .isNotEqualTo(InspectionPlanner.digest(first, 42, "v", QUARTER));
    }

    @Test
    void overManySeedsEveryPoolMemberIsDrawnAtTheSamplingRatio() {
        // 203 members in classes of 200 and 3, so that the fractional part of n × p matters too
        List<PlanEnterprise> all = new ArrayList<>(enterprises(200, "BLUE", POOL));
        all.addAll(enterprises(3, "YELLOW", POOL));
        int seeds = 4000;
        Map<Long, Integer> drawnTimes = new HashMap<>();

        for (long seed = 0; seed < seeds; seed++) {
            for (PlanItem item :
                    InspectionPlanner.plan(all, policy(), plenty(), YEAR, seed).items()) {
                drawnTimes.merge(item.enterprise().id(), 1, Integer::sum);
            }
        }

        // binomial standard deviation sqrt(0.4 × 0.6 / 4000) = 0.0077: 0.035 is about 4.5 of them
        for (PlanEnterprise member : all) {
            double frequency = drawnTimes.getOrDefault(member.id(), 0) / (double) seeds;
            assertThat(frequency).as("selection frequency of %d", member.id()).isCloseTo(0.4, within(0.035));
        }
        double mean = drawnTimes.values().stream().mapToInt(Integer::intValue).sum() / (double) (seeds * all.size());
        assertThat(mean).isCloseTo(0.4, within(0.005));
    }

    private static Set<Long> drawn(PlanDraft draft) {
        return draft.items().stream()
                .filter(i -> i.kind() == PlanItem.Kind.RANDOM)
                .map(i -> i.enterprise().id())
                .collect(Collectors.toSet());
    }
}
