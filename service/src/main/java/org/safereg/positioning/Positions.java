package org.safereg.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safereg.monitoring.DerivedReadings;
import org.safereg.positioning.PositionResult.AreaAlarm;
import org.safereg.positioning.PositionResult.Reason;
import org.safereg.positioning.PositionResult.Rejection;
import org.safereg.positioning.PositioningMapper.PresenceRow;
import org.safereg.system.Caller;
import org.safereg.system.NotFoundException;
import org.safereg.system.RedisFallbacks;
import org.safereg.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes batches of position events and turns who is where into readings of the areas' monitoring
 * points: the head count of a restricted area (anyone in it is an alarm) and of a key area (over its
 * capacity is an alarm), and the longest current stay of an area with a dwell limit. Every event is
 * judged on its own; the good ones are applied to the shared presence in time order, each one
 * atomically, logged in MySQL, and the readings they give are fed to monitoring's alarm pipeline in
 * one batch. Stays grow without events, so {@link #sweepDwell} works the dwell readings out again.
 */
class Positions {

    private static final Logger log = LoggerFactory.getLogger(Positions.class);
    private static final Comparator<PresenceRow> PRESENCE_ORDER =
            Comparator.comparingLong(PresenceRow::areaId).thenComparing(PresenceRow::card);

    private final MineAreas areas;
    private final Presence presence;
    private final PositioningMapper mapper;
    private final PositioningMapper batch;
    private final DerivedReadings readings;
    private final TransactionTemplate transactions;
    private final PositioningProperties properties;
    private final Pattern cardPattern;
    private final Clock clock;
    private final Counter fallbacks;

    Positions(
            MineAreas areas,
            Presence presence,
            PositioningMapper mapper,
            PositioningMapper batch,
            DerivedReadings readings,
            TransactionTemplate transactions,
            PositioningProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.fallbacks = RedisFallbacks.counter(registry, "presence", "lost");
        this.areas = areas;
        this.presence = presence;
        this.mapper = mapper;
        this.batch = batch;
        this.readings = readings;
        this.transactions = transactions;
        this.properties = properties;
        this.cardPattern = Pattern.compile(properties.cardPattern());
        this.clock = clock;
    }

    PositionResult ingest(JsonNode items) {
        Instant now = Instant.now(clock);
        Set<String> codes = new HashSet<>();
        for (JsonNode item : items) {
            if (item.path("area").isTextual()) {
                codes.add(item.path("area").asText());
            }
        }
        long started = System.nanoTime();
        Map<String, MineArea> known = areas.byCodes(codes);
        List<Rejection> rejected = new ArrayList<>();
        List<PositionEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String card = item.path("card").isTextual() ? item.path("card").asText() : null;
            String code = item.path("area").isTextual() ? item.path("area").asText() : null;
            Rejection rejection = check(i, item, card, code, known.get(code), now);
            if (rejection != null) {
                rejected.add(rejection);
                continue;
            }
            PositionEvent event = new PositionEvent(
                    i,
                    known.get(code),
                    card,
                    "ENTER".equalsIgnoreCase(item.path("action").asText()),
                    Instant.parse(item.path("at").asText()));
            if (!seen.add(
                    card + "|" + code + "|" + event.action() + "|" + event.at().toEpochMilli())) {
                rejected.add(new Rejection(
                        i,
                        card,
                        code,
                        Reason.DUPLICATE,
                        "the request already has " + card + " " + event.action() + " " + code + " at " + event.at()));
                continue;
            }
            events.add(event);
        }
        // a person's events are applied in the order they happened, whatever order the gateway sent them in
        events.sort(Comparator.comparing(PositionEvent::at).thenComparingInt(PositionEvent::index));
        long checked = System.nanoTime();
        List<Presence.Outcome> outcomes = apply(
                events.stream()
                        .map(e -> new Presence.Step(e.areaId(), e.card(), e.enter(), e.at().toEpochMilli()))
                        .toList(),
                now.toEpochMilli());

        List<PositionEvent> taken = new ArrayList<>();
        List<DerivedReadings.Value> values = new ArrayList<>();
        Map<String, PresenceRow> finalPresence = new LinkedHashMap<>();
        Map<String, Boolean> inside = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            PositionEvent e = events.get(i);
            Presence.Outcome o = outcomes.get(i);
            if (o.status() != Presence.Status.TAKEN) {
                rejected.add(refusal(e, o));
                continue;
            }
            taken.add(e);
            values.addAll(derive(e.area(), o.count(), o.oldest(), o.stamp()));
            String key = e.areaId() + "|" + e.card();
            finalPresence.put(key, new PresenceRow(e.areaId(), e.card(), e.at()));
            inside.put(key, e.enter());
        }
        long applied = System.nanoTime();
        if (!taken.isEmpty()) {
            List<PresenceRow> entered = new ArrayList<>();
            List<PresenceRow> left = new ArrayList<>();
            finalPresence.forEach((key, row) -> (inside.get(key) ? entered : left).add(row));
            // in presence-key order, so that two batches lock the rows they share in the same order
            entered.sort(PRESENCE_ORDER);
            left.sort(PRESENCE_ORDER);
            transactions.executeWithoutResult(status -> {
                taken.forEach(e -> batch.insertEvent(e, now));
                entered.forEach(batch::upsertPresence);
                left.forEach(batch::deletePresence);
            });
        }
        long logged = System.nanoTime();
        Map<String, MineArea> byPoint = new HashMap<>();
        Map<Long, List<PositionEvent>> enteredByArea = new HashMap<>();
        for (PositionEvent e : taken) {
            e.area().points().forEach(p -> byPoint.put(p, e.area()));
            if (e.enter()) {
                enteredByArea
                        .computeIfAbsent(e.areaId(), id -> new ArrayList<>())
                        .add(e);
            }
        }
        List<AreaAlarm> alarms = alarmsOf(readings.feed(TurningPoints.keep(values)), byPoint, enteredByArea, now);
        rejected.sort(Comparator.comparingInt(Rejection::index));
        if (log.isDebugEnabled()) {
            log.debug(
                    "{} position events, {} taken, {} readings: checked in {} ms, presence {} ms, MySQL {} ms,"
                            + " alarms {} ms",
                    items.size(),
                    taken.size(),
                    values.size(),
                    (checked - started) / 1_000_000,
                    (applied - checked) / 1_000_000,
                    (logged - applied) / 1_000_000,
                    (System.nanoTime() - logged) / 1_000_000);
        }
        return new PositionResult(items.size(), taken.size(), rejected, alarms);
    }

    /**
     * Applies the steps; the steps on an area whose presence the store does not hold (lost with Redis, or
     * not yet loaded) are applied again once it is loaded from MySQL, in their order.
     */
    private List<Presence.Outcome> apply(List<Presence.Step> steps, long now) {
        List<Presence.Outcome> outcomes = new ArrayList<>(presence.apply(steps, now));
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Integer> again = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).status() == Presence.Status.NOT_LOADED) {
                    again.add(i);
                }
            }
            if (again.isEmpty()) {
                return outcomes;
            }
            recover(again.stream().map(i -> steps.get(i).areaId()).collect(Collectors.toSet()));
            List<Presence.Outcome> retried =
                    presence.apply(again.stream().map(steps::get).toList(), now);
            for (int j = 0; j < again.size(); j++) {
                outcomes.set(again.get(j), retried.get(j));
            }
        }
        throw new IllegalStateException("the presence of mine areas was lost again while it was being loaded");
    }

    /** Works out each dwell-limited area's longest current stay again and feeds it; returns the alarm changes. */
    List<AreaAlarm> sweepDwell() {
        Instant now = Instant.now(clock);
        List<MineArea> limited = areas.withDwellLimit();
        if (limited.isEmpty()) {
            return List.of();
        }
        ensureLoaded(limited.stream().map(MineArea::id).toList());
        Map<Long, Long> stamps =
                presence.stamps(limited.stream().map(MineArea::id).toList(), now.toEpochMilli());
        List<DerivedReadings.Value> values = new ArrayList<>(limited.size());
        Map<String, MineArea> byPoint = new HashMap<>();
        for (MineArea area : limited) {
            long oldest = presence.occupants(area.id()).values().stream()
                    .mapToLong(Long::longValue)
                    .min()
                    .orElse(-1);
            long stamp = stamps.get(area.id());
            values.add(new DerivedReadings.Value(
                    area.dwellPoint(), MineArea.MINUTES, Instant.ofEpochMilli(stamp), minutes(oldest, stamp)));
            byPoint.put(area.dwellPoint(), area);
        }
        return alarmsOf(readings.feed(values), byPoint, Map.of(), now);
    }

    /** Loads who is where from MySQL into the areas the shared presence does not hold (lost with Redis). */
    private void ensureLoaded(Collection<Long> areaIds) {
        Set<Long> unloaded = presence.unloaded(areaIds);
        if (!unloaded.isEmpty()) {
            recover(unloaded);
        }
    }

    private void recover(Collection<Long> areaIds) {
        fallbacks.increment();
        Map<Long, Map<String, Long>> rows = new HashMap<>();
        for (PresenceRow row : mapper.presenceOf(areaIds)) {
            rows.computeIfAbsent(row.areaId(), id -> new HashMap<>())
                    .put(row.card(), row.enteredAt().toEpochMilli());
        }
        presence.load(areaIds, rows);
        log.info(
                "Mine area presence loaded from MySQL into the {} store: {} persons in {} areas",
                presence.kind(),
                rows.values().stream().mapToInt(Map::size).sum(),
                areaIds.size());
    }

    Occupancy occupancy(String code, Caller caller) {
        MineArea area = areas.get(code, caller);
        Instant now = Instant.now(clock);
        ensureLoaded(List.of(area.id()));
        List<Occupancy.Person> persons = presence.occupants(area.id()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Occupancy.Person(
                        e.getKey(), Instant.ofEpochMilli(e.getValue()), minutes(e.getValue(), now.toEpochMilli())))
                .toList();
        return new Occupancy(
                area.code(),
                area.creditCode(),
                area.type(),
                area.capacity(),
                area.dwellLimitMinutes(),
                persons.size(),
                persons,
                now);
    }

    List<AlarmPerson> personsOfAlarm(long alarmId, Caller caller) {
        String enterprise = mapper.enterpriseOfAlarm(alarmId);
        if (enterprise == null || !caller.mayAccessEnterprise(enterprise)) {
            throw new NotFoundException(Text.of("alarms.unknown", "No alarm {0} is known.", alarmId));
        }
        return mapper.personsOfAlarm(alarmId);
    }

    private Rejection check(int index, JsonNode item, String card, String code, MineArea area, Instant now) {
        if (!item.isObject()) {
            return new Rejection(index, null, null, Reason.MALFORMED, "a position event must be an object");
        }
        if (card == null || card.isBlank()) {
            return new Rejection(index, null, code, Reason.MALFORMED, "card is missing");
        }
        if (!cardPattern.matcher(card).matches()) {
            return new Rejection(
                    index,
                    card,
                    code,
                    Reason.BAD_CARD,
                    "'" + card + "' is not a person card id (expected " + properties.cardPattern() + ")");
        }
        if (code == null || code.isBlank()) {
            return new Rejection(index, card, null, Reason.MALFORMED, "area is missing");
        }
        String action = item.path("action").asText("").toUpperCase(Locale.ROOT);
        if (!action.equals("ENTER") && !action.equals("LEAVE")) {
            return new Rejection(index, card, code, Reason.MALFORMED, "action must be ENTER or LEAVE");
        }
        Instant at;
        try {
            at = Instant.parse(item.path("at").asText(""));
        } catch (DateTimeParseException e) {
            return new Rejection(
                    index, card, code, Reason.MALFORMED, "at must be an ISO-8601 instant such as 2026-01-01T08:00:00Z");
        }
        if (at.isAfter(now.plus(properties.maxFuture()))) {
            return new Rejection(
                    index,
                    card,
                    code,
                    Reason.IN_THE_FUTURE,
                    "the event is dated " + at + ", more than " + properties.maxFuture()
                            + " ahead of the service's clock");
        }
        if (at.isBefore(now.minus(properties.maxAge()))) {
            return new Rejection(
                    index,
                    card,
                    code,
                    Reason.TOO_OLD,
                    "the event is dated " + at + ", more than " + properties.maxAge() + " ago");
        }
        if (area == null) {
            return new Rejection(
                    index, card, code, Reason.UNKNOWN_AREA, "no mine area with code " + code + " is registered");
        }
        JsonNode type = item.path("areaType");
        if (!type.isMissingNode() && !type.isNull() && !area.areaType().equalsIgnoreCase(type.asText())) {
            return new Rejection(
                    index,
                    card,
                    code,
                    Reason.AREA_TYPE_MISMATCH,
                    code + " is registered as a " + area.areaType() + " area, the event says " + type.asText());
        }
        return null;
    }

    private static Rejection refusal(PositionEvent e, Presence.Outcome o) {
        String code = e.area().code();
        Instant mark = Instant.ofEpochMilli(o.since());
        return switch (o.status()) {
            case DUPLICATE ->
                new Rejection(
                        e.index(),
                        e.card(),
                        code,
                        Reason.DUPLICATE,
                        e.card() + " " + e.action() + " " + code + " at " + e.at() + " was already taken");
            case ALREADY_INSIDE ->
                new Rejection(
                        e.index(),
                        e.card(),
                        code,
                        Reason.ALREADY_INSIDE,
                        e.card() + " is in " + code + " since " + mark);
            case LEAVE_WITHOUT_ENTER ->
                new Rejection(
                        e.index(),
                        e.card(),
                        code,
                        Reason.LEAVE_WITHOUT_ENTER,
                        e.card() + " leaves " + code + " but was never seen entering it");
            case OUT_OF_ORDER ->
                new Rejection(
                        e.index(),
                        e.card(),
                        code,
                        Reason.OUT_OF_ORDER,
                        "a later event of " + e.card() + " in " + code + " (" + mark + ") was already taken");
            case TAKEN, NOT_LOADED -> throw new IllegalArgumentException("a taken or unapplied event is no refusal");
        };
    }

    /** The readings one presence change gives, stamped in the order the area's changes were taken. */
    private static List<DerivedReadings.Value> derive(MineArea area, int count, long oldest, long stamp) {
        Instant at = Instant.ofEpochMilli(stamp);
        List<DerivedReadings.Value> values = new ArrayList<>(2);
        if (area.entryPoint() != null) {
            values.add(new DerivedReadings.Value(area.entryPoint(), MineArea.PERSONS, at, count));
        }
        if (area.occupancyPoint() != null) {
            values.add(new DerivedReadings.Value(area.occupancyPoint(), MineArea.PERSONS, at, count));
        }
        if (area.dwellPoint() != null) {
            values.add(new DerivedReadings.Value(area.dwellPoint(), MineArea.MINUTES, at, minutes(oldest, stamp)));
        }
        return values;
    }

    /** Minutes from {@code since} to {@code until}, to the hundredth; 0 for nobody (since < 0) or a clock ahead. */
    private static double minutes(long since, long until) {
        if (since < 0 || until <= since) {
            return 0;
        }
        return Math.floor((until - since) / 600.0) / 100.0;
    }

    /**
     * Names the person cards of the alarms the readings raised or moved up, and of an open restricted-area
     * alarm that someone else entered, and returns the changes as the API shows them.
     */
    private List<AreaAlarm> alarmsOf(
            DerivedReadings.Outcome outcome,
            Map<String, MineArea> byPoint,
            Map<Long, List<PositionEvent>> enteredByArea,
            Instant now) {
        for (DerivedReadings.Refusal r : outcome.refused()) {
            if (!"OUT_OF_ORDER".equals(r.reason())) {
                log.warn("A mine area reading of {} was refused: {} {}", r.point(), r.reason(), r.message());
            }
        }
        List<AreaAlarm> alarms = new ArrayList<>(outcome.changes().size());
        Set<String> named = new HashSet<>();
        for (DerivedReadings.Change c : outcome.changes()) {
            MineArea area = byPoint.get(c.point());
            List<String> persons = null;
            if (area != null && ("RAISED".equals(c.event()) || "LEVEL_CHANGED".equals(c.event()))) {
                Long alarmId = mapper.alarmIdOf(c.point(), c.episode());
                if (alarmId != null) {
                    persons = name(alarmId, area, concerned(area, c.point(), enteredByArea, now), now);
                    named.add(c.point());
                }
            }
            alarms.add(new AreaAlarm(
                    area == null ? null : area.code(),
                    c.point(),
                    metricOf(area, c.point()),
                    c.episode(),
                    c.event(),
                    c.level(),
                    c.colour(),
                    c.rule(),
                    persons));
        }
        // someone else entering a restricted area whose alarm is already open is named on that alarm
        enteredByArea.forEach((areaId, entered) -> {
            MineArea area = entered.get(0).area();
            if (area.entryPoint() == null || named.contains(area.entryPoint())) {
                return;
            }
            Long open = mapper.openAlarmOf(area.entryPoint());
            if (open != null) {
                Map<String, Instant> cards = new LinkedHashMap<>();
                entered.forEach(e -> cards.put(e.card(), e.at()));
                name(open, area, cards, now);
            }
        });
        return alarms;
    }

    /** The cards an alarm of {@code point} is about, with when each entered the area. */
    private Map<String, Instant> concerned(
            MineArea area, String point, Map<Long, List<PositionEvent>> enteredByArea, Instant now) {
        Map<String, Long> occupants = presence.occupants(area.id());
        Map<String, Instant> cards = new LinkedHashMap<>();
        occupants.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .filter(e -> !point.equals(area.dwellPoint())
                        || minutes(e.getValue(), now.toEpochMilli()) >= area.dwellLimitMinutes())
                .forEach(e -> cards.put(e.getKey(), Instant.ofEpochMilli(e.getValue())));
        if (cards.isEmpty()) {
            // they left again within the same batch: the ones who entered are the ones it is about
            enteredByArea.getOrDefault(area.id(), List.of()).forEach(e -> cards.put(e.card(), e.at()));
        }
        return cards;
    }

    /** Records the cards not yet named on the alarm; returns every card it names. */
    private List<String> name(long alarmId, MineArea area, Map<String, Instant> cards, Instant now) {
        Set<String> already = new LinkedHashSet<>();
        mapper.personsOfAlarm(alarmId).forEach(p -> already.add(p.card()));
        List<AlarmPerson> rows = new ArrayList<>();
        cards.forEach((card, since) -> {
            if (!already.contains(card)) {
                rows.add(new AlarmPerson(alarmId, card, area.id(), area.code(), since, now));
            }
        });
        if (!rows.isEmpty()) {
            try {
                mapper.insertAlarmPersons(rows);
            } catch (DuplicateKeyException e) {
                // another batch named some of them at the same moment: name the rest one by one
                for (AlarmPerson row : rows) {
                    try {
                        mapper.insertAlarmPersons(List.of(row));
                    } catch (DuplicateKeyException named) {
                        // already named
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(already);
        rows.forEach(r -> all.add(r.card()));
        return all;
    }

    private static String metricOf(MineArea area, String point) {
        if (area == null) {
            return null;
        }
        if (point.equals(area.entryPoint())) {
            return "RESTRICTED_AREA_ENTRY";
        }
        return point.equals(area.occupancyPoint()) ? "AREA_OCCUPANCY" : "DWELL_TIME";
    }
}
