package org.xiaodai.analytics.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.analytics.internal.ChartData;
import org.xiaodai.analytics.internal.Charts;
import org.xiaodai.analytics.internal.LoanDrillDown;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;

/**
 * The dashboards' data for programs: each chart of the region's and of an institution's dashboard as
 * JSON or, with {@code format=csv}, as CSV; and the loans behind a figure.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Dashboard data (trends, distributions, vintage, roll rates, exposures) and drill-down.")
class AnalyticsApiController {

    private static final String CHART_DOC = "JSON (`format=json`, the default) or CSV (`format=csv`, a header row of the "
            + "column names). Charts: `trends` (balance, count, overdue and NPL ratios per business date, 90 days, from the "
            + "indicator history), `distribution` (`by` = region, industry, product or grade), `vintage` (cumulative DPD30+ "
            + "by disbursement month and month on book), `roll-rates` (grade migration over 30 days), `exposures` (ten largest "
            + "borrowers)";

    private final Charts charts;
    private final LoanDrillDown loans;

    AnalyticsApiController(Charts charts, LoanDrillDown loans) {
        this.charts = charts;
        this.loans = loans;
    }

    @Schema(name = "AnalyticsLoanPage",
            description = "One page of the loans behind a figure: the rows, how many match in all, the page (from 1) and size.")
    record LoanPage(List<LoanDrillDown.LoanLine> items, long total, int page, int size) {
    }

    @Operation(operationId = "getRegionChart", summary = "A chart of the region's dashboard",
            description = CHART_DOC + ", and `institutions` (per institution: loans, balance, overdue and NPL shares). The "
                    + "association sees `trends`, `distribution`, `vintage` and `roll-rates`; `exposures` and `institutions` "
                    + "name borrowers and institutions and need `analytics:view` (the regulator).")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ChartData.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping("/region/charts")
    @PreAuthorize("hasAuthority('analytics:region:view')")
    ResponseEntity<?> regionChart(@Parameter(example = "trends") @RequestParam(required = false) String chart,
                                  @RequestParam(required = false) String by,
                                  @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format) {
        CurrentUser caller = CurrentUsers.require();
        String name = chart == null || chart.isBlank() ? "trends" : chart;
        if (("exposures".equals(name) || "institutions".equals(name)) && !caller.permissions().contains("analytics:view")) {
            throw ProblemException.forbidden("forbidden");
        }
        return answer(charts.chart(charts.region(caller), name, by), format);
    }

    @Operation(operationId = "getInstitutionChart", summary = "A chart of an institution's dashboard",
            description = CHART_DOC + ". Another institution's id is a 404; loan-level charts keep to the caller's data scope.")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ChartData.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping("/institutions/{id}/charts")
    @PreAuthorize("hasAuthority('analytics:view')")
    ResponseEntity<?> institutionChart(@PathVariable UUID id, @Parameter(example = "distribution") @RequestParam(required = false) String chart,
                                       @RequestParam(required = false) String by,
                                       @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format) {
        CurrentUser caller = CurrentUsers.require();
        String name = chart == null || chart.isBlank() ? "trends" : chart;
        if ("institutions".equals(name)) {
            throw ProblemException.notFound("chart");
        }
        return answer(charts.chart(charts.institution(caller, id), name, by), format);
    }

    @Operation(operationId = "listInstitutionLoansBehindChart", summary = "The loans behind a figure of an institution's dashboard",
            description = "Loans on the books filtered by `grade`, `region` (city code), `industry`, `product` (code) and `bucket` "
                    + "(current, 1-30, 31-60, 61-90, 91-180, 181+ days past due); paged (`page`, `size`), searched (`q`: contract, "
                    + "borrower), sorted (`sort` = balance, dpd, disbursed, contract, grade; `dir`).")
    @GetMapping("/institutions/{id}/loans")
    @PreAuthorize("hasAuthority('analytics:view')")
    LoanPage loans(@PathVariable UUID id, @RequestParam(required = false) String grade, @RequestParam(required = false) String region,
                   @RequestParam(required = false) String industry, @RequestParam(required = false) String product,
                   @RequestParam(required = false) String bucket, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                   @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        CurrentUser caller = CurrentUsers.require();
        PageResult<LoanDrillDown.LoanLine> result = loans.page(charts.institution(caller, id),
                new LoanDrillDown.Filters(grade, region, industry, product, bucket),
                ListQuery.of(q, sort, dir, page, size, LoanDrillDown.SORTING));
        return new LoanPage(result.items(), result.total(), result.query().page(), result.query().size());
    }

    static ResponseEntity<?> answer(ChartData data, String format) {
        if (format == null || format.isBlank() || "json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(data);
        }
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + data.chart() + ".csv\"").body(data.csv());
        }
        throw ProblemException.invalid("format", "oneOf", "json, csv");
    }
}
