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
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.product.internal.LprTable;
import org.xiaodai.product.internal.ProductJson;
import org.xiaodai.product.internal.ProductProperties;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;

/** The LPR table: region-wide reference data, read by all, published by the platform operator. */
@RestController
@RequestMapping("/api/v1/lpr")
@Tag(name = "LPR", description = "The loan prime rate (贷款市场报价利率) by date, and the rate benchmark derived from it.")
class LprApiController {

    private final LprTable table;
    private final ProductProperties properties;

    LprApiController(LprTable table, ProductProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Schema(description = "One LPR publication.")
    record LprView(@Schema(format = "date") String effectiveDate,
                   @Schema(pattern = ProductJson.DECIMAL, example = "3.00") String oneYearPercent,
                   @Schema(pattern = ProductJson.DECIMAL, example = "3.50") @Nullable String fiveYearPercent,
                   @Schema(description = "The rate benchmark while it is in force: the configured multiple of the 1-year LPR.",
                           pattern = ProductJson.DECIMAL, example = "12.00") String rateCapPercent) {
    }

    @Schema(description = "A new LPR publication.")
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
