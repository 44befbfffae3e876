package org.safereg.positioning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.monitoring.DerivedReadings;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of mine areas. Registering an area registers, in the same transaction, the monitoring
 * points its alarms live on. Areas never change once registered, so ingestion keeps the ones it has
 * seen in memory and looks an unknown code up again each time.
 */
class MineAreas {

    private final PositioningMapper mapper;
    private final DerivedReadings readings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, MineArea> known = new ConcurrentHashMap<>();

    MineAreas(PositioningMapper mapper, DerivedReadings readings, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.readings = readings;
        this.transactions = transactions;
        this.clock = clock;
    }

    MineArea register(NewMineArea area) {
        if (area.type() == AreaType.KEY && area.capacity() == null) {
            throw InvalidInputException.forField(
                    "capacity",
                    Text.of("positioning.capacity-needed", "a key area needs the number of persons it may hold"));
        }
        if (area.type() != AreaType.KEY && area.capacity() != null) {
            throw InvalidInputException.forField(
                    "capacity",
                    Text.of(
                            "positioning.capacity-not-key",
                            "only a key area has a capacity alarm; leave it out for a {0} area",
                            area.type()));
        }
        Long enterpriseId = mapper.enterpriseIdOf(area.enterprise());
        if (enterpriseId == null) {
            throw InvalidInputException.forField("enterprise", Inputs.UNKNOWN_ENTERPRISE_CODE);
        }
        return transactions.execute(status -> {
            try {
                mapper.insertArea(area, enterpriseId, Instant.now(clock));
            } catch (DuplicateKeyException e) {
                throw new ConflictException(Text.of(
                        "positioning.area-taken", "A mine area with code {0} is already registered.", area.code()));
            }
            MineArea created = mapper.findAreaByCode(area.code());
            point(created, created.entryPoint(), "RESTRICTED_AREA_ENTRY", MineArea.PERSONS, null);
            point(created, created.occupancyPoint(), "AREA_OCCUPANCY", MineArea.PERSONS, created.capacity());
            point(created, created.dwellPoint(), "DWELL_TIME", MineArea.MINUTES, created.dwellLimitMinutes());
            return created;
        });
    }

    private void point(MineArea area, String code, String metric, String unit, Integer rated) {
        if (code == null) {
            return;
        }
        readings.register(new DerivedReadings.Point(
                code,
                area.creditCode(),
                MineArea.EQUIPMENT_TYPE,
                area.code(),
                area.name(),
                metric,
                unit,
                rated == null ? null : BigDecimal.valueOf(rated)));
    }

    MineArea get(String code, Caller caller) {
        MineArea area = mapper.findAreaByCode(code);
        if (area == null || !caller.mayAccessEnterprise(area.creditCode())) {
            // an enterprise learns nothing about other enterprises' areas, not even that they exist
            throw new NotFoundException(
                    Text.of("positioning.unknown-area", "No mine area with code {0} is known.", code));
        }
        return area;
    }

    /** The registered areas among {@code codes}, by code; unknown codes are absent. */
    Map<String, MineArea> byCodes(Collection<String> codes) {
        Map<String, MineArea> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            MineArea area = known.get(code);
            if (area != null) {
                found.put(code, area);
            } else {
                missing.add(code);
            }
        }
        for (int from = 0; from < missing.size(); from += 1000) {
            for (MineArea area :
                    mapper.findAreasByCodes(missing.subList(from, Math.min(missing.size(), from + 1000)))) {
                known.put(area.code(), area);
                found.put(area.code(), area);
            }
        }
        return found;
    }

    List<MineArea> withDwellLimit() {
        return mapper.areasWithDwellLimit();
    }
}
