package org.safereg.credit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.enterprise.CreditCodes;
import org.safereg.enterprise.RegionCodes;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/** Answers credit questions from the read model, or from MySQL whenever the read model cannot. */
class CreditQueries {

    private final ReadModel<CreditRecord> readModel;
    private final CreditMapper mapper;
    private final RuleCatalog rules;
    private final StoredJson stored;

    CreditQueries(ReadModel<CreditRecord> readModel, CreditMapper mapper, RuleCatalog rules, ObjectMapper json) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.rules = rules;
        this.stored = new StoredJson(json);
    }

    CreditView credit(String creditCode) {
        requireWellFormed(creditCode);
        var cached = readModel.read(creditCode);
        if (cached.isPresent()) {
            return view(cached.get(), readModel.kind());
        }
        CreditRecord stored = mapper.findByCreditCode(creditCode);
        if (stored == null) {
            throw notFound(creditCode);
        }
        return view(stored, "mysql");
    }

    private CreditView view(CreditRecord record, String servedFrom) {
        ProvenanceView provenance;
        try {
            provenance = rules.explain(Provenance.stored(record.ruleSetVersion(), record.firedRules()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored fired rules of " + record.creditCode() + " are not readable", e);
        }
        return CreditView.of(record, stored, provenance, servedFrom);
    }

    List<HistoryView> history(String creditCode, int limit) {
        requireWellFormed(creditCode);
        List<HistoryRow> rows = mapper.historyOf(creditCode, limit);
        if (rows.isEmpty() && !mapper.enterpriseExists(creditCode)) {
            throw unknown(creditCode);
        }
        return rows.stream().map(row -> HistoryView.of(row, stored)).toList();
    }

    /** A page of current credits; {@code region} is any administrative level (its sub-regions are included). */
    CreditPage list(String tier, String region, String after, int limit) {
        if (tier != null && !tier.matches("[ABCD]")) {
            throw InvalidInputException.forField("tier", Inputs.oneOf("A, B, C, D"));
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", Inputs.REGION_CODE);
        }
        if (after != null) {
            requireWellFormed(after);
        }
        List<CreditSummary> items = mapper.listResults(tier, RegionCodes.prefix(region), after, limit);
        String next = items.size() == limit ? items.get(items.size() - 1).creditCode() : null;
        return new CreditPage(items, next);
    }

    private NotFoundException notFound(String creditCode) {
        if (mapper.enterpriseExists(creditCode)) {
            return new NotFoundException(Text.of(
                    "credit.not-evaluated",
                    "Enterprise {0} has not been evaluated yet; its credit appears after the next credit evaluation.",
                    creditCode));
        }
        return unknown(creditCode);
    }

    private static NotFoundException unknown(String creditCode) {
        return new NotFoundException(Inputs.unknownEnterprise(creditCode));
    }

    static void requireWellFormed(String creditCode) {
        Text problem = CreditCodes.problemOf(creditCode);
        if (problem != null) {
            throw new InvalidInputException(CreditCodes.notACode(creditCode, problem));
        }
    }

    record CreditPage(List<CreditSummary> items, String next) {}
}
