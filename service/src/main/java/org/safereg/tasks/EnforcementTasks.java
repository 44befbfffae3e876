package org.safereg.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safereg.changes.DecisionChange;
import org.safereg.changes.DecisionChanges;
import org.safereg.system.DecisionMeter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens enforcement tasks for the decisions that order them. Called inside the decision's own transaction:
 * the task and its outbox entry commit or roll back with the decision, and the relay takes the entry to the
 * stream once it has committed.
 */
public class EnforcementTasks {

    private final TaskMapper mapper;
    private final TaskRelay relay;
    private final ObjectMapper json;
    private final Clock clock;
    private final DecisionMeter decisions;
    private final DecisionChanges changes;

    EnforcementTasks(
            TaskMapper mapper,
            TaskRelay relay,
            ObjectMapper json,
            Clock clock,
            DecisionMeter decisions,
            DecisionChanges changes) {
        this.mapper = mapper;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.decisions = decisions;
        this.changes = changes;
    }

    /**
     * Opens the task unless one with its idempotency key exists; answers the new task's id, or empty when
     * the cause already has its task (made earlier, or at this moment by another instance).
     *
     * @throws IllegalStateException outside a transaction
     */
    public Optional<Long> open(NewTask task) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a task is opened in the transaction of the decision that orders it");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        TaskInsert insert = new TaskInsert(task, task.decision().provenance().firedRules(), now);
        try {
            mapper.insertTask(insert);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        long id = insert.getId();
        mapper.insertOutbox(id, "CREATED", write(entry(id, task, now)), now);
        changes.record(List.of(DecisionChange.task(
                task.subject().enterpriseId(),
                id,
                "CREATED",
                task.type(),
                task.decision().provenance().ruleSetVersion(),
                now)));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // counted once the decision that ordered it has committed
                decisions.decided(task.decision().provenance().ruleSetVersion(), 1, 0);
                relay.nudge();
            }
        });
        return Optional.of(id);
    }

    /** Which of these idempotency keys already have their task. */
    public Set<String> existing(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(mapper.existingKeys(all.subList(from, Math.min(all.size(), from + 1000))));
        }
        return found;
    }

    /** The stream entry's fields: flat strings, the task id first so that consumers can drop repeats. */
    static Map<String, String> entry(long id, NewTask task, Instant createdAt) {
        NewTask.Terms terms = task.terms();
        NewTask.Decision decision = task.decision();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskId", String.valueOf(id));
        fields.put("event", "CREATED");
        fields.put("type", task.type());
        fields.put("enterpriseId", String.valueOf(task.subject().enterpriseId()));
        fields.put("reason", task.cause().reason());
        fields.put("trigger", task.cause().trigger());
        fields.put("priority", String.valueOf(terms.priority()));
        fields.put("dueFrom", terms.dueFrom().toString());
        fields.put("dueBy", terms.dueBy().toString());
        fields.put("postedSupervision", String.valueOf(terms.postedSupervision()));
        if (terms.legalBasis() != null) {
            fields.put("legalBasis", terms.legalBasis());
        }
        fields.put("ruleSetVersion", decision.provenance().ruleSetVersion());
        if (decision.orderedBy() != null && decision.orderedBy().name() != null) {
            fields.put("rule", decision.orderedBy().name());
        }
        fields.put(
                "firedRules",
                decision.provenance().ordinals().stream().map(String::valueOf).collect(Collectors.joining(",")));
        fields.put("createdAt", createdAt.toString());
        return fields;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
