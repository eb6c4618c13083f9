package org.xiaodai.calculator.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.xiaodai.calc.GradeTable;

/**
 * Exactly a servicing conformance vector without its {@code expected}: the loan's terms, the
 * overdue policy, the repayments and the as-of date. Everything is read as text first so that a
 * wrong value is reported against its field.
 */
@Schema(name = "ServicingRequest", description = "A loan, its overdue policy and its repayments; the answer is the loan as of `asOf`.")
record ServicingSimulationRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED) TermsRequest terms,
        @Schema(requiredMode = RequiredMode.REQUIRED) Policy policy,
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "Repayments in date order, between the disbursement date and `asOf`; several on a day apply in the order listed."))
        List<Event> events,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2025-04-20",
                description = "The date of the answer: after every event dated on or before it, with penalty for every day before it.")
        String asOf) {

    /** Penalty (罚息), compound interest (复利), grace days (宽限期) and the grade table (五级分类). */
    @Schema(name = "ServicingPolicy", description = "How a loan is charged when it falls behind.")
    record Policy(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Penalty annual rate = contract rate × this.",
                    pattern = TermsRequest.DECIMAL, example = "1.5")
            String penaltyRateMultiplier,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Days in a year of the daily penalty rate.", example = "360")
            Integer penaltyDaysInYear,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "An installment fully paid within this many days after its due date is charged no penalty; days past due still count from the due date.",
                    example = "0")
            Integer graceDays,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether unpaid interest bears penalty interest too (复利).",
                    example = "false")
            Boolean compoundOverdueInterest,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = GradeTable.class,
                    description = "Days-past-due thresholds of the five-level grade.", example = "DPD_DEFAULT")
            String classification) {
    }

    /** One repayment. */
    @Schema(name = "ServicingEvent", description = "A repayment received on a date.")
    record Event(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2025-03-20") String date,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "REPAYMENT", example = "REPAYMENT") String type,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Amount paid, > 0, in the currency's units.",
                    pattern = TermsRequest.DECIMAL, example = "500.00")
            String amount) {
    }
}
