package org.safereg.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.changes.DecisionChange;
import org.safereg.changes.DecisionChanges;
import org.safereg.enforcement.Circumstances;
import org.safereg.enforcement.EnforcementDecision;
import org.safereg.enforcement.EnforcementDecisions;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleRow;
import org.safereg.enterprise.RegionCodes;
import org.safereg.enterprise.Violations;
import org.safereg.hazards.InspectionHazards;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch system's side of enforcement tasks: lists them, claims one, completes it with its result.
 * A result's violations and hazards become facts in the same transaction as the completion; once committed,
 * {@link InspectionResultRecorded} makes credit and risk re-evaluate the enterprise.
 */
class Tasks {

    static final List<String> STATES = List.of("OPEN", "CLAIMED", "COMPLETED");

    private final TaskMapper mapper;
    private final RuleCatalog rules;
    private final TaskRelay relay;
    private final Violations violationRecords;
    private final InspectionHazards hazardsFound;
    private final EnforcementDecisions enforcement;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final DecisionChanges changes;

    Tasks(
            TaskMapper mapper,
            TaskRelay relay,
            Violations violations,
            InspectionHazards hazardsFound,
            EnforcementDecisions enforcement,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            RuleCatalog rules,
            DecisionChanges changes) {
        this.rules = rules;
        this.mapper = mapper;
        this.relay = relay;
        this.violationRecords = violations;
        this.hazardsFound = hazardsFound;
        this.enforcement = enforcement;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.changes = changes;
    }

