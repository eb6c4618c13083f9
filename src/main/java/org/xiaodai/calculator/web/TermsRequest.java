package org.xiaodai.calculator.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.shared.validation.DecimalNumber;

/**
 * Exactly the {@code terms} object of the schedule conformance vectors: amounts and rates are
 * decimal strings, enumerations their constant names. Everything is read as text first so that a
 * wrong value is reported against its field rather than as unreadable JSON. The documented
 * enumerations are the {@code calc} enums themselves ({@code implementation}), so they cannot
 * drift from what {@link TermsParser} accepts; only the day-count codes are listed by hand.
 */
@Schema(description = "Loan terms. Amounts and rates are decimal strings (never JSON numbers), dates `YYYY-MM-DD`.")
record TermsRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Amount lent, in the currency's units.",
                pattern = DECIMAL, example = "10000.00")
        String principal,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Nominal annual interest rate in percent.",
                pattern = DECIMAL, example = "12")
        String annualInterestRatePercent,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Decimals of the currency (2 for CNY).", example = "2")
        Integer currencyDigits,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = RoundingRule.class, example = "HALF_UP")
        String roundingMode,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = Amortization.class,
                description = "`EQUAL_INSTALLMENTS` is 等额本息, `EQUAL_PRINCIPAL` 等额本金.", example = "EQUAL_INSTALLMENTS")
        String amortization,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InterestMethod.class, example = "DECLINING_BALANCE")
        String interestMethod,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InterestAccrual.class, example = "PER_PERIOD")
        String interestAccrual,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InstallmentBasis.class, example = "NOMINAL_PERIODIC_RATE")
        String installmentBasis,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "How many installments.", example = "12")
        Integer numberOfRepayments,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Installments every this many `repaymentFrequency` units.",
                example = "1")
        Integer repaymentEvery,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = RepaymentFrequency.class, example = "MONTHS")
        String repaymentFrequency,
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", allowableValues = {"360", "364", "365", "ACTUAL"},
                description = "Days in a year of the day count.", example = "365")
        String daysInYear,
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", allowableValues = {"30", "ACTUAL"},
                description = "Days in a month of the day count (daily accrual with monthly repayments only).", example = "ACTUAL")
        String daysInMonth,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2024-01-15")
        String disbursementDate,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2024-02-15")
        String firstRepaymentDate,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Installments are rounded to a multiple of this amount.",
                pattern = DECIMAL, example = "0.01")
        String installmentAmountInMultiplesOf,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Leading periods without principal.", example = "0")
        Integer graceOnPrincipalPeriods,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Leading periods without interest payment.", example = "0")
        Integer graceOnInterestPaymentPeriods,
        @Schema(implementation = EmiAdjustment.class, description = "Defaults to `NONE`.", example = "NONE")
        String emiAdjustment) {

    /**
     * An unsigned decimal string within {@link DecimalNumber}'s limits, e.g. {@code 10000.00};
     * {@link TermsParser} reads a sign too and reports negatives by rule.
     */
    static final String DECIMAL = "^\\d{1," + DecimalNumber.MAX_INTEGER_DIGITS + "}(\\.\\d{1,"
            + DecimalNumber.MAX_FRACTION_DIGITS + "})?$";
}
