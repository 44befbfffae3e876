package org.safereg.enforcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.Progress;
import org.springframework.stereotype.Component;

/**
 * The stored enforcement decisions decided again, on two rule-set versions, from the circumstances each was
 * decided on: what a candidate discretion model would change for violations already found. Nothing is written;
 * the decisions read are not touched. Whoever simulates a version's impact calls it.
 */
@Component
public class EnforcementSimulation {

    private static final int PAGE = 2_000;

    /**
     * What the model decides in measures, as far as an impact compares them; null where a version cannot decide.
     */
    @Schema(name = "EnforcementSimulationMeasures")
    public record Measures(
            String band,
            EnforcementDecision.Range unitFine,
            EnforcementDecision.Range personFine,
            EnforcementDecision.Range bandUnitFine,
            EnforcementDecision.Range bandPersonFine,
            boolean suspension,
            boolean dailyFine) {

        static Measures of(EnforcementDecision d) {
            return new Measures(
                    d.band(),
                    d.unitFine(),
                    d.personFine(),
                    d.bandUnitFine(),
                    d.bandPersonFine(),
                    d.suspension(),
                    d.dailyFine());
        }

        /** The legal or the band's fine range, for the unit or the persons. */
        boolean sameFines(Measures other) {
            return Objects.equals(unitFine, other.unitFine)
                    && Objects.equals(personFine, other.personFine)
                    && Objects.equals(bandUnitFine, other.bandUnitFine)
                    && Objects.equals(bandPersonFine, other.bandPersonFine);
        }
    }

    /**
     * One stored decision decided on both versions.
     *
     * @param before on the version compared against; null when it cannot decide (then {@code problemBefore})
     * @param after on the candidate; null when it cannot decide (then {@code problemAfter})
     */
    public record Outcome(
            long decisionId,
            long enterpriseId,
            String creditCode,
            int article,
            Integer item,
            Measures before,
            Measures after,
            String problemBefore,
            String problemAfter) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }

        public boolean bandChanged() {
            return before == null || after == null ? changed() : !Objects.equals(before.band(), after.band());
        }

        public boolean finesChanged() {
            return before == null || after == null ? changed() : !before.sameFines(after);
        }

        public boolean suspensionChanged() {
            return before == null || after == null ? changed() : before.suspension() != after.suspension();
        }

        public boolean dailyFineChanged() {
            return before == null || after == null ? changed() : before.dailyFine() != after.dailyFine();
        }
    }

    private final EnforcementDecisions decisions;
    private final EnforcementMapper mapper;
    private final ObjectMapper json;

    EnforcementSimulation(EnforcementDecisions decisions, EnforcementMapper mapper, ObjectMapper json) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.json = json;
    }

    /** How many decisions are stored: the work {@link #simulate} reports progress on. */
    public int count() {
        return mapper.count();
    }

    /** Every stored decision in id order, decided on {@code current} and on {@code candidate}. */
    public List<Outcome> simulate(RuleSetSnapshot current, RuleSetSnapshot candidate, Progress progress) {
        List<Outcome> outcomes = new ArrayList<>();
        long afterId = 0;
        while (true) {
            List<EnforcementRow> page = mapper.after(afterId, PAGE);
            if (page.isEmpty()) {
                return outcomes;
            }
            for (EnforcementRow row : page) {
                Circumstances circumstances = read(row.circumstances());
                Decided before = decide(current, circumstances);
                Decided after = decide(candidate, circumstances);
                outcomes.add(new Outcome(
                        row.id(),
                        row.enterpriseId(),
                        row.creditCode(),
                        row.article(),
                        row.item(),
                        before.measures(),
                        after.measures(),
                        before.problem(),
                        after.problem()));
            }
            progress.advance(page.size());
            afterId = page.get(page.size() - 1).id();
        }
    }

    private record Decided(Measures measures, String problem) {}

    private Decided decide(RuleSetSnapshot snapshot, Circumstances circumstances) {
        try {
            return new Decided(Measures.of(decisions.decide(snapshot, circumstances, "")), null);
        } catch (MissingCircumstancesException | UnknownViolationException | DiscretionUnavailableException e) {
            return new Decided(null, e.getMessage());
        }
    }

    private Circumstances read(String circumstances) {
        try {
            return json.readValue(circumstances, Circumstances.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable circumstances of a stored enforcement decision", e);
        }
    }
}
