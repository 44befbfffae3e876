package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTests {

    private static final RuleOrigin ROW_12 =
            RuleOrigin.cell("decision-tables/credit-scoring.xlsx", "Credit scoring", "Score", 12);

    @Test
    void anEvaluationIsStoredAsItsVersionAndTheOrdinalsOfTheRulesThatFiredInFiringOrder() {
        Evaluation evaluation = new Evaluation(
                "v1",
                List.of(new FiredRule("b", ROW_12, 7), new FiredRule("a", ROW_12, 3), new FiredRule("x", null, -1)));

        Provenance provenance = Provenance.of(evaluation);

        assertThat(provenance.ruleSetVersion()).isEqualTo("v1");
        assertThat(provenance.ordinals()).containsExactly(7, 3);
        assertThat(provenance.firedRules()).isEqualTo("[7,3]");
        assertThat(Provenance.stored("v1", "[7,3]")).isEqualTo(provenance);
    }

    @Test
    void noRuleIsAnEmptyArrayAndABlankColumnReadsAsNoRule() {
        assertThat(Provenance.of("v1", (FiredRule) null).firedRules()).isEqualTo("[]");
        assertThat(Provenance.stored("v1", null).ordinals()).isEmpty();
        assertThat(Provenance.stored("v1", " [ 4 , 5 ] ").ordinals()).containsExactly(4, 5);
    }

    @Test
    void aColumnThatIsNotAnArrayOfOrdinalsIsRefusedWithWhatItHeld() {
        assertThatThrownBy(() -> Provenance.stored("v1", "{\"rule\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{\"rule\":1}");
        assertThatThrownBy(() -> Provenance.stored("v1", "[1,x]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogExplainsEveryDecisionAlikeAndSkipsOrdinalsTheVersionLacks() {
        RuleRow row = new RuleRow(
                3,
                "org.safereg.credit",
                "Score 3",
                "decision-tables/credit-scoring.xlsx",
                "Credit scoring",
                "Score",
                12);
        RuleCatalog catalog =
                (version, ordinals) -> ordinals.contains(3) && version.equals("v1") ? List.of(row) : List.of();

        ProvenanceView view = catalog.explain(new Provenance("v1", List.of(3, 99)));

        assertThat(view.ruleSetVersion()).isEqualTo("v1");
        assertThat(view.rules())
                .containsExactly(new ProvenanceView.Rule(
                        "Score 3", "decision-tables/credit-scoring.xlsx", "Credit scoring", "Score", 12));
        assertThat(catalog.explain(new Provenance(null, List.of(3))).rules()).isEmpty();
    }
}
