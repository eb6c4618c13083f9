package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.Violation;

/**
 * Checks {@link LoanTerms} against README §1.1 and every combination the README puts outside
 * its spec, plus limits that keep a public API from being made to hang.
 */
public final class TermsValidator {

    /** The largest number of repayments accepted. */
    public static final int MAX_REPAYMENTS = 1200;
    /** The largest repaymentEvery accepted. */
    public static final int MAX_REPAYMENT_EVERY = 1000;
    /** The longest loan accepted, from disbursement to the last due date. */
    public static final int MAX_TERM_YEARS = 100;
    /** The largest principal accepted. */
    public static final BigDecimal MAX_PRINCIPAL = new BigDecimal("1E15");
    /** The largest annual rate accepted, in percent. */
    public static final BigDecimal MAX_RATE_PERCENT = new BigDecimal("1000");

    private TermsValidator() {
    }

    /** @return every violation of the terms, empty if they can be computed */
    public static List<Violation> validate(LoanTerms t) {
        if (t == null) {
            return List.of(new Violation("terms", "required", "terms are required"));
        }
        List<Violation> out = new ArrayList<>();
        boolean complete = required(t, out);
        counts(t, out);
        if (t.principal() != null) {
            principal(t, out);
        }
        if (t.annualInterestRatePercent() != null) {
            rate(t.annualInterestRatePercent(), out);
        }
        if (t.installmentAmountInMultiplesOf() != null) {
            multiple(t, out);
        }
        if (t.disbursementDate() != null && t.firstRepaymentDate() != null && t.repaymentFrequency() != null) {
            dates(t, out);
        }
        if (complete) {
            combinations(t, out);
        }
        return out;
    }

    private static boolean required(LoanTerms t, List<Violation> out) {
        int before = out.size();
        require("principal", t.principal(), out);
        require("annualInterestRatePercent", t.annualInterestRatePercent(), out);
        require("roundingMode", t.roundingMode(), out);
        require("amortization", t.amortization(), out);
        require("interestMethod", t.interestMethod(), out);
        require("interestAccrual", t.interestAccrual(), out);
        require("installmentBasis", t.installmentBasis(), out);
        require("repaymentFrequency", t.repaymentFrequency(), out);
        require("daysInYear", t.daysInYear(), out);
        require("daysInMonth", t.daysInMonth(), out);
        require("disbursementDate", t.disbursementDate(), out);
        require("firstRepaymentDate", t.firstRepaymentDate(), out);
        require("installmentAmountInMultiplesOf", t.installmentAmountInMultiplesOf(), out);
        return out.size() == before;
    }

    private static void require(String field, Object value, List<Violation> out) {
        if (value == null) {
            out.add(new Violation(field, "required", field + " is required"));
        }
    }

    /** @return true if the amount has more decimals than the currency (trailing zeros ignored) */
    private static boolean finerThanCurrency(BigDecimal amount, int digits) {
        return amount.scale() > digits && amount.stripTrailingZeros().scale() > digits;
    }

    private static void counts(LoanTerms t, List<Violation> out) {
        int n = t.numberOfRepayments();
        if (t.currencyDigits() < 0 || t.currencyDigits() > 4) {
            out.add(new Violation("currencyDigits", "range", "currencyDigits must be between 0 and 4"));
        }
        if (n < 1) {
            out.add(new Violation("numberOfRepayments", "min", "numberOfRepayments must be at least 1"));
        } else if (n > MAX_REPAYMENTS) {
            out.add(new Violation("numberOfRepayments", "max", "numberOfRepayments must be at most " + MAX_REPAYMENTS));
        }
        if (t.repaymentEvery() < 1) {
            out.add(new Violation("repaymentEvery", "min", "repaymentEvery must be at least 1"));
        } else if (t.repaymentEvery() > MAX_REPAYMENT_EVERY) {
            out.add(new Violation("repaymentEvery", "max", "repaymentEvery must be at most " + MAX_REPAYMENT_EVERY));
        }
        if (t.graceOnPrincipalPeriods() < 0) {
            out.add(new Violation("graceOnPrincipalPeriods", "min", "graceOnPrincipalPeriods must not be negative"));
        } else if (n >= 1 && t.graceOnPrincipalPeriods() >= n) {
            out.add(new Violation("graceOnPrincipalPeriods", "lessThanNumberOfRepayments",
                    "graceOnPrincipalPeriods must be less than numberOfRepayments"));
        }
        if (t.graceOnInterestPaymentPeriods() < 0) {
            out.add(new Violation("graceOnInterestPaymentPeriods", "min",
                    "graceOnInterestPaymentPeriods must not be negative"));
        }
    }

    private static void principal(LoanTerms t, List<Violation> out) {
        BigDecimal p = t.principal();
        if (p.signum() <= 0) {
            out.add(new Violation("principal", "positive", "principal must be greater than 0"));
        } else if (p.compareTo(MAX_PRINCIPAL) > 0) {
            out.add(new Violation("principal", "max", "principal must be at most " + MAX_PRINCIPAL.toPlainString()));
        }
        if (finerThanCurrency(p, t.currencyDigits())) {
            out.add(new Violation("principal", "currencyScale", "principal has more decimals than currencyDigits"));
        }
    }

