package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A changed DMN model reads in the diff rule by rule, as its author numbers and labels them. */
class DmnDiffTests {

    static final String PATH = "decision-tables/discretion-band.dmn";

    static String fixture() throws IOException {
        try (InputStream in = DmnDiffTests.class.getResourceAsStream("/dmn/discretion-band.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChangedOutputAnAddedRuleAndAChangedHitPolicyAreEachARow() throws IOException {
        String before = fixture();
        String after = before.replace(
                        "<outputEntry><text>0.85</text></outputEntry>", "<outputEntry><text>0.9</text></outputEntry>")
                .replace(
                        "hitPolicy=\"UNIQUE\" label=\"Discretion band\"",
                        "hitPolicy=\"FIRST\" label=\"Discretion band\"")
                .replace(
                        "      </rule>\n    </decisionTable>\n  </decision>\n  <decision id=\"fine_decision\"",
                        "      </rule>\n"
                                + "      <rule id=\"r4\">\n"
                                + "        <inputEntry><text>&gt;= 5</text></inputEntry>\n"
                                + "        <inputEntry><text>false</text></inputEntry>\n"
                                + "        <outputEntry><text>\"severe\"</text></outputEntry>\n"
                                + "        <annotationEntry><text>five or more, never corrected</text></annotationEntry>\n"
                                + "      </rule>\n    </decisionTable>\n  </decision>\n  <decision id=\"fine_decision\"");

        List<RuleSetDiff.RowDiff> rows =
                DmnDiff.rules(PATH, before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));

        assertThat(rows)
                .extracting(RuleSetDiff.RowDiff::sheet, RuleSetDiff.RowDiff::row, RuleSetDiff.RowDiff::status)
                .containsExactly(
                        tuple("band", 0, "CHANGED"), tuple("band", 4, "ADDED"), tuple("fine factor", 3, "CHANGED"));
        assertThat(rows.get(0).cells()).singleElement().satisfies(c -> {
            assertThat(c.header()).isEqualTo("hit policy");
            assertThat(c.before()).isEqualTo("UNIQUE");
            assertThat(c.after()).isEqualTo("FIRST");
        });
        assertThat(rows.get(1).rule()).isEqualTo("band #4");
        assertThat(rows.get(1).table()).isEqualTo("band_table");
        assertThat(rows.get(1).cells())
                .extracting(RuleSetDiff.CellDiff::column, RuleSetDiff.CellDiff::header, RuleSetDiff.CellDiff::after)
                .contains(
                        tuple("I1", "offences in 12 months", ">= 5"),
                        tuple("A", "annotation", "five or more, never corrected"));
        assertThat(rows.get(2).cells()).singleElement().satisfies(c -> {
            assertThat(c.column()).isEqualTo("O1");
            assertThat(c.header()).isEqualTo("fine factor");
            assertThat(c.before()).isEqualTo("0.85");
            assertThat(c.after()).isEqualTo("0.9");
        });
    }
}
