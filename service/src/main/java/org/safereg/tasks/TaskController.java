package org.safereg.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.safereg.system.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Validated
@Tag(
        name = "Enforcement tasks",
        description = "Work for the dispatch system (执法任务); the same tasks arrive on the Redis stream safereg:tasks")
class TaskController {

    static final String READERS = "hasAnyRole('DISPATCH','INSPECTOR','REGULATOR','POLICY_ADMIN','POLICY_VIEWER')";

    private final Tasks tasks;

    TaskController(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listTasks",
            summary = "Tasks in the order created, filtered by state, type, enterprise and region",
            description = "Pass the previous page's next as after to read on.")
    TaskPage list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<TaskView> items = tasks.list(state, type, enterprise, region, after, limit);
        return new TaskPage(
                items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getTask", summary = "One task with the decision that caused it")
    TaskView get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('DISPATCH')")
    @Operation(
            operationId = "claimTask",
            summary = "Claim an OPEN task (dispatch)",
            description = "A task is claimed once; 409 afterwards.")
    TaskView claim(@PathVariable long id, Caller caller) {
        return tasks.claim(id, caller);
    }

    @PostMapping("/{id}/result")
    @PreAuthorize("hasRole('DISPATCH')")
    @Operation(
            operationId = "completeTask",
            summary = "Complete a CLAIMED task with its result (dispatch)",
            description = "Violations and hazards found become facts; a verified rectification closes the task's"
                    + " hazard. The enterprise's credit is re-evaluated at once.")
    TaskView complete(@PathVariable long id, @Valid @RequestBody TaskResult result, Caller caller) {
        return tasks.complete(id, result, caller);
    }

    record TaskPage(List<TaskView> items, Long next) {}
}
