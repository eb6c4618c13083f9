package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The inputs of a repayment schedule. Every component mirrors a field of the conformance
 * vectors' {@code terms} object (README §1.1) under the same name; enum constants carry the same
 * names as the JSON values ({@link DaysInYear} and {@link DaysInMonth} map the numeric strings).
 *
 * <p>The record accepts any values, including nulls, so that {@link LoanCalculator#validate}
 * can report every problem at once as {@link Violation}s. A null {@code emiAdjustment} means
 * {@link EmiAdjustment#NONE}.
 *
 * @param principal P, the disbursed amount, &gt; 0 with at most {@code currencyDigits} decimals
 * @param annualInterestRatePercent nominal annual rate in percent (A = value / 100), ≥ 0
 * @param currencyDigits d, 0..4
 * @param roundingMode R, used by every rounding
 * @param amortization how principal is repaid
 * @param interestMethod declining balance or flat
 * @param interestAccrual how each period's rate is obtained
 * @param installmentBasis how the equal installment is sized
 * @param numberOfRepayments n, 1..{@link LoanCalculator#MAX_REPAYMENTS}
 * @param repaymentEvery k, the number of frequency units in one period, ≥ 1
 * @param repaymentFrequency U, the unit of k
 * @param daysInYear Y
 * @param daysInMonth day count of a month for daily accrual with monthly periods
 * @param disbursementDate D0, before {@code firstRepaymentDate}
 * @param firstRepaymentDate F, the due date of installment 1
 * @param installmentAmountInMultiplesOf m, a positive multiple of the currency unit
 * @param graceOnPrincipalPeriods g_p, leading periods without principal
 * @param graceOnInterestPaymentPeriods g_i, leading periods whose interest is deferred
 * @param emiAdjustment optional one-step installment correction
 */
public record LoanTerms(
        BigDecimal principal,
        BigDecimal annualInterestRatePercent,
        int currencyDigits,
        RoundingRule roundingMode,
        Amortization amortization,
        InterestMethod interestMethod,
        InterestAccrual interestAccrual,
        InstallmentBasis installmentBasis,
        int numberOfRepayments,
        int repaymentEvery,
        RepaymentFrequency repaymentFrequency,
        DaysInYear daysInYear,
        DaysInMonth daysInMonth,
        LocalDate disbursementDate,
        LocalDate firstRepaymentDate,
        BigDecimal installmentAmountInMultiplesOf,
        int graceOnPrincipalPeriods,
        int graceOnInterestPaymentPeriods,
        EmiAdjustment emiAdjustment) {

    public LoanTerms {
        if (emiAdjustment == null) {
            emiAdjustment = EmiAdjustment.NONE;
        }
    }

    /**
     * A builder with the defaults of a plain monthly 等额本息 loan in CNY: 2 decimals, HALF_EVEN,
     * declining balance, per-period accrual, nominal annuity, every 1 month, 365/actual, whole
     * cents, no grace. Principal, rate, repayments and both dates must still be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these terms, to derive modified terms */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder for {@link LoanTerms}; not thread-safe. */
    public static final class Builder {
        private BigDecimal principal;
        private BigDecimal rate;
        private int digits = 2;
        private RoundingRule rounding = RoundingRule.HALF_EVEN;
        private Amortization amortization = Amortization.EQUAL_INSTALLMENTS;
        private InterestMethod method = InterestMethod.DECLINING_BALANCE;
        private InterestAccrual accrual = InterestAccrual.PER_PERIOD;
        private InstallmentBasis basis = InstallmentBasis.NOMINAL_PERIODIC_RATE;
        private int repayments;
        private int every = 1;
        private RepaymentFrequency frequency = RepaymentFrequency.MONTHS;
        private DaysInYear daysInYear = DaysInYear.DAYS_365;
        private DaysInMonth daysInMonth = DaysInMonth.ACTUAL;
        private LocalDate disbursement;
        private LocalDate firstRepayment;
        private BigDecimal multiple = new BigDecimal("0.01");
        private int principalGrace;
        private int interestGrace;
        private EmiAdjustment emi = EmiAdjustment.NONE;

        private Builder() {
        }

        private Builder(LoanTerms t) {
            principal = t.principal;
            rate = t.annualInterestRatePercent;
            digits = t.currencyDigits;
            rounding = t.roundingMode;
            amortization = t.amortization;
            method = t.interestMethod;
            accrual = t.interestAccrual;
            basis = t.installmentBasis;
            repayments = t.numberOfRepayments;
            every = t.repaymentEvery;
            frequency = t.repaymentFrequency;
            daysInYear = t.daysInYear;
            daysInMonth = t.daysInMonth;
            disbursement = t.disbursementDate;
            firstRepayment = t.firstRepaymentDate;
            multiple = t.installmentAmountInMultiplesOf;
            principalGrace = t.graceOnPrincipalPeriods;
            interestGrace = t.graceOnInterestPaymentPeriods;
            emi = t.emiAdjustment;
        }

        public Builder principal(String value) { return principal(new BigDecimal(value)); }
        public Builder principal(BigDecimal value) { principal = value; return this; }
        public Builder annualInterestRatePercent(String value) { return annualInterestRatePercent(new BigDecimal(value)); }
        public Builder annualInterestRatePercent(BigDecimal value) { rate = value; return this; }
        public Builder currencyDigits(int value) { digits = value; return this; }
        public Builder roundingMode(RoundingRule value) { rounding = value; return this; }
        public Builder amortization(Amortization value) { amortization = value; return this; }
        public Builder interestMethod(InterestMethod value) { method = value; return this; }
        public Builder interestAccrual(InterestAccrual value) { accrual = value; return this; }
        public Builder installmentBasis(InstallmentBasis value) { basis = value; return this; }
        public Builder numberOfRepayments(int value) { repayments = value; return this; }
        public Builder repaymentEvery(int value) { every = value; return this; }
        public Builder repaymentFrequency(RepaymentFrequency value) { frequency = value; return this; }
        public Builder daysInYear(DaysInYear value) { daysInYear = value; return this; }
        public Builder daysInMonth(DaysInMonth value) { daysInMonth = value; return this; }
        public Builder disbursementDate(LocalDate value) { disbursement = value; return this; }
        public Builder disbursementDate(String value) { return disbursementDate(LocalDate.parse(value)); }
        public Builder firstRepaymentDate(LocalDate value) { firstRepayment = value; return this; }
        public Builder firstRepaymentDate(String value) { return firstRepaymentDate(LocalDate.parse(value)); }
        public Builder installmentAmountInMultiplesOf(String value) { return installmentAmountInMultiplesOf(new BigDecimal(value)); }
        public Builder installmentAmountInMultiplesOf(BigDecimal value) { multiple = value; return this; }
        public Builder graceOnPrincipalPeriods(int value) { principalGrace = value; return this; }
        public Builder graceOnInterestPaymentPeriods(int value) { interestGrace = value; return this; }
        public Builder emiAdjustment(EmiAdjustment value) { emi = value; return this; }

        /** @return the terms; not validated (see {@link LoanCalculator#validate}) */
        public LoanTerms build() {
            return new LoanTerms(principal, rate, digits, rounding, amortization, method, accrual, basis,
                    repayments, every, frequency, daysInYear, daysInMonth, disbursement, firstRepayment,
                    multiple, principalGrace, interestGrace, emi);
        }
    }
}
