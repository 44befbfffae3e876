package org.safereg.hazards;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.safereg.engine.Provenance;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Classifies a hazard's description with hazard-types.xlsx of the rule set in force and stores what it made of
 * it: the types with the words that matched, the grade the table suggests and the provenance. A self-check the
 * enterprise graded GENERAL whose description matches a row that encodes an item of a major-hazard
 * determination standard is flagged for department verification (platform screening), with that row and
 * those words. Runs inside the caller's transaction, so that a hazard is stored with its classification or not
 * at all.
 */
class HazardClassifier {

    private final HazardMapper mapper;
    private final RuleEngine engine;
    private final Clock clock;

    HazardClassifier(HazardMapper mapper, RuleEngine engine, Clock clock) {
        this.mapper = mapper;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Segmentation loads its dictionaries on first use (seconds): done once the service is ready, on a thread of its
     * own, so that the first hazard recorded does not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadDictionaries() {
        Thread loading = new Thread(() -> Segmentation.words("储罐区可燃气体检测报警仪未定期检测"), "hanlp-dictionaries");
        loading.setDaemon(true);
        loading.start();
    }

    /** The classification of {@code description} on the rule set in force (nothing stored). */
    HazardClassification classify(String description, String sector) {
        return HazardTypes.classify(engine.active(), description, sector);
    }

    /** Stores {@code classification} as the hazard's; flags it when it is a self-check graded GENERAL. */
    void store(long hazardId, long enterpriseId, String source, String grade, HazardClassification classification) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Provenance provenance = classification.provenance();
        mapper.insertClassification(new ClassificationRows.Classification(
                hazardId, classification.suggestedGrade(), provenance.ruleSetVersion(), provenance.firedRules(), now));
        List<ClassificationRows.TypeMatch> types = new ArrayList<>();
        for (HazardDescription.Match m : classification.matches()) {
            types.add(new ClassificationRows.TypeMatch(
                    hazardId,
                    m.type(),
                    truncate(m.name(), 60),
                    m.grade(),
                    m.criterion(),
                    truncate(m.words(), 255),
                    m.rule() == null || m.rule().ordinal() < 0 ? null : m.rule().ordinal()));
        }
        if (!types.isEmpty()) {
            mapper.insertTypeMatches(types);
        }
        HazardDescription.Match major = classification.majorCriterion();
        if (major != null
                && HazardSource.SELF_CHECK.name().equals(source)
                && HazardGrade.GENERAL.name().equals(grade)) {
            mapper.insertFlag(new ClassificationRows.Flag(
                    hazardId,
                    enterpriseId,
                    major.criterion(),
                    major.type(),
                    truncate(major.words(), 255),
                    provenance.ruleSetVersion(),
                    Provenance.of(provenance.ruleSetVersion(), major.rule()).firedRules(),
                    now,
                    null,
                    null,
                    null));
        }
    }

    /** Classifies and stores hazards stored without a classification (imported ones); answers how many. */
    int classifyUnclassified(int limit) {
        List<ClassificationRows.Unclassified> waiting = mapper.unclassified(limit);
        if (waiting.isEmpty()) {
            return 0;
        }
        RuleSetSnapshot rules = engine.active();
        List<HazardClassification> classified = HazardTypes.classifyAll(
                rules,
                waiting.stream()
                        .map(h -> new HazardTypes.Described(h.description(), h.sector()))
                        .toList());
        for (int i = 0; i < waiting.size(); i++) {
            ClassificationRows.Unclassified h = waiting.get(i);
            store(h.id(), h.enterpriseId(), h.source(), h.grade(), classified.get(i));
        }
        return waiting.size();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
