package org.xiaodai.product.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.product.RateCapMode;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.product.internal.LprTable;
import org.xiaodai.product.internal.ProductJson;
import org.xiaodai.product.internal.ProductProperties;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.problem.ProblemResponse;
import org.xiaodai.shared.validation.DecimalNumber;

/** The LPR table: region-wide reference data, read by all, published by the platform operator. */
@RestController
@RequestMapping("/api/v1/lpr")
@Tag(name = "LPR", description = "The loan prime rate (贷款市场报价利率) by date, and the rate benchmark derived from it.")
class LprApiController {

    private final LprTable table;
    private final ProductProperties properties;

    private final BusinessDate businessDate;
    private final Clock clock;

    LprApiController(LprTable table, ProductProperties properties, BusinessDate businessDate, Clock clock) {
        this.table = table;
        this.properties = properties;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    @Schema(name = "Lpr", description = "One LPR publication.")
    record LprView(@Schema(format = "date") String effectiveDate,
                   @Schema(pattern = ProductJson.DECIMAL, example = "3.00") String oneYearPercent,
                   @Schema(pattern = ProductJson.DECIMAL, example = "3.50") @Nullable String fiveYearPercent,
                   @Schema(description = "The rate benchmark while it is in force: the configured multiple of the 1-year LPR.",
                           pattern = ProductJson.DECIMAL, example = "12.00") String rateCapPercent) {
    }

    @Schema(name = "NewLpr", description = "A new LPR publication.")
    record NewLpr(@Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2025-05-20") String effectiveDate,
                  @Schema(requiredMode = RequiredMode.REQUIRED, pattern = ProductJson.DECIMAL, example = "3.00") String oneYearPercent,
                  @Schema(pattern = ProductJson.DECIMAL, example = "3.50") @Nullable String fiveYearPercent) {
    }

    @Operation(operationId = "listLpr", summary = "Every LPR publication, newest first")
    @GetMapping
    @PreAuthorize("hasAuthority('product:lpr:view')")
    List<LprView> list() {
        return table.all().stream().map(this::view).toList();
    }

    @Schema(name = "RateBenchmark", description = "The rate benchmark in force on a date and what saving a product above it does.")
    record BenchmarkView(@Schema(format = "date") String date,
                         @Schema(format = "date", description = "Publication date of the 1-year LPR in force.") String lprDate,
                         @Schema(pattern = ProductJson.DECIMAL, example = "3.00") String oneYearPercent,
                         @Schema(pattern = ProductJson.DECIMAL, example = "4") String lprMultiple,
                         @Schema(pattern = ProductJson.DECIMAL, example = "12.00") String capPercent,
                         @Schema(implementation = RateCapMode.class, description = "`REFUSE`: a product above the "
                                 + "benchmark is refused; `FLAG`: it is saved with `rateCapExceeded`.", example = "REFUSE")
                         String rateCapMode) {
    }

    @Operation(operationId = "getRateBenchmark", summary = "The rate benchmark (a multiple of the 1-year LPR) in force on a date",
            description = "Without `date`: today (the caller's business date, or the calendar date for the platform and the regulator).")
    @GetMapping("/benchmark")
    @ProblemResponse(status = 404, description = "`not-found`: no LPR was published on or before the date.")
    @PreAuthorize("hasAuthority('product:lpr:view')")
    BenchmarkView benchmark(@RequestParam(required = false) @Parameter(description = "`YYYY-MM-DD`") String date) {
        LocalDate on;
        if (date == null || date.isBlank()) {
            on = today();
        } else {
            try {
                on = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("date", "date");
            }
        }
        LprTable.Lpr lpr = table.on(on).orElseThrow(() -> ProblemException.notFound("lpr"));
        BigDecimal multiple = properties.rateCapLprMultiple();
        return new BenchmarkView(on.toString(), lpr.effectiveDate().toString(), lpr.oneYearPercent().toPlainString(),
                multiple.stripTrailingZeros().toPlainString(),
                LprTable.percent(lpr.oneYearPercent().multiply(multiple)).toPlainString(), properties.rateCapMode().name());
    }

    private LocalDate today() {
        CurrentUser caller = CurrentUsers.require();
        return caller.seesAllInstitutions() || caller.organisationKind() != OrganisationKind.LENDER
                ? LocalDate.ofInstant(clock.instant(), clock.getZone()) : businessDate.of(caller.organisationId());
    }

    @Operation(operationId = "publishLpr", summary = "Add an LPR publication (platform operator)",
            description = "Rows are never changed: a publication for a date that has one is refused (`duplicate`).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('product:lpr:manage')")
    LprView publish(@RequestBody NewLpr body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = date(problems, body.effectiveDate());
        BigDecimal oneYear = decimal(problems, "oneYearPercent", body.oneYearPercent());
        BigDecimal fiveYear = body.fiveYearPercent() == null ? null
                : decimal(problems, "fiveYearPercent", body.fiveYearPercent());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return view(table.add(CurrentUsers.require(), new LprTable.Lpr(date, oneYear, fiveYear)));
    }

    private LprView view(LprTable.Lpr lpr) {
        BigDecimal cap = LprTable.percent(lpr.oneYearPercent().multiply(properties.rateCapLprMultiple()));
        return new LprView(lpr.effectiveDate().toString(), LprTable.percent(lpr.oneYearPercent()).toPlainString(),
                lpr.fiveYearPercent() == null ? null : LprTable.percent(lpr.fiveYearPercent()).toPlainString(),
                cap.toPlainString());
    }

    private static LocalDate date(List<FieldProblem> problems, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of("effectiveDate", "required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("effectiveDate", "date"));
            return null;
        }
    }

    private static BigDecimal decimal(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        var result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(null);
    }
}