    List<TaskView> list(String state, String type, String enterprise, String region, long after, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw InvalidInputException.forField("state", Inputs.oneOf(String.join(", ", STATES)));
        }
        if (type != null && !NewTask.TYPES.contains(type)) {
            throw InvalidInputException.forField("type", Inputs.oneOf(String.join(", ", NewTask.TYPES)));
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", Inputs.REGION_CODE);
        }
        if (enterprise != null && !enterprise.matches("[0-9A-Z]{18}")) {
            throw InvalidInputException.forField("enterprise", Inputs.CREDIT_CODE);
        }
        return mapper.list(state, type, enterprise, RegionCodes.prefix(region), after, limit).stream()
                .map(this::view)
                .toList();
    }

    TaskView get(long id) {
        return view(existing(id));
    }

    TaskView claim(long id, Caller caller) {
        TaskRow task = existing(id);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Boolean claimed = transactions.execute(status -> {
            if (mapper.claim(id, caller.subject(), now) == 0) {
                return false;
            }
            mapper.insertOutbox(id, "CLAIMED", write(entry(task, "CLAIMED", caller.subject(), now, Map.of())), now);
            changes.record(List.of(
                    DecisionChange.task(task.enterpriseId(), id, "CLAIMED", task.type(), task.ruleSetVersion(), now)));
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            throw new ConflictException(Text.of(
                    "tasks.only-open",
                    "Task {0} is {1}{2}; only an OPEN task can be claimed.",
                    id,
                    task.state(),
                    task.claimedBy() == null
                            ? ""
                            : Text.of("tasks.claimed-by", " (claimed by {0})", task.claimedBy())));
        }
        relay.nudge();
        return view(mapper.find(id));
    }

    TaskView complete(long id, TaskResult result, Caller caller) {
        TaskRow task = existing(id);
        LocalDate today = LocalDate.now(clock);
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (result.inspectedOn().isAfter(today)) {
            violations.add(new InvalidInputException.Violation(
                    "inspectedOn", Text.of("input.not-after-today", "must not be after today ({0})", today)));
        }
        if (result.inspectedOn()
                .isBefore(task.createdAt().atZone(clock.getZone()).toLocalDate())) {
            violations.add(new InvalidInputException.Violation(
                    "inspectedOn", Text.of("tasks.before-created", "must not be before the task was created")));
        }
        List<TaskResult.FoundHazard> hazards = result.hazardsOrEmpty();
        for (int i = 0; i < hazards.size(); i++) {
            TaskResult.FoundHazard hazard = hazards.get(i);
            if (hazard.deadline().isBefore(result.inspectedOn())) {
                violations.add(new InvalidInputException.Violation(
                        "hazards[" + i + "].deadline",
                        Text.of("tasks.deadline-before-inspection", "must not be before the inspection")));
            } else if ("MAJOR".equals(hazard.grade())
                    && hazard.deadline().isAfter(result.inspectedOn().plusYears(1))) {
                violations.add(new InvalidInputException.Violation(
                        "hazards[" + i + "].deadline",
                        Text.of(
                                "tasks.major-deadline",
                                "of a major hazard must be at most one year after the inspection")));
            }
        }
        if (Boolean.TRUE.equals(result.rectificationVerified()) && task.hazardId() == null) {
            violations.add(new InvalidInputException.Violation(
                    "rectificationVerified",
                    Text.of("tasks.verification-without-hazard", "applies only to a task about a hazard")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    Text.of(
                            "tasks.invalid-result",
                            "The task result is invalid: {0}.",
                            InvalidInputException.listed(violations, " ")),
                    violations);
        }
        if (!"CLAIMED".equals(task.state())) {
            throw new ConflictException(Text.of(
                    "tasks.only-claimed", "Task {0} is {1}; only a CLAIMED task can be completed.", id, task.state()));
        }
        // the measures are decided before anything is written: circumstances the model refuses leave the task as it was
        List<TaskResult.FoundViolation> found = result.violationsOrEmpty();
        List<Integer> withCircumstances = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).circumstances() != null) {
                withCircumstances.add(i);
            }
        }
        List<EnforcementDecision> decided = enforcement.decide(
                withCircumstances.stream()
                        .map(i -> found.get(i).circumstances())
                        .toList(),
                i -> "violations[" + withCircumstances.get(i) + "].circumstances");
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String resultJson = write(result);
        Boolean done = transactions.execute(status -> {
            if (mapper.complete(id, caller.subject(), now, resultJson) == 0) {
                return false;
            }
            for (int i = 0; i < found.size(); i++) {
                TaskResult.FoundViolation v = found.get(i);
                Circumstances circumstances = v.circumstances();
                long violationId = violationRecords.record(
                        task.enterpriseId(),
                        result.inspectedOn(),
                        v.description().strip(),
                        v.lawArticle() != null || circumstances == null ? v.lawArticle() : circumstances.lawArticle(),
                        v.penaltyAmount(),
                        v.fineMultiple());
                int asked = withCircumstances.indexOf(i);
                if (asked >= 0) {
                    enforcement.record(id, violationId, task.enterpriseId(), result.inspectedOn(), decided.get(asked));
                }
            }
            for (TaskResult.FoundHazard h : hazards) {
                hazardsFound.recordFound(
                        task.enterpriseId(),
                        id,
                        h.grade(),
                        h.description().strip(),
                        result.inspectedOn(),
                        h.deadline(),
                        caller.subject(),
                        now);
            }
            if (Boolean.TRUE.equals(result.rectificationVerified())) {
                hazardsFound.verifyRectified(task.hazardId(), result.inspectedOn(), caller.subject());
            }
            Map<String, String> outcome = new LinkedHashMap<>();
            outcome.put("inspectedOn", result.inspectedOn().toString());
            outcome.put("violations", String.valueOf(result.violationsOrEmpty().size()));
            outcome.put("hazards", String.valueOf(hazards.size()));
            outcome.put("enforcementDecisions", String.valueOf(decided.size()));
            outcome.put("rectificationVerified", String.valueOf(Boolean.TRUE.equals(result.rectificationVerified())));
            mapper.insertOutbox(id, "COMPLETED", write(entry(task, "COMPLETED", caller.subject(), now, outcome)), now);
            changes.record(List.of(DecisionChange.task(
                    task.enterpriseId(), id, "COMPLETED", task.type(), task.ruleSetVersion(), now)));
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            throw new ConflictException(
                    Text.of("tasks.changed", "Task {0} changed meanwhile; only a CLAIMED task can be completed.", id));
        }
        relay.nudge();
        events.publishEvent(new InspectionResultRecorded(task.enterpriseId(), id));
        return view(mapper.find(id));
    }

    /** A later event of a task on the stream, beside its CREATED entry: who did what, when. */
    private static Map<String, String> entry(
            TaskRow task, String event, String by, Instant at, Map<String, String> details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskId", String.valueOf(task.id()));
        fields.put("event", event);
        fields.put("type", task.type());
        fields.put("enterpriseId", String.valueOf(task.enterpriseId()));
        fields.put("by", by);
        fields.put("at", at.toString());
        fields.putAll(details);
        return fields;
    }

    private TaskRow existing(long id) {
        TaskRow task = mapper.find(id);
        if (task == null) {
            throw new NotFoundException(Text.of("tasks.unknown", "No enforcement task {0} is known.", id));
        }
        return task;
    }

    private TaskView view(TaskRow row) {
        Provenance stored = Provenance.stored(row.ruleSetVersion(), row.firedRules());
        ProvenanceView provenance = rules.explain(stored);
        RuleRow decided = row.decidingRule() == null
                ? null
                : rules.describe(row.ruleSetVersion(), List.of(row.decidingRule())).stream()
                        .findFirst()
                        .orElse(null);
        return new TaskView(
                row.id(),
                row.creditCode(),
                row.enterpriseName(),
                row.regionCode(),
                row.type(),
                row.reason(),
                row.triggerRef(),
                row.hazardId(),
                row.legalBasis(),
                row.postedSupervision(),
                row.priority(),
                row.dueFrom(),
                row.dueBy(),
                row.state(),
                new TaskView.Decision(
                        row.ruleSetVersion(),
                        stored.ordinals(),
                        decided == null
                                ? new TaskView.Rule(null, null, null, null)
                                : new TaskView.Rule(
                                        decided.ruleName(), decided.file(), decided.sheet(), decided.sheetRow())),
                row.createdAt(),
                row.claimedBy(),
                row.claimedAt(),
                row.completedBy(),
                row.completedAt(),
                row.result() == null ? null : read(row.result()),
                provenance);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
