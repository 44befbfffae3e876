package org.safereg.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/changes")
@Validated
@Tag(
        name = "Change feed",
        description = "Every change of SafeReg's decisions (credit tier, risk level, enforcement task), in order,"
                + " for other departments to follow from a cursor")
class ChangeFeedController {

    private final ChangeFeed feed;

    ChangeFeedController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT','REGULATOR','POLICY_ADMIN','POLICY_VIEWER')")
    @Operation(
            operationId = "listDecisionChanges",
            summary = "Decision changes after a cursor, oldest first",
            description = "Start with after=0 and pass the answer's next as after to read on; an empty page keeps"
                    + " the cursor. The same cursor reads the same entries on every instance, and an entry whose"
                    + " decision commits late comes after every entry already read, never before it.")
    ChangePage list(
            @RequestParam(defaultValue = "0") String after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (!after.matches("\\d{1,18}")) {
            throw InvalidInputException.forField(
                    "after", Text.of("changes.cursor", "must be a cursor from this feed (a whole number)"));
        }
        long cursor = Long.parseLong(after);
        List<Entry> items = feed.after(cursor, limit).stream()
                .map(row -> new Entry(
                        String.valueOf(row.seq()),
                        row.kind(),
                        row.creditCode(),
                        row.newValue(),
                        row.previousValue(),
                        row.detail(),
                        row.ref(),
                        row.ruleSetVersion(),
                        row.decidedAt()))
                .toList();
        return new ChangePage(
                items, items.isEmpty() ? after : items.get(items.size() - 1).cursor());
    }

    @Schema(name = "ChangePage")
    record ChangePage(List<Entry> items, @Schema(description = "the cursor to read on from") String next) {}

    @Schema(name = "ChangePageEntry")
    record Entry(
            @Schema(description = "this entry's place in the feed, a cursor") String cursor,
            @Schema(description = "CREDIT, RISK or TASK") String kind,
            @Schema(description = "the enterprise's unified social credit code") String enterprise,
            @Schema(description = "the new tier, level, or the task's event (CREATED, CLAIMED, COMPLETED)")
                    String value,
            String previous,
            @Schema(description = "the score, the cause of a risk change, or the task's type") String detail,
            @Schema(description = "task:<id> for a task") String ref,
            @Schema(description = "the rule-set version the decision was made on") String ruleSetVersion,
            Instant decidedAt) {}
}
