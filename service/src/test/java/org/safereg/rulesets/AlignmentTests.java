package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTests {

    @Test
    void anInsertedElementIsOneAdditionAndEverythingAfterItStaysTheSame() {
        assertThat(kinds(List.of("a", "b", "c", "d"), List.of("a", "b", "x", "c", "d")))
                .containsExactly("SAME", "SAME", "ADDED", "SAME", "SAME");
    }

    @Test
    void aDeletedElementIsOneRemoval() {
        assertThat(kinds(List.of("a", "b", "c"), List.of("a", "c"))).containsExactly("SAME", "REMOVED", "SAME");
    }

    @Test
    void aReplacedElementIsOneChangeWhenPairedAndARemovalPlusAnAdditionWhenNot() {
        assertThat(kinds(List.of("a", "b", "c"), List.of("a", "B", "c"))).containsExactly("SAME", "CHANGED", "SAME");
        assertThat(Alignment.of(List.of("a", "b", "c"), List.of("a", "B", "c")))
                .extracting(s -> s.kind().name())
                .containsExactly("SAME", "REMOVED", "ADDED", "SAME");
    }

    @Test
    void aRemovalPairsWithTheAdditionMostLikeItNotSimplyTheFirst() {
        // "b1" was edited into "b2" and "x9" was inserted before it
        List<Alignment.Step> steps =
                Alignment.of(List.of("a", "b1", "z"), List.of("a", "x9", "b2", "z"), AlignmentTests::sameFirstLetter);

        assertThat(steps)
                .extracting(s -> s.kind() + " " + s.before() + " " + s.after())
                .containsExactly("SAME 0 0", "ADDED -1 1", "CHANGED 1 2", "SAME 2 3");
    }

    @Test
    void elementsWithNothingInCommonAreARemovalAndAnAddition() {
        assertThat(Alignment.of(List.of("a", "b", "z"), List.of("a", "c", "z"), AlignmentTests::sameFirstLetter))
                .extracting(s -> s.kind().name())
                .containsExactly("SAME", "REMOVED", "ADDED", "SAME");
    }

    private static int sameFirstLetter(String a, String b) {
        return a.charAt(0) == b.charAt(0) ? 1 : 0;
    }

    @Test
    void aUnifiedDiffShowsTheChangedLinesWithTheirContextAndPositions() {
        String before = "rule a\nwhen\n  x > 1\nthen\n  y();\nend\n";
        String after = "rule a\nwhen\n  x > 2\nthen\n  y();\nend\n";

        String diff = RuleSetDiff.textDiff("rules/a.drl", before.getBytes(), after.getBytes());

        assertThat(diff)
                .isEqualTo(String.join(
                        "\n",
                        "--- a/rules/a.drl",
                        "+++ b/rules/a.drl",
                        "@@ -1,6 +1,6 @@",
                        " rule a",
                        " when",
                        "-  x > 1",
                        "+  x > 2",
                        " then",
                        "   y();",
                        " end",
                        ""));
    }

    private static List<String> kinds(List<String> before, List<String> after) {
        return Alignment.of(before, after, (a, b) -> 1).stream()
                .map(s -> s.kind().name())
                .toList();
    }
}
