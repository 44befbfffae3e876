package org.safereg.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;
import org.safereg.support.ShippedWorkbook;

/** The shipped escalation policy, read as a duty officer reads decision-tables/escalation-policy.xlsx. */
class EscalationRulesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String FILE = "decision-tables/escalation-policy.xlsx";
    private static final String SHEET = "Escalation policy";
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @Test
    void everyRowOfTheWorkbookIsARuleThatSaysWhereItComesFrom() {
        // however many rows policy staff write: each one a rule, none dropped, none made up
        assertThat(ShippedWorkbook.ruleOrigins(rules, FILE))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ShippedWorkbook.ruleRows(FILE));
        assertThat(rules.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "level {0} unacknowledged {1} min notifies {2}")
    @CsvSource(
            textBlock =
                    """
            2, 0,   SAFETY_OFFICER
            2, 4,   SAFETY_OFFICER
            2, 5,   SAFETY_OFFICER PRINCIPAL
            2, 14,  SAFETY_OFFICER PRINCIPAL
            2, 15,  SAFETY_OFFICER PRINCIPAL COUNTY
            2, 30,  SAFETY_OFFICER PRINCIPAL COUNTY CITY
            2, 60,  SAFETY_OFFICER PRINCIPAL COUNTY CITY PROVINCE
            1, 14,  SAFETY_OFFICER
            1, 15,  SAFETY_OFFICER PRINCIPAL
            1, 120, SAFETY_OFFICER PRINCIPAL COUNTY CITY PROVINCE
            3, 0,   SAFETY_OFFICER PRINCIPAL
            3, 5,   SAFETY_OFFICER PRINCIPAL COUNTY
            3, 14,  SAFETY_OFFICER PRINCIPAL COUNTY
            3, 15,  SAFETY_OFFICER PRINCIPAL COUNTY CITY
            3, 30,  SAFETY_OFFICER PRINCIPAL COUNTY CITY PROVINCE
            0, 29,  SAFETY_OFFICER
            0, 30,  SAFETY_OFFICER PRINCIPAL
            """)
    void anUnacknowledgedAlarmReachesTheNextRecipientAtItsMinute(int level, long minutes, String expected) {
        AlarmSituation alarm = new AlarmSituation(1, 1, level, minutes, List.of(minutes));
        rules.evaluate(List.of(alarm));
        assertThat(alarm.notices().stream().map(Situation.Notice::recipient).sorted())
                .containsExactlyElementsOf(
                        List.of(expected.split(" ")).stream().sorted().toList());
        assertThat(alarm.notices()).allSatisfy(n -> {
            assertThat(n.channel()).isIn("SMS", "PHONE", "APP");
            assertThat(n.rule().origin().sheet()).isEqualTo(SHEET);
        });
    }

    @Test
    void aPointAlarmingThreeTimesWithinAnHourGoesToTheCountyAtOnce() {
        AlarmSituation third = new AlarmSituation(3, 1, 1, 0, List.of(0L, 20L, 59L));
        AlarmSituation spread = new AlarmSituation(4, 1, 1, 0, List.of(0L, 20L, 61L));
        rules.evaluate(List.of(third, spread));
        assertThat(third.notices()).extracting(Situation.Notice::recipient).contains("COUNTY");
        assertThat(spread.notices()).extracting(Situation.Notice::recipient).containsExactly("SAFETY_OFFICER");
    }

    @Test
    void aPointAlarmingTenTimesWithinADayGoesToTheCity() {
        List<Long> tenToday = List.of(0L, 90L, 180L, 270L, 360L, 450L, 540L, 630L, 720L, 1440L);
        AlarmSituation tenth = new AlarmSituation(5, 1, 1, 0, tenToday);
        AlarmSituation ninth = new AlarmSituation(6, 1, 1, 0, tenToday.subList(0, 9));
        AlarmSituation tenOverMoreThanADay =
                new AlarmSituation(7, 1, 1, 0, List.of(0L, 90L, 180L, 270L, 360L, 450L, 540L, 630L, 720L, 1441L));
        rules.evaluate(List.of(tenth, ninth, tenOverMoreThanADay));
        assertThat(tenth.notices()).extracting(Situation.Notice::recipient).contains("CITY");
        assertThat(ninth.notices()).extracting(Situation.Notice::recipient).doesNotContain("CITY");
        assertThat(tenOverMoreThanADay.notices())
                .extracting(Situation.Notice::recipient)
                .doesNotContain("CITY");
    }

    @Test
    void aMajorHazardOverdueOrdersAnEnforcementInspectionUnderPostedSupervisionUnderArt102() {
        HazardSituation onTime = new HazardSituation(1, 1, "MAJOR", 0);
        HazardSituation overdue = new HazardSituation(2, 1, "MAJOR", 1);
        rules.evaluate(List.of(onTime, overdue));
        assertThat(onTime.orders()).isEmpty();
        assertThat(overdue.orders()).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo("ENFORCEMENT_INSPECTION");
            assertThat(order.legalBasis()).isEqualTo("WSL-102");
            assertThat(order.posted()).isTrue();
            assertThat(order.priority()).isEqualTo(1);
            assertThat(order.dueDays()).isEqualTo(10);
        });
        assertThat(overdue.notices())
                .extracting(Situation.Notice::recipient)
                .containsExactlyInAnyOrder("PRINCIPAL", "COUNTY");
    }

    @ParameterizedTest(name = "general hazard {0} days overdue reminds {1}")
    @CsvSource(
            textBlock =
                    """
            1,  SAFETY_OFFICER
            2,  SAFETY_OFFICER
            3,  SAFETY_OFFICER PRINCIPAL
            7,  SAFETY_OFFICER PRINCIPAL COUNTY
            """)
    void aGeneralHazardOverdueRemindsAndOrdersNoTaskBeforeThirtyDays(long days, String expected) {
        HazardSituation hazard = new HazardSituation(1, 1, "GENERAL", days);
        rules.evaluate(List.of(hazard));
        assertThat(hazard.notices().stream().map(Situation.Notice::recipient).sorted())
                .containsExactlyElementsOf(
                        List.of(expected.split(" ")).stream().sorted().toList());
        assertThat(hazard.orders()).isEmpty();
    }

    @Test
    void aGeneralHazardThirtyDaysOverdueOrdersAnOnSiteInspection() {
        HazardSituation hazard = new HazardSituation(1, 1, "GENERAL", 30);
        rules.evaluate(List.of(hazard));
        assertThat(hazard.orders()).extracting(Situation.Order::type).containsExactly("ON_SITE_INSPECTION");
    }

    @Test
    void fallingToTierDOrdersKeySupervisionButStayingInDDoesNot() {
        TierChange fell = new TierChange(1, 1, "D", "C");
        TierChange first = new TierChange(2, 2, "D", null);
        TierChange rose = new TierChange(3, 3, "C", "D");
        rules.evaluate(List.of(fell, first, rose));
        assertThat(fell.orders()).extracting(Situation.Order::type).containsExactly("KEY_SUPERVISION");
        assertThat(first.orders()).extracting(Situation.Order::type).containsExactly("KEY_SUPERVISION");
        assertThat(rose.orders()).isEmpty();
    }
}
