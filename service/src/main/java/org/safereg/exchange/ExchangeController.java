package org.safereg.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safereg.system.BatchBodies;
import org.safereg.system.Caller;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/exchange")
@Tag(
        name = "Data exchange",
        description = "Bulk import and export of the facts other departments hold (register, licences, accidents,"
                + " penalties, trainings, drills, inspection results) as CSV, XLSX and JSON Lines")
class ExchangeController {

    static final String WRITERS = "hasAnyRole('DEPARTMENT','POLICY_ADMIN')";
    static final String READERS = "hasAnyRole('DEPARTMENT','POLICY_ADMIN','POLICY_VIEWER','REGULATOR')";

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String JSONL = "application/x-ndjson";

    private final Datasets datasets;
    private final DataImports imports;
    private final ExchangeProperties properties;

    ExchangeController(Datasets datasets, DataImports imports, ExchangeProperties properties) {
        this.datasets = datasets;
        this.imports = imports;
        this.properties = properties;
    }

    @PostMapping(
            path = "/datasets/{dataset}",
            consumes = {CSV, XLSX, JSONL, "application/jsonl"})
    @PreAuthorize(WRITERS)
    @ApiResponse(
            responseCode = "200",
            description = "What the import did",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(
            responseCode = "422",
            description = "The file has errors and nothing of it was imported"
                    + " (urn:safereg:problem:import-rejected): `errors` lists the first 100, each with its row,"
                    + " column (a letter; none in JSON Lines), field and message; `errorCount` counts them all;"
                    + " `importId` is the rejected import as recorded",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(
            operationId = "importDataset",
            summary = "Import a file of one dataset, whole or not at all",
            description = "The body is the file: CSV (header row), XLSX (first worksheet, header row) or JSON Lines"
                    + " (one object a line), as its Content-Type says. Every row is checked before anything is"
                    + " written; a file with errors is refused with 422 listing each error's row, column and field."
                    + " Rows are matched to what SafeReg holds by their natural keys: the answer counts what was"
                    + " inserted, updated and unchanged, so importing the same file again changes nothing. The"
                    + " decisions of the enterprises whose facts changed are re-evaluated once, as a job.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = JSONL, schema = @Schema(type = "string", format = "binary"))
                            }))
    ImportReport importDataset(
            @PathVariable String dataset,
            @RequestParam(required = false) String fileName,
            HttpServletRequest request,
            Caller caller)
            throws IOException {
        Dataset<?> chosen = dataset(dataset);
        Format format = Format.ofMediaType(request.getContentType());
        if (fileName != null && fileName.length() > 255) {
            throw InvalidInputException.forField(
                    "fileName", Text.of("exchange.too-long", "must be at most {0} characters", 255));
        }
        Path file = Files.createTempFile("safereg-import-", "." + format.extension);
        try {
            copy(request, file);
            return imports.run(chosen, format, file, fileName, caller.subject());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GetMapping("/datasets/{dataset}")
    @PreAuthorize(READERS)
    @ApiResponse(
            responseCode = "200",
            description = "every entry of the dataset, in the columns an import takes, streamed as it is read",
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = JSONL, schema = @Schema(type = "string", format = "binary"))
            })
    @Operation(
            operationId = "exportDataset",
            summary = "Export a dataset as CSV, XLSX or JSON Lines",
            description = "The file an import of the same dataset takes back unchanged.")
    ResponseEntity<StreamingResponseBody> exportDataset(
            @PathVariable String dataset, @RequestParam(defaultValue = "csv") String format) {
        Dataset<?> chosen = dataset(dataset);
        Format as = Format.named(format);
        if (as == null) {
            throw InvalidInputException.forField("format", org.safereg.system.Inputs.oneOf(Format.NAMES));
        }
        StreamingResponseBody body = out -> DataExports.write(chosen, as, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(as == Format.CSV ? CSV + ";charset=UTF-8" : as.mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(chosen.name() + "." + as.extension)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getImport", summary = "An import as recorded: its counts, or that it was rejected")
    ImportReport getImport(@PathVariable long id) {
        ImportRow row = imports.find(id);
        if (row == null) {
            throw new NotFoundException(Text.of("exchange.unknown-import", "No import {0} is known.", id));
        }
        return ImportReport.of(row, null);
    }

    private Dataset<?> dataset(String name) {
        Dataset<?> dataset = datasets.named(name);
        if (dataset == null) {
            throw new NotFoundException(Text.of(
                    "exchange.unknown-dataset",
                    "No dataset {0} is exchanged; the datasets are {1}.",
                    name,
                    String.join(", ", datasets.names())));
        }
        return dataset;
    }

    private void copy(HttpServletRequest request, Path file) throws IOException {
        long limit = properties.maxFile().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        try (InputStream in = request.getInputStream();
                OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                copied += n;
                if (copied > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static BatchBodies.PayloadTooLargeException tooLarge(long limit) {
        return new BatchBodies.PayloadTooLargeException(
                Text.of("exchange.too-large", "The file is larger than {0} bytes; split it.", limit));
    }
}
