package org.safereg.inspection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.system.ReadAhead;

/**
 * The focus points of a plan's enterprises: open hazards, alarms of the last 90 days and violations of the
 * last 3 years, a few of each, read in chunks so that a province-wide plan stays a handful of queries.
 *
 * <p>A chunk's three queries take 15-40 ms, mostly the database's: a province's ~80 of them one after the
 * other were over a second. Chunks are independent (an enterprise's focus points are its own rows only), so
 * they are read on a few connections at once, and in the order of the plan's items, so that the store can
 * write the first items while later chunks are still being read ({@link Reading#upTo}). The answer is the
 * same whatever the chunks and their order.
 */
class PlanFocus {

    /** An enterprise with nothing to look at in particular. */
    static final Focus NONE = new Focus(Focus.Facts.NONE, Focus.Facts.NONE, Focus.Facts.NONE);

    private static final int CHUNK = 1000;
    private static final int LIMIT = 3;

    private final InspectionPlanMapper mapper;
    private final RuleCatalog rules;
    private final Clock clock;
    private final int parallelism;

    /** @param parallelism chunks read at once, each on a connection of its own */
    PlanFocus(InspectionPlanMapper mapper, RuleCatalog rules, Clock clock, int parallelism) {
        this.rules = rules;
        this.mapper = mapper;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * Starts reading the focus points of the items' enterprises and answers at once; close the reading when
     * done with it (its threads stop, and chunks not yet read are not).
     */
    Reading read(List<PlanItem> items) {
        Instant alarmsSince = clock.instant().minus(Duration.ofDays(90));
        LocalDate violationsSince = LocalDate.now(clock).minusYears(3);
        // chunks of CHUNK enterprises in the order their first items come; ends[k]: the items chunk k covers
        List<List<Long>> chunks = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Long> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < items.size(); i++) {
            long id = items.get(i).enterprise().id();
            if (seen.add(id)) {
                chunk.add(id);
            }
            if (chunk.size() == CHUNK) {
                chunks.add(chunk);
                ends.add(i + 1);
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
            ends.add(items.size());
        }
        // The threads are the plan's own, made for it and gone after it: a plan is a rare request, and an idle
        // pool would hold threads for it all day.
        ExecutorService readers =
                chunks.isEmpty() ? null : ReadAhead.readers("plan-focus", Math.min(parallelism, chunks.size()));
        List<CompletableFuture<Map<Long, Focus>>> parts = new ArrayList<>(chunks.size());
        for (List<Long> ids : chunks) {
            parts.add(CompletableFuture.supplyAsync(() -> chunk(ids, alarmsSince, violationsSince), readers));
        }
        return new Reading(readers, parts, ends);
    }

    /**
     * Focus points being read. Used by one thread: the one that called {@link #read}; the readers only hand
     * their chunks over.
     */
    static final class Reading implements AutoCloseable {

        private final ExecutorService readers;
        private final List<CompletableFuture<Map<Long, Focus>>> parts;
        private final List<Integer> ends;
        private final Map<Long, Focus> focus = new HashMap<>();
        private int done;
        private long waited;

        private Reading(ExecutorService readers, List<CompletableFuture<Map<Long, Focus>>> parts, List<Integer> ends) {
            this.readers = readers;
            this.parts = parts;
            this.ends = ends;
        }

        /**
         * The focus points of (at least) the enterprises of the first {@code count} items, waiting for their
         * chunks; the map grows as later chunks are taken in.
         */
        Map<Long, Focus> upTo(int count) {
            // chunk k holds the enterprises first met from item ends[k - 1] on: the first count items need
            // every chunk that starts before count
            while (done < parts.size() && (done == 0 ? 0 : ends.get(done - 1)) < count) {
                long started = System.nanoTime();
                // a chunk that failed to read fails the plan with its own exception (a database gone, as before)
                focus.putAll(ReadAhead.joined(parts.get(done)));
                waited += System.nanoTime() - started;
                done++;
            }
            return focus;
        }

        /** How long {@link #upTo} waited for chunks, in nanoseconds. */
        long waited() {
            return waited;
        }

        @Override
        public void close() {
            if (readers != null) {
                readers.shutdownNow();
            }
        }
    }

    private Map<Long, Focus> chunk(List<Long> ids, Instant alarmsSince, LocalDate violationsSince) {
        Map<Long, Focus.Facts> hazards = facts(mapper.openHazards(ids, LIMIT));
        Map<Long, Focus.Facts> alarms = facts(described(mapper.recentAlarms(ids, alarmsSince, LIMIT)));
        Map<Long, Focus.Facts> violations = facts(mapper.pastViolations(ids, violationsSince, LIMIT));
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

    /** Each alarm named by the rule that decided it, as its provenance says, or by its metric. */
    private List<FocusRow> described(List<AlarmFocusRow> alarms) {
        return alarms.stream()
                .map(a -> new FocusRow(
                        a.enterpriseId(),
                        rules.explain(a.provenance()).rules().stream()
                                .findFirst()
                                .map(ProvenanceView.Rule::rule)
                                .orElse(a.metric()),
                        a.detail(),
                        a.on(),
                        a.total()))
                .toList();
    }

    private static Map<Long, Focus.Facts> facts(List<FocusRow> rows) {
        Map<Long, List<FocusRow>> byEnterprise = rows.stream()
                .collect(Collectors.groupingBy(FocusRow::enterpriseId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Focus.Facts> facts = new HashMap<>();
        byEnterprise.forEach((id, list) -> facts.put(
                id,
                new Focus.Facts(
                        list.get(0).total(),
                        list.stream()
                                .map(r -> new Focus.Entry(r.description(), r.detail(), r.on()))
                                .toList())));
        return facts;
    }
}
