package org.xiaodai.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.reporting.internal.ReturnExports;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.reporting.internal.ReturnViews.Failure;
import org.xiaodai.reporting.internal.ReturnViews.LoanDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnDetail;
import org.xiaodai.reporting.internal.ReturnViews.ReturnView;
import org.xiaodai.shared.problem.ProblemException;

/** An institution's monthly returns: generate, review (data quality, drill-down), download, submit. */
@RestController
@RequestMapping("/api/v1/reporting/returns")
@Tag(name = "Regulatory reporting", description = "Monthly returns and the loan-level monthly detail (PBOC monthly segment).")
class ReturnApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReturnService returns;
    private final ReturnExports exports;

    ReturnApiController(ReturnService returns, ReturnExports exports) {
        this.returns = returns;
        this.exports = exports;
    }

    @Schema(description = "The period to report, a month as YYYY-MM (not after the business date's month).")
    record GenerateRequest(@Schema(example = "2026-11") String period) {
    }

    @Schema(description = "A page of loan-level rows: from row `from` (1-based), at most `size`; `next` is the row to ask for next, null at the end.")
    record LoanDetailPage(List<LoanDetail> items, int loans, Integer next) {
    }

    @Operation(operationId = "generateReturn", summary = "Generate the return of a period (a new version)",
            description = "Collects the institution's loans into an immutable snapshot, builds the statistical return and "
                    + "the loan-level detail and runs the data-quality rules. Generating again supersedes an unsubmitted or "
                    + "rejected version; a submitted or accepted period answers 409.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('reporting:return:generate')")
    ReturnDetail generate(@RequestBody GenerateRequest request) {
        return returns.generate(CurrentUsers.require(), request.period());
    }

    @Operation(operationId = "listReturns", summary = "The institution's returns, newest period and version first")
    @GetMapping
    @PreAuthorize("hasAuthority('reporting:return:view')")
    List<ReturnView> list() {
        return returns.list();
    }

    @Operation(operationId = "getReturn", summary = "One return: JSON (with data quality and versions), CSV, XLSX or XML",
            description = "XML is valid against `reporting/returns.xsd` (namespace `urn:xiaodai:reporting:1`).")
    @ApiResponse(responseCode = "200", description = "The return in the asked format.", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReturnDetail.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('reporting:return:view', 'reporting:submission:view')")
    ResponseEntity<?> get(@PathVariable UUID id,
                          @Parameter(schema = @Schema(allowableValues = {"json", "csv", "xlsx", "xml"}))
                          @RequestParam(required = false) String format) {
        String f = format(format);
        ReturnDetail detail = returns.detail(id);
        String name = "return-" + detail.header().period() + "-v" + detail.header().version();
        return switch (f) {
            case "csv" -> file(exports.returnCsv(detail), CSV, name + ".csv");
            case "xlsx" -> file(exports.returnXlsx(detail), XLSX, name + ".xlsx");
            case "xml" -> file(exports.returnXml(detail), MediaType.APPLICATION_XML, name + ".xml");
            default -> ResponseEntity.ok(detail);
        };
    }

    @Operation(operationId = "getReturnLoanDetails", summary = "The loan-level monthly detail of a return",
            description = "JSON is paged (`from`, `size` up to 5000); CSV, XLSX and XML hold every row.")
    @ApiResponse(responseCode = "200", description = "The loan-level detail in the asked format.", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = LoanDetailPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/{id}/loan-details")
    @PreAuthorize("hasAnyAuthority('reporting:return:view', 'reporting:submission:view')")
    ResponseEntity<?> loanDetails(@PathVariable UUID id,
                                  @Parameter(schema = @Schema(allowableValues = {"json", "csv", "xlsx", "xml"}))
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String size,
                                  @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        String f = format(format);
        ReturnView r = returns.view(id);
        String name = "loan-details-" + r.period() + "-v" + r.version();
        return switch (f) {
            case "csv" -> stream(response, CSV, name + ".csv", out -> exports.writeDetailsCsv(id, out));
            case "xlsx" -> stream(response, XLSX, name + ".xlsx", out -> exports.writeDetailsXlsx(id, out));
            case "xml" -> stream(response, MediaType.APPLICATION_XML, name + ".xml", out -> exports.writeDetailsXml(r, out));
            default -> {
                int start = number("from", from, 1, 1, Integer.MAX_VALUE);
                int count = number("size", size, 1000, 1, 5000);
                List<LoanDetail> items = exports.details(id, start, count);
                Integer next = items.size() == count && start + count <= r.loans() ? start + count : null;
                yield ResponseEntity.ok(new LoanDetailPage(items, r.loans(), next));
            }
        };
    }

    @Operation(operationId = "getReturnQualityFailures", summary = "Drill-down: the rows failing a data-quality rule (`rule`), or every rule; at most 1,000 per rule")
    @GetMapping("/{id}/failures")
    @PreAuthorize("hasAnyAuthority('reporting:return:view', 'reporting:submission:view')")
    List<Failure> failures(@PathVariable UUID id, @RequestParam(required = false) String rule) {
        if (rule != null && rule.length() > 100) {
            throw ProblemException.invalid("rule", "maxLength", 100);
        }
        return returns.failures(id, rule == null || rule.isBlank() ? null : rule);
    }

    @Operation(operationId = "submitReturn", summary = "Submit a generated return to the regulator",
            description = "Marked late when the business date is after the 5th of the next month.")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('reporting:return:submit')")
    ReturnDetail submit(@PathVariable UUID id) {
        return returns.submit(CurrentUsers.require(), id);
    }

    static String format(String format) {
        String f = format == null || format.isBlank() ? "json" : format.toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx", "xml").contains(f)) {
            throw ProblemException.invalid("format", "oneOf", "json, csv, xlsx, xml");
        }
        return f;
    }

    static int number(String field, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n < min || n > max) {
                throw ProblemException.invalid(field, "range", min, max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "wholeNumber");
        }
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * A loan-level file written straight to the response as it is produced (no copy in memory; chunked, without a
     * length): headers first, then {@code body} writes to the response's stream. The caller has checked the return is
     * visible, so a refusal is still a problem detail; answers null (the response is written).
     */
    static ResponseEntity<?> stream(HttpServletResponse response, MediaType type, String name, Consumer<OutputStream> body)
            throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        body.accept(out);
        out.flush();
        return null;
    }
}
