package org.safereg.hazards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/**
 * A hazard description as hazard-types.xlsx reads it: its words as segmentation found them, split into
 * clauses at punctuation, and the enterprise's sector. The table's rows ask whether a phrase is
 * mentioned ({@link #mentionOf}) and classify the description; its negation rows name the words that, before a
 * phrase in the same clause, say the hazard is absent ({@link #negatedBy}). Which mentions survive the
 * negations is decided once every rule has fired ({@link #outcome}), so that the order of the rows does not
 * matter. Not thread-safe: one per evaluation.
 */
public final class HazardDescription {

    private final String text;
    private final String sector;
    private final List<Clause> clauses;
    private final List<String> words;
    private final List<Classified> classified = new ArrayList<>();
    private final Map<String, FiredRule> negations = new LinkedHashMap<>();

    HazardDescription(String text, String sector, List<Clause> clauses) {
        this.text = text;
        this.sector = sector == null ? "" : sector;
        this.clauses = List.copyOf(clauses);
        List<String> all = new ArrayList<>();
        clauses.forEach(c -> all.addAll(c.words()));
        this.words = List.copyOf(all);
    }

    public String getText() {
        return text;
    }

    /** The enterprise's sector: COAL_MINE, NON_COAL_MINE, HAZARDOUS_CHEMICALS, METAL_SMELTING, CONSTRUCTION, OTHER. */
    public String getSector() {
        return sector;
    }

    /** The words of the description, in order, as segmentation split it (punctuation left out). */
    public List<String> getWords() {
        return words;
    }

