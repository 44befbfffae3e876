package org.safereg.hazards;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
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

    Hazards(HazardMapper mapper, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    HazardView record(NewHazard hazard, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        if (caller.hasRole(Roles.ENTERPRISE)) {
            caller.requireAccessToEnterprise(hazard.enterprise());
            if (hazard.source() != HazardSource.SELF_CHECK) {
                throw new AccessDeniedException("An enterprise records only its own self-check hazards (SELF_CHECK);"
                        + " platform screening and department verification are recorded by regulators.");
            }
        }
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        if (hazard.foundOn().isAfter(today)) {
            violations.add(new InvalidInputException.Violation("foundOn", "must not be after today (" + today + ")"));
        }
        if (hazard.deadline().isBefore(hazard.foundOn())) {
            violations.add(new InvalidInputException.Violation(
                    "deadline", "must not be before the day the hazard was found (" + hazard.foundOn() + ")"));
        }
        if (hazard.grade() == HazardGrade.MAJOR
                && hazard.deadline().isAfter(hazard.foundOn().plusYears(1))) {
            violations.add(new InvalidInputException.Violation(
                    "deadline",
                    "of a major hazard must be at most one year after it was found (posted supervision), not after "
                            + hazard.foundOn().plusYears(1)));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        Long enterpriseId = mapper.enterpriseIdOf(hazard.enterprise());
        if (enterpriseId == null) {
            throw InvalidInputException.forField(
                    "enterprise", "no enterprise has the credit code " + hazard.enterprise());
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
        transactions.executeWithoutResult(status -> mapper.insert(row));
        announce(enterpriseId);
        return HazardView.of(mapper.find(row.getId()), today);
    }

    HazardView rectify(long id, Rectification rectification, Caller caller) {
        HazardRow hazard = visible(id, caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = rectification.rectifiedOn();
        if (on.isAfter(today)) {
            throw InvalidInputException.forField("rectifiedOn", "must not be after today (" + today + ")");
        }
        if (on.isBefore(hazard.foundOn())) {
            throw InvalidInputException.forField(
                    "rectifiedOn", "must not be before the day the hazard was found (" + hazard.foundOn() + ")");
        }
        Integer changed = transactions.execute(status -> mapper.rectify(id, on));
        if (changed == null || changed == 0) {
            throw new ConflictException("Hazard " + id + " was already rectified on " + hazard.rectifiedOn() + ".");
        }
        announce(hazard.enterpriseId());
        return HazardView.of(mapper.find(id), today);
    }

    HazardView verify(long id, Verification verification, Caller caller) {
        HazardRow hazard = visible(id, caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = verification.verifiedOn();
        if (hazard.verifiedOn() != null) {
            throw new ConflictException("Hazard " + id + " was already verified on " + hazard.verifiedOn() + " by "
                    + hazard.verifiedBy() + ".");
        }
        if (hazard.rectifiedOn() == null) {
            throw new ConflictException(
                    "Hazard " + id + " has not been rectified yet; a rectification is verified after it is recorded.");
        }
        if (on.isAfter(today)) {
            throw InvalidInputException.forField("verifiedOn", "must not be after today (" + today + ")");
        }
        if (on.isBefore(hazard.rectifiedOn())) {
            throw InvalidInputException.forField(
                    "verifiedOn", "must not be before the rectification (" + hazard.rectifiedOn() + ")");
        }
        Integer changed = transactions.execute(status -> mapper.verify(id, on, caller.subject()));
        if (changed == null || changed == 0) {
            throw new ConflictException("Hazard " + id + " changed meanwhile; read it again.");
        }
        announce(hazard.enterpriseId());
        return HazardView.of(mapper.find(id), today);
    }

    HazardView get(long id, Caller caller) {
        return HazardView.of(visible(id, caller), LocalDate.now(clock));
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
        return mapper
                .list(scope, grade == null ? null : grade.name(), open, overdue ? today : null, after, limit)
                .stream()
                .map(row -> HazardView.of(row, today))
                .toList();
    }

    private HazardRow visible(long id, Caller caller) {
        HazardRow hazard = mapper.find(id);
        if (hazard == null
                || !caller.mayAccessEnterprise(hazard.creditCode())
                || (caller.hasRole(Roles.ENTERPRISE) && caller.enterpriseId().isEmpty())) {
            throw new NotFoundException("No hazard " + id + " is known.");
        }
        return hazard;
    }

    private void announce(long enterpriseId) {
        events.publishEvent(HazardsChanged.of(enterpriseId));
    }

    private static InvalidInputException invalid(List<InvalidInputException.Violation> violations) {
        StringBuilder detail = new StringBuilder("The hazard is invalid: ");
        for (int i = 0; i < violations.size(); i++) {
            detail.append(i == 0 ? "" : "; ")
                    .append(violations.get(i).field())
                    .append(' ')
                    .append(violations.get(i).message());
        }
        return new InvalidInputException(detail.append('.').toString(), violations);
    }
}
