package org.safereg.enforcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.safereg.engine.Provenance;
import org.safereg.engine.RuleCatalog;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reads enforcement decisions (a task's, an enterprise's) and answers what-if questions, as the API shows them. */
@Component
class EnforcementQueries {

    private static final TypeReference<List<String>> SENTENCES = new TypeReference<>() {};

    private final EnforcementMapper mapper;
    private final EnforcementDecisions decisions;
    private final RuleCatalog rules;
    private final MessageSource messages;
    private final ObjectMapper json;

    EnforcementQueries(
            EnforcementMapper mapper,
            EnforcementDecisions decisions,
            RuleCatalog rules,
            MessageSource messages,
            ObjectMapper json) {
        this.mapper = mapper;
        this.decisions = decisions;
        this.rules = rules;
        this.messages = messages;
        this.json = json;
    }

    List<EnforcementDecisionView> byTask(long taskId, Locale locale) {
        return mapper.byTask(taskId).stream().map(row -> view(row, locale)).toList();
    }

    List<EnforcementDecisionView> byEnterprise(String creditCode, int limit, Locale locale) {
        if (!mapper.enterpriseExists(creditCode)) {
            throw new NotFoundException(
                    Text.of("enforcement.unknown-enterprise", "No enterprise {0} is registered.", creditCode));
        }
        return mapper.byEnterprise(creditCode, limit).stream()
                .map(row -> view(row, locale))
                .toList();
    }

    EnforcementDecisionView whatIf(Circumstances circumstances, Locale locale) {
        EnforcementDecision d = decisions.decide(circumstances);
        return new EnforcementDecisionView(
                        null,
                        null,
                        null,
                        null,
                        d.circumstances(),
                        new EnforcementDecisionView.Measures(
                                d.orderToCorrect(),
                                d.correctionDays(),
                                EnforcementDecisionView.Yuan.of(d.unitFine()),
                                EnforcementDecisionView.Yuan.of(d.personFine()),
                                d.suspension(),
                                d.dailyFine()),
                        new EnforcementDecisionView.Band(
                                d.band(),
                                EnforcementDecisionView.Yuan.of(d.bandUnitFine()),
                                EnforcementDecisionView.Yuan.of(d.bandPersonFine())),
                        d.legalBasis(),
                        d.reasons(),
                        null,
                        rules.explain(d.provenance()))
                .summarised(locale, messages);
    }

    private EnforcementDecisionView view(EnforcementRow row, Locale locale) {
        return new EnforcementDecisionView(
                        row.id(),
                        row.taskId(),
                        row.creditCode(),
                        row.inspectedOn(),
                        read(row.circumstances(), Circumstances.class),
                        new EnforcementDecisionView.Measures(
                                row.orderToCorrect(),
                                row.correctionDays(),
                                EnforcementDecisionView.Yuan.of(row.unitFineMin(), row.unitFineMax()),
                                EnforcementDecisionView.Yuan.of(row.personFineMin(), row.personFineMax()),
                                row.suspension(),
                                row.dailyFine()),
                        new EnforcementDecisionView.Band(
                                row.band(),
                                EnforcementDecisionView.Yuan.of(row.bandUnitMin(), row.bandUnitMax()),
                                EnforcementDecisionView.Yuan.of(row.bandPersonMin(), row.bandPersonMax())),
                        read(row.legalBasis(), SENTENCES),
                        read(row.reasons(), SENTENCES),
                        null,
                        rules.explain(Provenance.stored(row.ruleSetVersion(), row.firedRules())))
                .summarised(locale, messages);
    }

    /** One sentence saying the decision, in the caller's language. */
    static Text summary(EnforcementDecisionView view) {
        Circumstances c = view.circumstances();
        EnforcementDecisionView.Measures m = view.measures();
        EnforcementDecisionView.Band band = view.band();
        Text item =
                c.item() == null || c.article() == null || !List.of(97, 99, 101).contains(c.article())
                        ? Text.english("")
                        : Text.of("enforcement.item-suffix", " item {0}", c.item());
        Text order = m.correctionDays() == null
                ? Text.of("enforcement.no-order", "no separate order to correct")
                : m.correctionDays() == 0
                        ? Text.of("enforcement.corrected", "corrected on the spot")
                        : Text.of("enforcement.order", "order to correct within {0} days", m.correctionDays());
        Text bandName = Text.of("enforcement.band." + band.name(), band.name().toLowerCase(Locale.ROOT));
        Text persons = band.personFine() == null || m.personFine() == null
                ? Text.english("")
                : Text.of(
                        "enforcement.persons",
                        "; responsible persons {0} to {1} yuan (legal range {2} to {3} yuan)",
                        yuan(band.personFine().min()),
                        yuan(band.personFine().max()),
                        yuan(m.personFine().min()),
                        yuan(m.personFine().max()));
        Text suspension = m.suspension()
                ? Text.of("enforcement.suspension", "; suspension of production and business for rectification")
                : Text.english("");
        Text daily = m.dailyFine()
                ? Text.of(
                        "enforcement.daily",
                        "; daily continuous fines at the original amount if correction is refused (Art. 112)")
                : Text.english("");
        return Text.of(
                "enforcement.summary",
                "Work Safety Law Art. {0}{1}: {2}; fine for the unit {3} to {4} yuan, {5} band of the legal range {6}"
                        + " to {7} yuan{8}{9}{10}.",
                c.article(),
                item,
                order,
                yuan(band.unitFine().min()),
                yuan(band.unitFine().max()),
                bandName,
                yuan(m.unitFine().min()),
                yuan(m.unitFine().max()),
                persons,
                suspension,
                daily);
    }

    private static String yuan(BigDecimal amount) {
        return amount.toPlainString();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
