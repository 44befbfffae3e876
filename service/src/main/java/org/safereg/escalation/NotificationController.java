package org.safereg.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.safereg.system.Caller;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Validated
@Tag(name = "Escalation", description = "Notifications escalation sent (逐级推送), each step once")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REGULATOR','INSPECTOR','DISPATCH','POLICY_ADMIN','POLICY_VIEWER','ENTERPRISE')")
    @Operation(
            operationId = "listNotifications",
            summary = "Notifications in the order sent, filtered by enterprise, alarm or hazard",
            description = "Enterprises see only their own. Pass the previous page's next as after to read on.")
    NotificationPage list(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) @Min(1) Long alarm,
            @RequestParam(required = false) @Min(1) Long hazard,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        String scope = enterprise;
        if (scope != null && !scope.matches("[0-9A-Z]{18}")) {
            throw InvalidInputException.forField("enterprise", Inputs.CREDIT_CODE);
        }
        if (caller.hasRole(Roles.ENTERPRISE)) {
            caller.requireAccessToEnterprise(
                    scope == null ? caller.enterpriseId().orElse("") : scope);
            scope = caller.enterpriseId().orElseThrow();
        }
        List<NotificationView> items = notifications.list(scope, alarm, hazard, after, limit);
        return new NotificationPage(
                items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    record NotificationPage(List<NotificationView> items, Long next) {}
}
