package org.safereg.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Roles;
import org.safereg.system.Text;
import org.springframework.dao.DuplicateKeyException;

/**
 * The registry of monitoring points. Points never change once registered, so ingestion keeps the ones
 * it has seen in memory; a code it does not know is looked up again each time, so that a point
 * registered on another instance is found at once.
 */
class MonitoringPoints {

    private final MonitoringMapper mapper;
    private final RuleEngine engine;
    private final AlarmCoverage coverage;
    private final Clock clock;
    private final Map<String, MonitoringPoint> known = new ConcurrentHashMap<>();

    MonitoringPoints(MonitoringMapper mapper, RuleEngine engine, AlarmCoverage coverage, Clock clock) {
        this.mapper = mapper;
        this.engine = engine;
        this.coverage = coverage;
        this.clock = clock;
    }

    MonitoringPoint register(NewMonitoringPoint point) {
        Metric metric = Metric.named(point.metric())
                .orElseThrow(() -> InvalidInputException.forField("metric", Inputs.oneOf(Metric.names())));
        if (!metric.units().contains(point.unit())) {
            throw InvalidInputException.forField(
                    "unit",
                    Text.of(
                            "monitoring.unit",
                            "a {0} point measures in {1}",
                            metric,
                            String.join(" or ", metric.units())));
        }
        if (metric == Metric.TOXIC_GAS && point.oel() == null) {
            throw InvalidInputException.forField(
                    "oel",
                    Text.of(
                            "monitoring.oel",
                            "a toxic gas point needs the occupational exposure limit its setpoints refer to"));
        }
        RuleSetSnapshot rules = engine.active();
        if (!coverage.covers(rules, metric.name(), point.equipmentType())) {
            Set<String> covered = coverage.coveredClasses(rules, metric.name());
            throw InvalidInputException.forField(
                    "equipmentType",
                    Text.of(
                            "monitoring.uncovered-class",
                            "no alarm threshold in force covers {0} on equipment class {1}, so its readings could never"
                                    + " raise an alarm; classes covered for {0}: {2} (policy staff add a row to"
                                    + " alarm-thresholds.xlsx for a new class)",
                            metric,
                            point.equipmentType(),
                            covered.isEmpty() ? Text.of("monitoring.no-class", "none") : String.join(", ", covered)));
        }
        Long enterpriseId = mapper.enterpriseIdOf(point.enterprise());
        if (enterpriseId == null) {
            throw InvalidInputException.forField("enterprise", Inputs.UNKNOWN_ENTERPRISE_CODE);
        }
        try {
            mapper.insertPoint(point, enterpriseId, Instant.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Text.of(
                    "monitoring.point-taken", "A monitoring point with code {0} is already registered.", point.code()));
        }
        return mapper.findPointByCode(point.code());
    }

    MonitoringPoint get(String code, Caller caller) {
        MonitoringPoint point = mapper.findPointByCode(code);
        if (point == null || !caller.mayAccessEnterprise(point.creditCode())) {
            // an enterprise learns nothing about other enterprises' points, not even that they exist
            throw new NotFoundException(
                    Text.of("monitoring.unknown-point", "No monitoring point with code {0} is known.", code));
        }
        return point;
    }

    List<MonitoringPoint> list(Caller caller, String enterprise, long afterId, int limit) {
        return mapper.listPoints(scope(caller, enterprise), afterId, limit);
    }

    /** The enterprise a listing is held to: an ENTERPRISE caller's own, whatever it asked for. */
    static String scope(Caller caller, String enterprise) {
        if (!caller.hasRole(Roles.ENTERPRISE)) {
            return enterprise;
        }
        caller.requireAccessToEnterprise(
                enterprise == null ? caller.enterpriseId().orElse("") : enterprise);
        return caller.enterpriseId().orElseThrow();
    }

    /** The registered points among {@code codes}, by code; unknown codes are absent. */
    Map<String, MonitoringPoint> byCodes(Collection<String> codes) {
        Map<String, MonitoringPoint> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            MonitoringPoint point = known.get(code);
            if (point != null) {
                found.put(code, point);
            } else {
                missing.add(code);
            }
        }
        for (int from = 0; from < missing.size(); from += 1000) {
            for (MonitoringPoint point :
                    mapper.findPointsByCodes(missing.subList(from, Math.min(missing.size(), from + 1000)))) {
                known.put(point.code(), point);
                found.put(point.code(), point);
            }
        }
        return found;
    }
}
