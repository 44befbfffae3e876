package org.safereg.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.safereg.enterprise.CreditCodes;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.InvalidInputException;

/**
 * Refuses a plan request that cannot make a plan, before anything is read for it: a period in the past,
 * unknown regions, inspectors listed twice or outside the plan's region, malformed conflicts, no capacity.
 * Every inspector field at fault is named at once, so that a dispatcher corrects the list in one go.
 */
class PlanRequestValidation {

    private final InspectionPlanMapper mapper;
    private final Clock clock;

    PlanRequestValidation(InspectionPlanMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The request's period, when the request can be planned. */
    PlanPeriod validate(PlanRequest request) {
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
        List<InvalidInputException.Violation> violations = inspectorViolations(request, known);
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

    private static List<InvalidInputException.Violation> inspectorViolations(PlanRequest request, Set<String> known) {
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
        return violations;
    }
}