    private static void rate(BigDecimal rate, List<Violation> out) {
        if (rate.signum() < 0) {
            out.add(new Violation("annualInterestRatePercent", "min", "annualInterestRatePercent must not be negative"));
        } else if (rate.compareTo(MAX_RATE_PERCENT) > 0) {
            out.add(new Violation("annualInterestRatePercent", "max",
                    "annualInterestRatePercent must be at most " + MAX_RATE_PERCENT));
        }
    }

    private static void multiple(LoanTerms t, List<Violation> out) {
        BigDecimal m = t.installmentAmountInMultiplesOf();
        if (m.signum() <= 0) {
            out.add(new Violation("installmentAmountInMultiplesOf", "positive",
                    "installmentAmountInMultiplesOf must be greater than 0"));
        } else if (finerThanCurrency(m, t.currencyDigits())) {
            out.add(new Violation("installmentAmountInMultiplesOf", "multipleOfCurrencyUnit",
                    "installmentAmountInMultiplesOf must be a multiple of the currency unit"));
        } else if (m.compareTo(MAX_PRINCIPAL) > 0) {
            out.add(new Violation("installmentAmountInMultiplesOf", "max",
                    "installmentAmountInMultiplesOf must be at most " + MAX_PRINCIPAL.toPlainString()));
        }
    }

    private static void dates(LoanTerms t, List<Violation> out) {
        LocalDate d0 = t.disbursementDate();
        LocalDate f = t.firstRepaymentDate();
        if (outsideCalendar(d0) || outsideCalendar(f)) {
            // date arithmetic far beyond any loan (year 999,999,999) would overflow instead of answering
            out.add(new Violation(outsideCalendar(d0) ? "disbursementDate" : "firstRepaymentDate", "dateRange",
                    "dates must lie between " + EARLIEST_DATE + " and " + LATEST_DATE));
            return;
        }
        if (!d0.isBefore(f)) {
            out.add(new Violation("disbursementDate", "beforeFirstRepayment",
                    "disbursementDate must be earlier than firstRepaymentDate"));
            return;
        }
        LocalDate limit = d0.plusYears(MAX_TERM_YEARS);
        if (f.isAfter(limit)) {
            out.add(new Violation("firstRepaymentDate", "termTooLong",
                    "firstRepaymentDate must be within " + MAX_TERM_YEARS + " years of disbursementDate"));
        } else if (validCounts(t) && PeriodPlan.shift(t, f, t.numberOfRepayments() - 1L).isAfter(limit)) {
            out.add(new Violation("numberOfRepayments", "termTooLong",
                    "the last repayment must be within " + MAX_TERM_YEARS + " years of disbursementDate"));
        }
    }

    /** The calendar a loan can live in; anything outside is a typing error, not a loan. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private static boolean outsideCalendar(LocalDate date) {
        return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE);
    }

    private static boolean validCounts(LoanTerms t) {
        return t.numberOfRepayments() >= 1 && t.numberOfRepayments() <= MAX_REPAYMENTS
                && t.repaymentEvery() >= 1 && t.repaymentEvery() <= MAX_REPAYMENT_EVERY;
    }

    private static void combinations(LoanTerms t, List<Violation> out) {
        boolean flat = t.interestMethod() == InterestMethod.FLAT;
        boolean noInstallments = t.amortization() == Amortization.BULLET
                || t.amortization() == Amortization.INTEREST_ONLY_THEN_BULLET;
        if (flat && t.amortization() != Amortization.EQUAL_INSTALLMENTS) {
            out.add(new Violation("interestMethod", "unsupportedCombination",
                    "FLAT interest is defined only with EQUAL_INSTALLMENTS"));
        }
        if (noInstallments && t.graceOnPrincipalPeriods() > 0) {
            out.add(new Violation("graceOnPrincipalPeriods", "outsideSpec",
                    "principal grace is not defined with " + t.amortization()));
        }
        interestGrace(t, flat, noInstallments, out);
        if (t.interestAccrual() == InterestAccrual.DAILY && t.daysInMonth() == DaysInMonth.DAYS_30
                && t.repaymentFrequency() == RepaymentFrequency.MONTHS && t.daysInYear() == DaysInYear.ACTUAL) {
            out.add(new Violation("daysInMonth", "unsupportedCombination",
                    "30-day months with DAILY accrual and MONTHS frequency are not defined with ACTUAL days in year"));
        }
        if (t.emiAdjustment() == EmiAdjustment.FINERACT_PROGRESSIVE && !(ScheduleEngine.isEqualInstallmentAnnuity(t)
                && t.installmentBasis() == InstallmentBasis.ACTUAL_PERIOD_FACTORS)) {
            out.add(new Violation("emiAdjustment", "unsupportedCombination",
                    "FINERACT_PROGRESSIVE needs DECLINING_BALANCE, EQUAL_INSTALLMENTS and ACTUAL_PERIOD_FACTORS"));
        }
    }

    private static void interestGrace(LoanTerms t, boolean flat, boolean noInstallments, List<Violation> out) {
        int gi = t.graceOnInterestPaymentPeriods();
        if (gi <= 0) {
            return;
        }
        String reason = null;
        if (flat) {
            reason = "interest-payment grace is not defined with FLAT interest";
        } else if (noInstallments) {
            reason = "interest-payment grace is not defined with " + t.amortization();
        } else if (gi >= t.graceOnPrincipalPeriods()) {
            reason = "graceOnInterestPaymentPeriods must be less than graceOnPrincipalPeriods";
        }
        if (reason != null) {
            out.add(new Violation("graceOnInterestPaymentPeriods", "outsideSpec", reason));
        }
    }
}
