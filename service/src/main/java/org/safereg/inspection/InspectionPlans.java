package org.safereg.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.enterprise.CreditCodes;
import org.safereg.enterprise.RegionCodes;
import org.safereg.rulesets.RuleCatalog;
import org.safereg.rulesets.RuleRow;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes, stores, reads and accepts inspection plans. */
class InspectionPlans {

    private static final Logger log = LoggerFactory.getLogger(InspectionPlans.class);

    private static final int CHUNK = 1000;
    private static final Focus NO_FOCUS = new Focus(Focus.Facts.NONE, Focus.Facts.NONE, Focus.Facts.NONE);
    private static final int FOCUS_LIMIT = 3;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Integer>> ORDINALS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, Integer>>> POPULATION = new TypeReference<>() {};

    private final InspectionPlanMapper mapper;
    private final EnforcementTasks tasks;
    private final RuleEngine engine;
    private final RuleCatalog catalog;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final InspectionProperties properties;
    private final SecureRandom seeds = new SecureRandom();

    InspectionPlans(
            InspectionPlanMapper mapper,
            RuleEngine engine,
            RuleCatalog catalog,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            InspectionProperties properties,
            EnforcementTasks tasks) {
        this.tasks = tasks;
        this.mapper = mapper;
        this.engine = engine;
        this.catalog = catalog;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Plans, stores and returns the plan; nothing is stored when the request or the plan is refused. */
    PlanView create(PlanRequest request, String createdBy) {
        long started = System.nanoTime();
        PlanPeriod period = validate(request);
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        List<Inspector> inspectors = request.inspectors().stream()
                .map(i -> new Inspector(
                        i.id().trim(),
                        i.name().trim(),
                        i.region(),
                        i.capacity(),
                        i.conflicts() == null ? Set.of() : Set.copyOf(i.conflicts())))
                .toList();

        LocalDate yearStart = period.start().withDayOfYear(1);
        List<PlanEnterprise> enterprises = mapper.enterprisesIn(
                RegionCodes.prefix(request.region()),
                yearStart,
                yearStart.plusYears(1).minusDays(1));
        long read = System.nanoTime();
        var rules = engine.active();
        Set<EnterpriseClass> classes = new LinkedHashSet<>();
        enterprises.forEach(e -> classes.add(e.enterpriseClass()));
        InspectionPolicy policy = InspectionPolicy.evaluate(rules, classes);
        long decided = System.nanoTime();
        PlanDraft draft = InspectionPlanner.plan(enterprises, policy, inspectors, period, seed);
        long drawn = System.nanoTime();
        if (!draft.uncovered().isEmpty()) {
            throw new InfeasiblePlanException(
                    draft.uncovered(),
                    draft.mandatory(),
                    inspectors.stream().mapToLong(Inspector::capacity).sum());
        }
        Map<Long, Focus> focus = focusOf(draft.items());
        long focused = System.nanoTime();
        String digest = InspectionPlanner.digest(draft, seed, policy.ruleSetVersion(), period);
        PlanRequest stored = new PlanRequest(request.region(), request.period(), request.inspectors(), seed);
        NewPlan plan = new NewPlan(
                request.region(),
                period,
                seed,
                policy.ruleSetVersion(),
                write(stored),
                draft.factsDigest(),
                digest,
                write(draft.population()),
                write(draft.warnings()),
                draft.mandatory(),
                draft.random(),
                createdBy,
                // whole seconds, as MariaDB keeps them, so that the answer and the stored plan read alike
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        long id = transactions.execute(status -> {
            mapper.insertPlan(plan);
            List<NewItem> batch = new ArrayList<>(CHUNK);
            int seq = 0;
            Map<Frequency, String> ordinals = new HashMap<>();
            for (PlanItem item : draft.items()) {
                batch.add(newItem(plan.getId(), ++seq, item, focus, ordinals));
                if (batch.size() == properties.insertBatch()) {
                    mapper.insertItems(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mapper.insertItems(batch);
            }
            return plan.getId();
        });
        long written = System.nanoTime();
        log.info(
                "Plan {} for {} {} {}: {} enterprises, {} classes, {} items ({} mandatory), {} warnings; read {} ms,"
                        + " rules {} ms, draw and assignment {} ms, focus {} ms, store {} ms",
                id,
                request.region(),
                period.kind(),
                period.start(),
                enterprises.size(),
                classes.size(),
                draft.items().size(),
                draft.mandatory(),
                draft.warnings().size(),
                millis(started, read),
                millis(read, decided),
                millis(decided, drawn),
                millis(drawn, focused),
                millis(focused, written));
        // answered from memory: reading 100,000 items back would cost as much as writing them
        return view(id, plan, draft, focus);
    }

    private PlanView view(long id, NewPlan plan, PlanDraft draft, Map<Long, Focus> focus) {
        Map<Frequency, List<RuleRow>> rules = new HashMap<>();
        List<PlanView.Item> mandatory = new ArrayList<>();
        List<PlanView.Item> random = new ArrayList<>();
        int seq = 0;
        for (PlanItem item : draft.items()) {
            PlanEnterprise enterprise = item.enterprise();
            List<RuleRow> fired = rules.computeIfAbsent(
                    item.frequency(),
                    f -> catalog.describe(
                            plan.getRuleSetVersion(),
                            f.rules().stream().map(FiredRule::ordinal).toList()));
            PlanView.Item view = new PlanView.Item(
                    ++seq,
                    new PlanView.Enterprise(
                            enterprise.creditCode(), enterprise.name(), enterprise.regionCode(), enterprise.sector()),
                    item.kind().name(),
                    item.dueFrom(),
                    item.dueTo(),
                    item.priority(),
                    item.inspector() == null
                            ? null
                            : new PlanView.Assignee(
                                    item.inspector().id(), item.inspector().name()),
                    new PlanView.Reasons(
                            enterprise.creditTier(),
                            enterprise.riskLevel(),
                            item.kind() == PlanItem.Kind.MANDATORY ? "KEY" : "RANDOM",
                            item.note(),
                            fired,
                            plan.getRuleSetVersion()),
                    focus.getOrDefault(enterprise.id(), NO_FOCUS));
            (item.kind() == PlanItem.Kind.MANDATORY ? mandatory : random).add(view);
        }
        return new PlanView(
                id,
                plan.getRegionCode(),
                new PlanView.Period(plan.getPeriodKind(), plan.getPeriodStart(), plan.getPeriodEnd()),
                plan.getSeed(),
                "PROPOSED",
                plan.getRuleSetVersion(),
                plan.getDigest(),
                plan.getFactsDigest(),
                new PlanView.Counts(mandatory.size(), random.size(), mandatory.size() + random.size()),
                draft.warnings(),
                plan.getCreatedBy(),
                plan.getCreatedAt(),
                null,
                null,
                mandatory,
                random);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private NewItem newItem(
            long planId, int seq, PlanItem item, Map<Long, Focus> focus, Map<Frequency, String> ordinals) {
        PlanEnterprise enterprise = item.enterprise();
        String fired = ordinals.computeIfAbsent(
                item.frequency(),
                f -> write(f.rules().stream().map(FiredRule::ordinal).toList()));
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
                write(focus.getOrDefault(
                        enterprise.id(), new Focus(Focus.Facts.NONE, Focus.Facts.NONE, Focus.Facts.NONE))));
    }

    private PlanPeriod validate(PlanRequest request) {
        LocalDate today = LocalDate.now(clock);
        PlanPeriod period =
                PlanPeriod.of(request.period().kind(), request.period().start());
        if (period.start().isBefore(today)) {
            throw InvalidInputException.forField(
                    "period.start", "must not be in the past (today is " + today + "): a plan is for a period ahead");
        }
        Set<String> regions = new HashSet<>();
        regions.add(request.region());
        request.inspectors().forEach(i -> regions.add(i.region()));
        Set<String> known = new HashSet<>(mapper.knownRegions(regions));
        if (!known.contains(request.region())) {
            throw InvalidInputException.forField("region", "'" + request.region() + "' is not a known region");
        }
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String planPrefix = RegionCodes.prefix(request.region());
        for (int i = 0; i < request.inspectors().size(); i++) {
            PlanRequest.InspectorRequest inspector = request.inspectors().get(i);
            String field = "inspectors[" + i + "]";
            if (!ids.add(inspector.id().trim())) {
                violations.add(
                        new InvalidInputException.Violation(field + ".id", "'" + inspector.id() + "' is listed twice"));
            }
            if (!known.contains(inspector.region())) {
                violations.add(new InvalidInputException.Violation(
                        field + ".region", "'" + inspector.region() + "' is not a known region"));
            } else {
                String own = RegionCodes.prefix(inspector.region());
                if (!own.startsWith(planPrefix) && !planPrefix.startsWith(own)) {
                    violations.add(new InvalidInputException.Violation(
                            field + ".region",
                            "'" + inspector.region() + "' lies outside the plan's region " + request.region()));
                }
            }
            List<String> conflicts = inspector.conflicts() == null ? List.of() : inspector.conflicts();
            for (int c = 0; c < conflicts.size(); c++) {
                if (!CreditCodes.isValid(conflicts.get(c))) {
                    violations.add(new InvalidInputException.Violation(
                            field + ".conflicts[" + c + "]", CreditCodes.describeProblem(conflicts.get(c))));
                }
            }
        }
        if (request.inspectors().stream()
                        .mapToInt(PlanRequest.InspectorRequest::capacity)
                        .sum()
                == 0) {
            violations.add(new InvalidInputException.Violation("inspectors", "have no capacity at all"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    violations);
        }
        return period;
    }

    /** Open hazards, alarms of the last 90 days and violations of the last 3 years of the planned enterprises. */
    private Map<Long, Focus> focusOf(List<PlanItem> items) {
        List<Long> ids =
                items.stream().map(i -> i.enterprise().id()).distinct().sorted().toList();
        Map<Long, Focus.Facts> hazards = new HashMap<>();
        Map<Long, Focus.Facts> alarms = new HashMap<>();
        Map<Long, Focus.Facts> violations = new HashMap<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            collect(mapper.openHazards(chunk, FOCUS_LIMIT), hazards);
            collect(mapper.recentAlarms(chunk, now.minus(Duration.ofDays(90)), FOCUS_LIMIT), alarms);
            collect(mapper.pastViolations(chunk, today.minusYears(3), FOCUS_LIMIT), violations);
        }
        Map<Long, Focus> focus = new HashMap<>();
        for (long id : ids) {
            focus.put(
                    id,
                    new Focus(
                            hazards.getOrDefault(id, Focus.Facts.NONE),
                            alarms.getOrDefault(id, Focus.Facts.NONE),
                            violations.getOrDefault(id, Focus.Facts.NONE)));
        }
        return focus;
    }

    private static void collect(List<FocusRow> rows, Map<Long, Focus.Facts> into) {
        Map<Long, List<FocusRow>> byEnterprise = rows.stream()
                .collect(Collectors.groupingBy(FocusRow::enterpriseId, LinkedHashMap::new, Collectors.toList()));
        byEnterprise.forEach((id, list) -> into.put(
                id,
                new Focus.Facts(
                        list.get(0).total(),
                        list.stream()
                                .map(r -> new Focus.Entry(r.description(), r.detail(), r.on()))
                                .toList())));
    }

    PlanView get(long id) {
        PlanRow plan = find(id);
        List<PlanView.Item> mandatory = new ArrayList<>();
        List<PlanView.Item> random = new ArrayList<>();
        Map<String, List<RuleRow>> rules = new HashMap<>();
        for (ItemRow row : mapper.itemsOf(id)) {
            PlanView.Item item = item(row, plan.ruleSetVersion(), rules);
            (PlanItem.Kind.MANDATORY.name().equals(row.kind()) ? mandatory : random).add(item);
        }
        return new PlanView(
                plan.id(),
                plan.regionCode(),
                period(plan),
                plan.seed(),
                plan.state(),
                plan.ruleSetVersion(),
                plan.digest(),
                plan.factsDigest(),
                counts(plan),
                read(plan.warnings(), STRINGS),
                plan.createdBy(),
                plan.createdAt(),
                plan.acceptedBy(),
                plan.acceptedAt(),
                mandatory,
                random);
    }

    private PlanView.Item item(ItemRow row, String version, Map<String, List<RuleRow>> rules) {
        List<RuleRow> fired = rules.computeIfAbsent(
                row.firedRules(), ordinals -> catalog.describe(version, read(ordinals, ORDINALS)));
        return new PlanView.Item(
                row.seq(),
                new PlanView.Enterprise(row.creditCode(), row.name(), row.regionCode(), row.sector()),
                row.kind(),
                row.dueFrom(),
                row.dueTo(),
                row.priority(),
                row.inspectorId() == null ? null : new PlanView.Assignee(row.inspectorId(), row.inspectorName()),
                new PlanView.Reasons(
                        row.creditTier(),
                        row.riskLevel(),
                        PlanItem.Kind.MANDATORY.name().equals(row.kind()) ? "KEY" : "RANDOM",
                        row.note(),
                        fired,
                        version),
                read(row.focus(), Focus.class));
    }

    List<PlanView.Summary> list(String region, String state, int limit) {
        return mapper.listPlans(region == null ? null : RegionCodes.prefix(region), state, limit).stream()
                .map(p -> new PlanView.Summary(
                        p.id(),
                        p.regionCode(),
                        period(p),
                        p.seed(),
                        p.state(),
                        p.ruleSetVersion(),
                        p.digest(),
                        counts(p),
                        p.createdBy(),
                        p.createdAt(),
                        p.acceptedAt()))
                .toList();
    }

    /** Accepts a proposed plan and announces it after commit, for the enforcement tasks. */
    PlanView accept(long id, Caller caller) {
        transactions.executeWithoutResult(status -> {
            PlanRow plan = find(id);
            if (mapper.accept(id, caller.subject(), clock.instant()) == 0) {
                throw new ConflictException(
                        "plan " + id + " is " + plan.state() + ", only a PROPOSED plan can be accepted");
            }
            // accepting is the decision that orders the inspections: each item becomes an enforcement task in
            // this same transaction, so that the plan is never accepted without its tasks (nor the reverse)
            for (ItemRow item : mapper.itemsOf(id)) {
                tasks.open(taskOf(plan, item));
            }
            // delivered to @TransactionalEventListener listeners once this transaction has committed
            events.publishEvent(new InspectionPlanAccepted(id, plan.regionCode(), caller.subject()));
        });
        return get(id);
    }

    /**
     * An on-site inspection for the dispatch system: one per plan item, keyed by plan and item so that
     * accepting never opens it twice; the reasons (rules fired, rule-set version) are the plan's.
     */
    private NewTask taskOf(PlanRow plan, ItemRow item) {
        boolean mandatory = PlanItem.Kind.MANDATORY.name().equals(item.kind());
        return new NewTask(
                "ON_SITE_INSPECTION",
                NewTask.Subject.enterprise(item.enterpriseId()),
                new NewTask.Cause(
                        mandatory ? "INSPECTION_PLAN_KEY_SUPERVISION" : "INSPECTION_PLAN_RANDOM_DRAW",
                        "inspection-plan:" + plan.id() + ":item:" + item.seq()),
                NewTask.Terms.due(item.priority(), item.dueFrom(), item.dueTo()),
                new NewTask.Decision(
                        plan.ruleSetVersion(),
                        item.firedRules() == null ? List.of() : read(item.firedRules(), ORDINALS),
                        null));
    }

    PlanStatistics statistics(long id) {
        PlanRow plan = find(id);
        List<ItemRow> items = mapper.itemsOf(id);
        Map<String, Map<String, Integer>> population = read(plan.population(), POPULATION);
        Map<String, Integer> tier = new TreeMap<>();
        Map<String, Integer> risk = new TreeMap<>();
        Map<String, Integer> both = new TreeMap<>();
        Map<String, Integer> workload = new HashMap<>();
        int unassigned = 0;
        for (ItemRow item : items) {
            tier.merge(item.creditTier(), 1, Integer::sum);
            risk.merge(item.riskLevel(), 1, Integer::sum);
            both.merge(item.creditTier() + "/" + item.riskLevel(), 1, Integer::sum);
            if (item.inspectorId() == null) {
                unassigned++;
            } else {
                workload.merge(item.inspectorId(), 1, Integer::sum);
            }
        }
        int inScope = population.getOrDefault("tier", Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        PlanRequest inputs = read(plan.inputs(), PlanRequest.class);
        List<PlanStatistics.Workload> loads = inputs.inspectors().stream()
                .map(i -> new PlanStatistics.Workload(
                        i.id(), i.name(), i.region(), i.capacity(), workload.getOrDefault(i.id().trim(), 0)))
                .toList();
        return new PlanStatistics(
                id,
                items.size(),
                inScope,
                groups(population.get("tier"), tier, items.size(), inScope),
                groups(population.get("risk"), risk, items.size(), inScope),
                groups(population.get("tierAndRisk"), both, items.size(), inScope),
                loads,
                unassigned);
    }

    private static List<PlanStatistics.Group> groups(
            Map<String, Integer> population, Map<String, Integer> planned, int size, int inScope) {
        Set<String> keys = new java.util.TreeSet<>(population == null ? Set.of() : population.keySet());
        keys.addAll(planned.keySet());
        List<PlanStatistics.Group> groups = new ArrayList<>();
        for (String key : keys) {
            int members = population == null ? 0 : population.getOrDefault(key, 0);
            int count = planned.getOrDefault(key, 0);
            double uniform = inScope == 0 ? 0 : Math.round(1000.0 * size * members / inScope) / 1000.0;
            Double ratio = uniform == 0 ? null : Math.round(1000.0 * count / uniform) / 1000.0;
            groups.add(new PlanStatistics.Group(key, members, count, uniform, ratio));
        }
        return groups;
    }

    PlanRow find(long id) {
        PlanRow plan = mapper.findPlan(id);
        if (plan == null) {
            throw new NotFoundException("There is no inspection plan " + id + ".");
        }
        return plan;
    }

    List<ItemRow> items(long id) {
        find(id);
        return mapper.itemsOf(id);
    }

    private static PlanView.Period period(PlanRow plan) {
        return new PlanView.Period(plan.periodKind(), plan.periodStart(), plan.periodEnd());
    }

    private static PlanView.Counts counts(PlanRow plan) {
        return new PlanView.Counts(
                plan.mandatoryItems(), plan.randomItems(), plan.mandatoryItems() + plan.randomItems());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