    /** Whether the enterprise's sector is one of {@code sectors} (separated by commas, 、 or spaces). */
    public boolean inSector(String sectors) {
        for (String s : PhraseList.split(sectors)) {
            if (s.toUpperCase(Locale.ROOT).equals(sector)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is one of the description's words (whole, as segmented). */
    public boolean hasWord(String word) {
        return words.contains(word.strip());
    }

    /**
     * The first place where one of {@code phrases} occurs, or null. Phrases are separated by 、 or commas
     * (synonyms); {@code A+B} is A followed by B in the same clause. Negation is not looked at here.
     */
    public Mention mentionOf(String phrases) {
        List<Mention> all = mentionsOf(phrases);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every place where one of {@code phrases} occurs, in clause order. */
    List<Mention> mentionsOf(String phrases) {
        List<Mention> found = new ArrayList<>();
        for (String phrase : PhraseList.split(phrases)) {
            String[] parts = phrase.split("\\+");
            for (int c = 0; c < clauses.size(); c++) {
                Mention m = clauses.get(c).find(c, phrases, phrase, parts);
                if (m != null) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    /** Whether the negation word occurs as a word of the description (whole, as segmented) or, if it is several words, in its text. */
    public boolean says(String negation) {
        String word = negation.strip();
        for (Clause clause : clauses) {
            if (clause.negationAt(word, clause.text().length()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A type the description is of, because of {@code mention}; its name as the table gives it. */
    public void classify(String type, String name, Mention mention) {
        classified.add(new Classified(type.strip(), name.strip(), mention, rule(), null, null));
    }

    /** The grades a row may suggest; a typo in the table is a compile error at its cell, not a silent grade. */
    public enum Grade {
        /** 一般隐患 */
        GENERAL,
        /** 重大事故隐患 */
        MAJOR
    }

    /** The grade the table suggests for what this rule just classified. */
    public void grade(Grade grade) {
        Classified last = last();
        classified.set(
                classified.size() - 1,
                new Classified(last.type(), last.name(), last.mention(), last.rule(), grade.name(), last.criterion()));
    }

    /** The item of a published major-hazard determination standard this rule encodes, e.g. HC-12. */
    public void criterion(String criterion) {
        Classified last = last();
        classified.set(
                classified.size() - 1,
                new Classified(last.type(), last.name(), last.mention(), last.rule(), last.grade(), criterion.strip()));
    }

    /** Before a phrase in its clause, {@code word} says the hazard is absent (没有, 未发现, ...). */
    public void negatedBy(String word) {
        negations.putIfAbsent(word.strip(), rule());
    }

    /**
     * What the rules decided: the classifications whose phrase occurs at least once without a negation word
     * before it in its clause, each with the words that matched, and the negation rows that struck mentions.
     */
    Outcome outcome() {
        List<Match> matches = new ArrayList<>();
        List<FiredRule> used = new ArrayList<>();
        for (Classified c : classified) {
            Mention kept = null;
            Negated struck = null;
            for (Mention m : mentionsOf(c.mention().phrases())) {
                Negated negated = negation(m);
                if (negated == null) {
                    kept = m;
                    break;
                }
                struck = struck == null ? negated : struck;
            }
            if (kept != null) {
                matches.add(new Match(
                        c.type(),
                        c.name(),
                        c.grade() == null ? "GENERAL" : c.grade(),
                        c.criterion() == null || c.criterion().isBlank() ? null : c.criterion(),
                        kept.words(),
                        c.rule()));
                used.add(c.rule());
            } else if (struck != null && struck.rule() != null && !used.contains(struck.rule())) {
                used.add(struck.rule());
            }
        }
        return new Outcome(Collections.unmodifiableList(matches), used);
    }

    private Negated negation(Mention m) {
        Clause clause = clauses.get(m.clause());
        for (Map.Entry<String, FiredRule> n : negations.entrySet()) {
            if (clause.negationAt(n.getKey(), m.start()) >= 0) {
                return new Negated(n.getKey(), n.getValue());
            }
        }
        return null;
    }

    private Classified last() {
        if (classified.isEmpty()) {
            throw new IllegalStateException("a rule set a grade or criterion before it classified the description");
        }
        return classified.get(classified.size() - 1);
    }

    private static FiredRule rule() {
        return RuleInProgress.current().orElse(null);
    }

    /** One clause: its text and its words with where each starts in the text. */
    record Clause(String text, List<String> words, List<Integer> starts) {

        /** {@code phrase} (its parts in order) in this clause, or null. */
        Mention find(int index, String phrases, String phrase, String[] parts) {
            int from = 0;
            int start = -1;
            StringBuilder matched = new StringBuilder();
            for (String part : parts) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int at = text.indexOf(p, from);
                if (at < 0) {
                    return null;
                }
                if (start < 0) {
                    start = at;
                }
                if (!matched.isEmpty()) {
                    matched.append('…');
                }
                matched.append(p);
                from = at + p.length();
            }
            return start < 0 ? null : new Mention(phrases, phrase, index, start, matched.toString());
        }

        /**
         * Where {@code negation} starts before {@code before} in this clause, or -1: as a whole word when
         * segmentation keeps it one word, otherwise in the text.
         */
        int negationAt(String negation, int before) {
            boolean oneWord = Segmentation.isOneWord(negation);
            if (oneWord) {
                for (int i = 0; i < words.size() && starts.get(i) < before; i++) {
                    if (words.get(i).equals(negation) && starts.get(i) + negation.length() <= before) {
                        return starts.get(i);
                    }
                }
                return -1;
            }
            int at = text.indexOf(negation);
            return at >= 0 && at + negation.length() <= before ? at : -1;
        }
    }

    /** Where a phrase of the table was found: which of its synonyms, the clause, and the words that matched. */
    public record Mention(String phrases, String phrase, int clause, int start, String words) {}

    /** A classification the rules made, before negation. */
    record Classified(String type, String name, Mention mention, FiredRule rule, String grade, String criterion) {}

    private record Negated(String word, FiredRule rule) {}

    /** A type the description is of, with the words that matched and the row that said so. */
    record Match(String type, String name, String grade, String criterion, String words, FiredRule rule) {}

    /** The types, and every rule that decided them (classifying rows and the negation rows that struck). */
    record Outcome(List<Match> matches, List<FiredRule> rules) {}
}
