package org.safereg.hazards;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.ForbiddenException;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Roles;
import org.safereg.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records hazards, their rectification and its verification. Enterprises record their own self-checks
 * and rectifications; inspectors and regulators record any hazard and verify rectifications. Every change
 * is announced as {@link HazardsChanged} once committed, so that credit and risk follow it.
 */
class Hazards {

    private final HazardMapper mapper;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HazardClassifier classifier;
    private final HazardDetails details;

    Hazards(
            HazardMapper mapper,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            HazardClassifier classifier,
            HazardDetails details) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.classifier = classifier;
        this.details = details;
    }

    HazardView record(NewHazard hazard, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        if (caller.hasRole(Roles.ENTERPRISE)) {
            caller.requireAccessToEnterprise(hazard.enterprise());
            if (hazard.source() != HazardSource.SELF_CHECK) {
                throw new ForbiddenException(Text.of(
                        "hazards.self-check-only",
                        "An enterprise records only its own self-check hazards (SELF_CHECK); platform screening and"
                                + " department verification are recorded by regulators."));
            }
        }
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (hazard.foundOn().isAfter(today)) {
            violations.add(new InvalidInputException.Violation("foundOn", notAfterToday(today)));
        }
        if (hazard.deadline().isBefore(hazard.foundOn())) {
            violations.add(new InvalidInputException.Violation("deadline", notBeforeFound(hazard.foundOn())));
        }
        if (hazard.grade() == HazardGrade.MAJOR
                && hazard.deadline().isAfter(hazard.foundOn().plusYears(1))) {
            violations.add(new InvalidInputException.Violation(
                    "deadline",
                    Text.of(
                            "hazards.major-deadline",
                            "of a major hazard must be at most one year after it was found (posted supervision), not"
                                    + " after {0}",
                            hazard.foundOn().plusYears(1))));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        Long enterpriseId = mapper.enterpriseIdOf(hazard.enterprise());
        if (enterpriseId == null) {
            throw InvalidInputException.forField(
                    "enterprise",
                    Text.of(
                            "hazards.unknown-enterprise",
                            "no enterprise has the credit code {0}",
                            hazard.enterprise()));
        }
        NewHazardRow row = new NewHazardRow(
                enterpriseId,
                hazard.source().name(),
                hazard.grade().name(),
                hazard.description().strip(),
                hazard.foundOn(),
                hazard.deadline(),
                caller.subject(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        // classified on the rule set in force before the transaction, stored with the hazard inside it
        HazardClassification classification = classifier.classify(row.description, mapper.sectorOf(enterpriseId));
        transactions.executeWithoutResult(status -> {
            mapper.insert(row);
            classifier.store(row.getId(), enterpriseId, row.source, row.grade, classification);
        });
        announce(enterpriseId);
        return view(mapper.find(row.getId()), today);
    }

    HazardView rectify(long id, Rectification rectification, Caller caller) {
        HazardRow hazard = visible(id, caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = rectification.rectifiedOn();
        if (on.isAfter(today)) {
            throw InvalidInputException.forField("rectifiedOn", notAfterToday(today));
        }
        if (on.isBefore(hazard.foundOn())) {
            throw InvalidInputException.forField("rectifiedOn", notBeforeFound(hazard.foundOn()));
        }
        Integer changed = transactions.execute(status -> mapper.rectify(id, on));
        if (changed == null || changed == 0) {
            throw new ConflictException(Text.of(
                    "hazards.already-rectified", "Hazard {0} was already rectified on {1}.", id, hazard.rectifiedOn()));
        }
        announce(hazard.enterpriseId());
        return view(mapper.find(id), today);
    }

    HazardView verify(long id, Verification verification, Caller caller) {
        HazardRow hazard = visible(id, caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = verification.verifiedOn();
        if (hazard.verifiedOn() != null) {
            throw new ConflictException(Text.of(
                    "hazards.already-verified",
                    "Hazard {0} was already verified on {1} by {2}.",
                    id,
                    hazard.verifiedOn(),
                    hazard.verifiedBy()));
        }
        if (hazard.rectifiedOn() == null) {
            throw new ConflictException(Text.of(
                    "hazards.not-rectified",
                    "Hazard {0} has not been rectified yet; a rectification is verified after it is recorded.",
                    id));
        }
        if (on.isAfter(today)) {
            throw InvalidInputException.forField("verifiedOn", notAfterToday(today));
        }
        if (on.isBefore(hazard.rectifiedOn())) {
            throw InvalidInputException.forField(
                    "verifiedOn",
                    Text.of(
                            "hazards.before-rectification",
                            "must not be before the rectification ({0})",
                            hazard.rectifiedOn()));
        }
        Integer changed = transactions.execute(status -> mapper.verify(id, on, caller.subject()));
        if (changed == null || changed == 0) {
            throw new ConflictException(Text.of("hazards.changed", "Hazard {0} changed meanwhile; read it again.", id));
        }
        announce(hazard.enterpriseId());
        return view(mapper.find(id), today);
    }

    /**
     * Department verification (部门核查) of a platform-screening flag: CONFIRMED regrades the hazard MAJOR, DISMISSED
     * keeps it GENERAL; either way the flag stops escalating.
     */
    HazardView resolveScreening(long id, ScreeningResolution resolution, Caller caller) {
        HazardRow hazard = visible(id, caller);
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Integer changed = transactions.execute(status -> {
            int resolved = mapper.resolveFlag(id, resolution.resolution().name(), caller.subject(), at);
            if (resolved > 0 && resolution.resolution() == ScreeningResolution.Outcome.CONFIRMED) {
                mapper.regradeMajor(id);
            }
            return resolved;
        });
        if (changed == null || changed == 0) {
            throw new ConflictException(Text.of(
                    "hazards.no-open-screening",
                    "Hazard {0} has no platform-screening flag waiting for department verification.",
                    id));
        }
        if (resolution.resolution() == ScreeningResolution.Outcome.CONFIRMED) {
            announce(hazard.enterpriseId());
        }
        return view(mapper.find(id), LocalDate.now(clock));
    }

    HazardView get(long id, Caller caller) {
        return view(visible(id, caller), LocalDate.now(clock));
    }

    List<HazardView> list(
            Caller caller, String enterprise, HazardGrade grade, Boolean open, boolean overdue, long after, int limit) {
        String scope = enterprise;
        if (caller.hasRole(Roles.ENTERPRISE)) {
            caller.requireAccessToEnterprise(
                    enterprise == null ? caller.enterpriseId().orElse("") : enterprise);
            scope = caller.enterpriseId().orElseThrow();
        }
        LocalDate today = LocalDate.now(clock);
        return details.views(
                mapper.list(scope, grade == null ? null : grade.name(), open, overdue ? today : null, after, limit),
                today);
    }

    private HazardView view(HazardRow row, LocalDate today) {
        return details.views(List.of(row), today).get(0);
    }

    private HazardRow visible(long id, Caller caller) {
        HazardRow hazard = mapper.find(id);
        if (hazard == null
                || !caller.mayAccessEnterprise(hazard.creditCode())
                || (caller.hasRole(Roles.ENTERPRISE) && caller.enterpriseId().isEmpty())) {
            throw new NotFoundException(Text.of("hazards.unknown", "No hazard {0} is known.", id));
        }
        return hazard;
    }

    private void announce(long enterpriseId) {
        events.publishEvent(HazardsChanged.of(enterpriseId));
    }

    private static InvalidInputException invalid(List<InvalidInputException.Violation> violations) {
        return new InvalidInputException(
                Text.of(
                        "hazards.invalid",
                        "The hazard is invalid: {0}.",
                        InvalidInputException.listed(violations, " ")),
                violations);
    }

    private static Text notAfterToday(LocalDate today) {
        return Text.of("input.not-after-today", "must not be after today ({0})", today);
    }

    private static Text notBeforeFound(LocalDate foundOn) {
        return Text.of("hazards.before-found", "must not be before the day the hazard was found ({0})", foundOn);
    }
}
