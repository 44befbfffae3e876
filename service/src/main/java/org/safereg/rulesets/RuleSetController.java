package org.safereg.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.safereg.system.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/rule-sets")
@Validated
@Tag(name = "Rule sets", description = "Upload, check, approve, activate and roll back the policy (规则集管理)")
class RuleSetController {

    private static final String READERS = "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER')";
    private static final String ADMIN = "hasRole('POLICY_ADMIN')";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RuleSets ruleSets;

    RuleSetController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ADMIN)
    @ApiResponse(responseCode = "201", description = "a new CANDIDATE version; Location names it")
    @ApiResponse(
            responseCode = "200",
            description = "the version already existed (same content): it is answered as it is")
    @ApiResponse(
            responseCode = "422",
            description = "REJECTED: the files do not compile or fail their checks; every problem is located"
                    + " (urn:safereg:problem:rule-set-rejected); the version is stored so, never activated",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = RuleSetContract.PROBLEM_REF)))
    @ApiResponse(
            responseCode = "400",
            description = "A file was refused before anything was stored (urn:safereg:problem:rule-file-refused):"
                    + " each refusal is in problems; or the input is invalid",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = RuleSetContract.PROBLEM_REF)))
    @ApiResponse(
            responseCode = "413",
            description = "A file is larger than a rule file may be (urn:safereg:problem:rule-file-refused), or the"
                    + " body larger than the service accepts",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = RuleSetContract.PROBLEM_REF)))
    @Operation(
            operationId = "uploadRuleSet",
            summary = "Upload one or several .xlsx/.drl files as a new candidate version",
            description = "The files replace those of the same name in the base version (default: the active one):"
                    + " workbooks under decision-tables/, DRL under rules/. The candidate is compiled and checked at"
                    + " once: 201 with the CANDIDATE; 422 with every located problem when it is REJECTED (stored"
                    + " so, never activated); 400/413 when a file is refused before anything is stored. Uploading"
                    + " a version that already exists answers 200 with it.")
    ResponseEntity<VersionView> upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String base,
            @RequestParam(required = false) String comment,
            Caller caller) {
        List<UploadedFiles.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                try {
                    uploads.add(new UploadedFiles.Upload(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        RuleSetUploads.Uploaded uploaded = ruleSets.upload(caller, uploads, base, comment);
        if (!uploaded.created()) {
            return ResponseEntity.ok(uploaded.version());
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/rule-sets/" + uploaded.version().version()))
                .body(uploaded.version());
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listRuleSets", summary = "The versions, newest first, with their state")
    List<VersionSummary> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ruleSets.list(limit);
    }

    @GetMapping("/audit")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listRuleSetAudit",
            summary = "Who uploaded, approved, activated or rolled back which version, when and why; newest first")
    List<AuditEntry> audit(
            @RequestParam(required = false) String version,
            @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
        return ruleSets.audit(version, limit);
    }

    @GetMapping("/{version}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getRuleSet", summary = "A version: its files, state, problems and warnings")
    VersionView version(@PathVariable String version) {
        return ruleSets.version(version);
    }

    @GetMapping("/{version}/files/{*path}")
    @PreAuthorize(READERS)
    @ApiResponse(
            responseCode = "200",
            description = "the file as stored: a workbook, or a DRL, DMN or examples text file",
            content = {
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/plain", schema = @Schema(type = "string"))
            })
    @Operation(
            operationId = "getRuleSetFile",
            summary = "Download one file of a version, e.g. decision-tables/credit-scoring.xlsx")
    ResponseEntity<byte[]> file(@PathVariable String version, @PathVariable String path) {
        FileRow file = ruleSets.file(version, strip(path));
        String lower = file.path().toLowerCase();
        MediaType type = lower.endsWith(".drl") || lower.endsWith(".dmn") || lower.endsWith(".json")
                ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                : XLSX;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        file.path().substring(file.path().lastIndexOf('/') + 1), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }

    @GetMapping("/{version}/examples")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getRuleSetExamples",
            summary = "How a version decides its example cases, case by case",
            description = "The cases of each workbook's Examples sheet (source WORKBOOK, with sheet and row) and the"
                    + " repository's regression cases (source REGRESSION): inputs, expected, actual, passed, and"
                    + " what differs in English and Chinese. A version that fails any cannot be activated.")
    VersionReview.ExampleResults examples(@PathVariable String version) {
        return ruleSets.examples(version);
    }

    @GetMapping("/{version}/models")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getRuleSetModels",
            summary = "The DMN decision tables of a version, rule by rule, with what its checks found on each",
            description = "Each decision table of the version's .dmn files: model, decision, table, hit policy, input"
                    + " and output columns, and its rules numbered from 1 as the DMN editors show them, with their"
                    + " annotations; the version's problems and warnings located on that decision, in English and"
                    + " Chinese. Empty for a version without DMN models.")
    List<ModelTableView> models(@PathVariable String version) {
        return ruleSets.models(version);
    }

    @GetMapping("/{version}/diff")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "diffRuleSet",
            summary = "What changed against another version (default: the active one), row by row",
            description = "Per file ADDED, REMOVED, CHANGED or UNCHANGED. A changed workbook lists its changed rows"
                    + " (sheet, row as Excel numbers it, the rule it makes) with each changed cell: column, header,"
                    + " before and after as displayed. A changed DRL file comes as a unified diff.")
    RuleSetDiff.View diff(@PathVariable String version, @RequestParam(required = false) String against) {
        return ruleSets.diff(version, against);
    }

    @GetMapping(value = "/{version}/drl/{*path}", produces = "text/plain;charset=UTF-8")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getGeneratedDrl",
            summary = "The DRL generated from one decision table of a version, for review")
    String drl(@PathVariable String version, @PathVariable String path) {
        return ruleSets.generatedDrl(version, strip(path));
    }

    @PostMapping("/{version}/approval")
    @PreAuthorize(ADMIN)
    @Operation(
            operationId = "approveRuleSet",
            summary = "Approve a candidate (four eyes)",
            description = "A second policy admin, not the author, approves; needed before the first activation when"
                    + " safereg.rule-sets.four-eyes is true.")
    VersionView approve(@PathVariable String version, @RequestBody(required = false) Reason reason, Caller caller) {
        return ruleSets.approve(caller, version, reason == null ? null : reason.reason());
    }

    @PostMapping("/{version}/activation")
    @PreAuthorize(ADMIN)
    @Operation(
            operationId = "activateRuleSet",
            summary = "Put a version in force on every instance; activating an earlier version is a rollback",
            description = "Recorded in MySQL, swapped in here and announced on Redis; each instance compiles it and"
                    + " swaps atomically. Evaluations in flight finish on the version they started with.")
    VersionView activate(@PathVariable String version, @RequestBody(required = false) Reason reason, Caller caller) {
        return ruleSets.activate(caller, version, reason == null ? null : reason.reason());
    }

    /** Why: kept in the audit trail. */
    @Schema(name = "RuleSetControllerReason")
    record Reason(String reason) {}

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
