package org.safereg.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.safereg.enterprise.CreditCodes;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;

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
                    "period.start",
                    Text.of(
                            "inspection.period-in-past",
                            "must not be in the past (today is {0}): a plan is for a period ahead",
                            today));
        }
        Set<String> regions = new HashSet<>();
        regions.add(request.region());
        request.inspectors().forEach(i -> regions.add(i.region()));
        Set<String> known = new HashSet<>(mapper.knownRegions(regions));
        if (!known.contains(request.region())) {
            throw InvalidInputException.forField("region", unknownRegion(request.region()));
        }
        List<InvalidInputException.Violation> violations = inspectorViolations(request, known);
        if (request.inspectors().stream()
                        .mapToInt(PlanRequest.InspectorRequest::capacity)
                        .sum()
                == 0) {
            violations.add(new InvalidInputException.Violation(
                    "inspectors", Text.of("inspection.no-capacity", "have no capacity at all")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.listed(violations, ": "), violations);
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
                violations.add(new InvalidInputException.Violation(
                        field + ".id", Text.of("inspection.inspector-twice", "'{0}' is listed twice", inspector.id())));
            }
            if (!known.contains(inspector.region())) {
                violations.add(
                        new InvalidInputException.Violation(field + ".region", unknownRegion(inspector.region())));
            } else {
                String own = RegionCodes.prefix(inspector.region());
                if (!own.startsWith(planPrefix) && !planPrefix.startsWith(own)) {
                    violations.add(new InvalidInputException.Violation(
                            field + ".region",
                            Text.of(
                                    "inspection.region-outside",
                                    "'{0}' lies outside the plan's region {1}",
                                    inspector.region(),
                                    request.region())));
                }
            }
            List<String> conflicts = inspector.conflicts() == null ? List.of() : inspector.conflicts();
            for (int c = 0; c < conflicts.size(); c++) {
                if (!CreditCodes.isValid(conflicts.get(c))) {
                    violations.add(new InvalidInputException.Violation(
                            field + ".conflicts[" + c + "]", CreditCodes.problemOf(conflicts.get(c))));
                }
            }
        }
        return violations;
    }

    private static Text unknownRegion(String region) {
        return Text.of("inspection.unknown-region", "'{0}' is not a known region", region);
    }
}
