package org.safereg.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;
import org.safereg.support.ShippedWorkbook;

/** The shipped hazard-types.xlsx, read as a regulator reads it. */
class HazardTypesRulesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String FILE = "decision-tables/hazard-types.xlsx";
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @Test
    void everyRowOfTheWorkbookIsARuleThatSaysWhereItComesFrom() {
        assertThat(ShippedWorkbook.ruleOrigins(rules, FILE))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ShippedWorkbook.ruleRows(FILE));
        assertThat(rules.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            储罐区可燃气体检测报警仪未定期检测        | HAZARDOUS_CHEMICALS | GAS_DETECTION TESTING_OVERDUE
            储罐区可燃气体检测报警仪已定期检测        | HAZARDOUS_CHEMICALS |
            压力容器未定期检验                        | OTHER               | TESTING_OVERDUE
            压力容器已定期检验，合格                  | OTHER               |
            未发现消防通道堵塞                        | OTHER               |
            仓库消防通道堵塞                          | OTHER               | FIRE_SAFETY
            现场无消防通道堵塞现象，但安全出口标识模糊 | OTHER               | SIGNAGE
            叉车司机无证驾驶且消防通道堵塞            | OTHER               | UNCERTIFIED_WORK FIRE_SAFETY
            经检查不存在瓦斯超限作业                  | COAL_MINE           |
            """)
    void aNegationWordBeforeAPhraseInItsClauseStrikesIt(String description, String sector, String types) {
        HazardClassification classification = HazardTypes.classify(rules, description, sector);
        assertThat(classification.types()).containsExactlyInAnyOrder(types == null ? new String[0] : types.split(" "));
    }

    @Test
    void aStruckMentionNamesTheNegationRowInTheProvenance() {
        HazardClassification classification = HazardTypes.classify(rules, "未发现消防通道堵塞", "OTHER");
        assertThat(classification.types()).isEmpty();
        assertThat(classification.provenance().ordinals()).hasSize(1);
        assertThat(rules.rules()
                        .get(classification.provenance().ordinals().get(0))
                        .origin()
                        .table())
                .isEqualTo("Negation words");
    }

    @Test
    void theSameWordsAreAMajorHazardCriterionInOneSectorAndGeneralInAnother() {
        HazardClassification chemicals = HazardTypes.classify(rules, "特种作业人员无证上岗", "HAZARDOUS_CHEMICALS");
        HazardClassification site = HazardTypes.classify(rules, "特种作业人员无证上岗", "CONSTRUCTION");
        assertThat(chemicals.suggestedGrade()).isEqualTo("MAJOR");
        assertThat(chemicals.majorCriterion().criterion()).isEqualTo("HC-2");
        assertThat(chemicals.majorCriterion().words()).isEqualTo("无证上岗");
        assertThat(chemicals.majorCriterion().rule().origin().sheet()).isEqualTo("Hazard types");
        assertThat(site.suggestedGrade()).isEqualTo("GENERAL");
        assertThat(site.majorCriterion()).isNull();
        assertThat(site.types()).containsExactly("UNCERTIFIED_WORK");
    }

    @Test
    void aPhraseInPartsMatchesItsPartsInOrderWithinOneClause() {
        assertThat(HazardTypes.classify(rules, "有限空间作业前未进行气体检测", "OTHER").types())
                .contains("CONFINED_SPACE");
        // the parts in two clauses are not one phrase
        assertThat(HazardTypes.classify(rules, "有限空间已审批，设备未检测", "OTHER").types())
                .doesNotContain("CONFINED_SPACE");
    }
}
