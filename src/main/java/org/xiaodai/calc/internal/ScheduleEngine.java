package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;

/**
 * Computes a schedule for terms that passed {@link TermsValidator}: sizing (README §3), rows
 * (§4, §5), the row sanity check of §4 and the summary values of §1.2.
 */
public final class ScheduleEngine {

    private ScheduleEngine() {
    }

    /**
     * Overrides of the sizing, used when servicing keeps an existing installment or principal.
     *
     * @param installment a fixed E instead of the sized one, or null
     * @param periodPrincipal a fixed p instead of round(P/n_a), or null
     */
    public record Sizing(BigDecimal installment, BigDecimal periodPrincipal) {

        /** @return no override: size as README §3 says */
        public static Sizing standard() {
            return new Sizing(null, null);
        }

        boolean isStandard() {
            return installment == null && periodPrincipal == null;
        }
    }

    /** @return the schedule of valid terms, or the row violations of README §4 */
    public static Outcome<Schedule> compute(LoanTerms terms, Sizing sizing) {
        PeriodPlan plan = PeriodPlan.of(terms);
        CurrencyRounding money = money(terms);
        if (terms.interestMethod() == InterestMethod.FLAT) {
            return finish(terms, plan, money, RowBuilder.flat(terms, plan, money), null);
        }
        return switch (terms.amortization()) {
            case BULLET -> finish(terms, plan, money, RowBuilder.bullet(terms, plan, money), null);
            case EQUAL_INSTALLMENTS -> equalInstallments(terms, plan, money, sizing);
            case EQUAL_PRINCIPAL -> {
                BigDecimal p = sizing.periodPrincipal() != null ? sizing.periodPrincipal()
                        : money.divideRounded(money.round(terms.principal()), amortizingPeriods(terms));
                yield finish(terms, plan, money, RowBuilder.declining(terms, plan, money, null, p), null);
            }
            case INTEREST_ONLY_THEN_BULLET ->
                    finish(terms, plan, money, RowBuilder.declining(terms, plan, money, null, null), null);
        };
    }

    /** @return the rounding of the terms */
    public static CurrencyRounding money(LoanTerms terms) {
        return new CurrencyRounding(terms.currencyDigits(), terms.roundingMode().mode(), terms.installmentAmountInMultiplesOf());
    }

    private static int amortizingPeriods(LoanTerms terms) {
        return terms.numberOfRepayments() - terms.graceOnPrincipalPeriods();
    }

    private static Outcome<Schedule> equalInstallments(LoanTerms terms, PeriodPlan plan, CurrencyRounding money, Sizing sizing) {
        if (!sizing.isStandard()) {
            Rows rows = RowBuilder.declining(terms, plan, money, sizing.installment(), null);
            return finish(terms, plan, money, rows, new Sized(null, sizing.installment()));
        }
        Rational exact = InstallmentSizer.unrounded(terms, plan, money.round(terms.principal()));
        BigDecimal installment = money.roundToMultiple(exact);
        Rows rows = RowBuilder.declining(terms, plan, money, installment, null);
        if (terms.emiAdjustment() == EmiAdjustment.FINERACT_PROGRESSIVE) {
            Sized adjusted = EmiAdjuster.adjust(terms, plan, money, installment, rows);
            return finish(terms, plan, money, adjusted.rows, new Sized(exact, adjusted.installment));
        }
        return finish(terms, plan, money, rows, new Sized(exact, installment));
    }

    /** An installment with its rows; {@code exact} is E* or null when E was given. */
    record Sized(Rational exact, BigDecimal installment, Rows rows) {
        Sized(Rational exact, BigDecimal installment) {
            this(exact, installment, null);
        }
    }

    private static Outcome<Schedule> finish(LoanTerms terms, PeriodPlan plan, CurrencyRounding money, Rows rows, Sized sized) {
        List<Violation> violations = checkRows(terms, money, rows);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        List<Installment> installments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            installments.add(new Installment(i + 1, plan.starts()[i], plan.dueDates()[i], plan.rates()[i],
                    rows.accrued[i], rows.principal[i], rows.interest[i], rows.total(i), rows.balance[i]));
        }
        BigDecimal principal = money.round(terms.principal());
        BigDecimal totalInterest = rows.totalInterest();
        return Outcome.success(Summary.schedule(new Summary.Input(terms, plan, money, installments,
                totalInterest, principal, sized == null ? null : sized.exact(),
                sized == null ? null : sized.installment())));
    }

    /**
     * README §4: a row whose principal is negative or exceeds the balance is outside the spec.
     * A FLAT last row with negative interest (§5 with a tiny total interest) is refused too.
     */
    static List<Violation> checkRows(LoanTerms terms, CurrencyRounding money, Rows rows) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal opening = money.round(terms.principal());
        String field = money.multipleIsUnit() ? "annualInterestRatePercent" : "installmentAmountInMultiplesOf";
        for (int i = 0; i < rows.size() && violations.isEmpty(); i++) {
            BigDecimal principal = rows.principal[i];
            if (principal.signum() < 0) {
                violations.add(new Violation(field, "principalNegative", "installment " + (i + 1)
                        + " would not cover its interest: its principal would be " + principal));
            } else if (principal.compareTo(rows.balanceBefore(i, opening)) > 0) {
                violations.add(new Violation(field, "principalExceedsBalance", "installment " + (i + 1)
                        + " would repay more principal (" + principal + ") than is outstanding"));
            } else if (rows.interest[i].signum() < 0) {
                // FLAT: T − (n−1)·round(T/n) < 0 when T is a few units; a row cannot owe negative interest
                violations.add(new Violation("annualInterestRatePercent", "interestNegative", "installment "
                        + (i + 1) + " would carry negative interest (" + rows.interest[i] + ")"));
            }
        }
        return violations;
    }

    static boolean isEqualInstallmentAnnuity(LoanTerms terms) {
        return terms.interestMethod() == InterestMethod.DECLINING_BALANCE
                && terms.amortization() == Amortization.EQUAL_INSTALLMENTS;
    }

    /** @return Optional of a nullable value */
    static Optional<BigDecimal> optional(BigDecimal value) {
        return Optional.ofNullable(value);
    }
}
