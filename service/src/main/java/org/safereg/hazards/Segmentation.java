package org.safereg.hazards;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese word segmentation of hazard descriptions with HanLP (portable edition: its dictionaries ship in the
 * jar, nothing is downloaded or written). A description is split into clauses at punctuation, each with its
 * words and where they start, so that the hazard-types table can ask for whole words (negations) and match
 * longer phrases on the joined text of one clause.
 */
final class Segmentation {

    /** Punctuation that ends a clause; 、 lists items of one clause and does not. */
    private static final String CLAUSE_ENDS = "，,。；;！!？?：:\n\r（）()【】[]";

    /** Person-name recognition off: it glues a negation to the noun before it (报警仪未 read as a name). */
    private static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false);

    private static final Map<String, Boolean> ONE_WORD = new ConcurrentHashMap<>();

    private Segmentation() {}

    /** The description as the table reads it. */
    static HazardDescription describe(String text, String sector) {
        return new HazardDescription(text, sector, clauses(text));
    }

    static List<HazardDescription.Clause> clauses(String text) {
        List<HazardDescription.Clause> clauses = new ArrayList<>();
        String normalised = text == null ? "" : text.strip();
        int start = 0;
        for (int i = 0; i <= normalised.length(); i++) {
            if (i == normalised.length() || CLAUSE_ENDS.indexOf(normalised.charAt(i)) >= 0) {
                String clause = normalised.substring(start, i).strip();
                if (!clause.isEmpty()) {
                    clauses.add(clause(clause));
                }
                start = i + 1;
            }
        }
        return clauses;
    }

    /** The words of {@code text}, punctuation and spaces left out. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Term term : SEGMENT.seg(text)) {
            if (!term.word.isBlank() && !isPunctuation(term.word)) {
                words.add(term.word);
            }
        }
        return words;
    }

    /** Whether segmentation keeps {@code phrase} as one word. */
    static boolean isOneWord(String phrase) {
        return ONE_WORD.computeIfAbsent(phrase, p -> words(p).size() == 1);
    }

    private static HazardDescription.Clause clause(String text) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        for (Term term : SEGMENT.seg(text)) {
            int start = text.indexOf(term.word, at);
            if (start < 0) {
                continue;
            }
            at = start + term.word.length();
            if (!term.word.isBlank() && !isPunctuation(term.word)) {
                words.add(term.word);
                starts.add(start);
            }
        }
        return new HazardDescription.Clause(text, words, starts);
    }

    private static boolean isPunctuation(String word) {
        return word.codePoints().allMatch(c -> !Character.isLetterOrDigit(c));
    }
}
