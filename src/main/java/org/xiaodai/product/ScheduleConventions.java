package org.xiaodai.product;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;

/**
 * A product's schedule conventions: every field of the schedule conformance {@code terms}
 * (README §1.1) except the five a loan brings itself (principal, rate, number of repayments and
 * the two dates), under the same names and values. A loan's {@link LoanTerms} are these plus its own.
 */
public record ScheduleConventions(
        int currencyDigits,
        RoundingRule roundingMode,
        Amortization amortization,
        InterestMethod interestMethod,
        InterestAccrual interestAccrual,
        InstallmentBasis installmentBasis,
        int repaymentEvery,
        RepaymentFrequency repaymentFrequency,
        DaysInYear daysInYear,
        DaysInMonth daysInMonth,
        BigDecimal installmentAmountInMultiplesOf,
        int graceOnPrincipalPeriods,
        int graceOnInterestPaymentPeriods,
        EmiAdjustment emiAdjustment) {

    public ScheduleConventions {
        if (emiAdjustment == null) {
            emiAdjustment = EmiAdjustment.NONE;
        }
    }

    /**
     * The terms of a loan under these conventions with a regular first period: the first due
     * date one period after disbursement.
     */
    public LoanTerms terms(BigDecimal principal, BigDecimal annualInterestRatePercent, int numberOfRepayments,
                           LocalDate disbursementDate) {
        return new LoanTerms(principal, annualInterestRatePercent, currencyDigits, roundingMode, amortization,
                interestMethod, interestAccrual, installmentBasis, numberOfRepayments, repaymentEvery,
                repaymentFrequency, daysInYear, daysInMonth, disbursementDate, firstRepayment(disbursementDate),
                installmentAmountInMultiplesOf, graceOnPrincipalPeriods, graceOnInterestPaymentPeriods, emiAdjustment);
    }

    /** One period after {@code disbursementDate}. */
    public LocalDate firstRepayment(LocalDate disbursementDate) {
        return switch (repaymentFrequency) {
            case DAYS -> disbursementDate.plusDays(repaymentEvery);
            case WEEKS -> disbursementDate.plusWeeks(repaymentEvery);
            case MONTHS -> disbursementDate.plusMonths(repaymentEvery);
        };
    }
}
