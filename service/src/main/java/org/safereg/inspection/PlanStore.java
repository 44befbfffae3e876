package org.safereg.inspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a new plan and its items in one transaction, the items in batches: a plan is stored whole or not
 * at all.
 */
class PlanStore {

    private final InspectionPlanMapper mapper;
    private final TransactionTemplate transactions;
    private final PlanJson json;
    private final int batch;

    PlanStore(InspectionPlanMapper mapper, TransactionTemplate transactions, PlanJson json, int batch) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.json = json;
        this.batch = batch;
    }

    /** Stores the plan and the draft's items with their focus points; answers the plan's id. */
    long insert(NewPlan plan, PlanDraft draft, Map<Long, Focus> focus) {
        return transactions.execute(status -> {
            mapper.insertPlan(plan);
            List<NewItem> items = new ArrayList<>(batch);
            int seq = 0;
            // items of one frequency share their fired rules: written as JSON once
            Map<Frequency, String> ordinals = new HashMap<>();
            for (PlanItem item : draft.items()) {
                items.add(newItem(plan.getId(), ++seq, item, focus, ordinals));
                if (items.size() == batch) {
                    mapper.insertItems(items);
                    items.clear();
                }
            }
            if (!items.isEmpty()) {
                mapper.insertItems(items);
            }
            return plan.getId();
        });
    }

    private NewItem newItem(
            long planId, int seq, PlanItem item, Map<Long, Focus> focus, Map<Frequency, String> ordinals) {
        PlanEnterprise enterprise = item.enterprise();
        String fired = ordinals.computeIfAbsent(
                item.frequency(),
                f -> json.write(f.rules().stream().map(FiredRule::ordinal).toList()));
        return new NewItem(
                planId,
                seq,
                enterprise.id(),
                item.kind().name(),
                enterprise.creditTier(),
                enterprise.riskLevel(),
                item.dueFrom(),
                item.dueTo(),
                item.priority(),
                item.inspector() == null ? null : item.inspector().id(),
                item.inspector() == null ? null : item.inspector().name(),
                fired,
                item.note(),
                json.write(focus.getOrDefault(enterprise.id(), PlanFocus.NONE)));
    }
}
