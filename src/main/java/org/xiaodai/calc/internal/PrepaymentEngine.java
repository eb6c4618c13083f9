package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.PayoffQuote;
import org.xiaodai.calc.PayoffRequest;
import org.xiaodai.calc.PrepaymentRequest;
import org.xiaodai.calc.PrepaymentResult;
import org.xiaodai.calc.PrepaymentStrategy;
import org.xiaodai.calc.RescheduleRequest;
import org.xiaodai.calc.RescheduleResult;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;

/** Partial prepayment and rescheduling on top of {@link PayoffEngine}. */
public final class PrepaymentEngine {

    private PrepaymentEngine() {
    }

    /** @return the recomputed remaining loan, or violations */
    public static Outcome<PrepaymentResult> prepay(PrepaymentRequest request) {
        Schedule schedule = request.schedule();
        LoanTerms terms = schedule.terms();
        if (terms.interestMethod() == InterestMethod.FLAT || terms.amortization() == Amortization.BULLET) {
            return PayoffEngine.fail("interestMethod", "prepaymentUnsupported",
                    "partial prepayment needs declining-balance installments");
        }
        if (request.strategy() == PrepaymentStrategy.SHORTER_TERM
                && terms.amortization() == Amortization.INTEREST_ONLY_THEN_BULLET) {
            return PayoffEngine.fail("strategy", "unsupportedCombination",
                    "SHORTER_TERM needs equal installments or equal principal");
        }
        Outcome<PayoffQuote> quoted = PayoffEngine.quote(
                new PayoffRequest(schedule, request.date(), request.installmentsPaid()));
        if (!quoted.isSuccess()) {
            return Outcome.failure(quoted.violations());
        }
        PayoffQuote quote = quoted.value();
        List<Violation> violations = checkPrepayment(request, quote);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        BigDecimal interest = quote.deferredInterest().add(quote.accruedInterest());
        BigDecimal principal = request.amount().subtract(interest);
        LoanTerms remaining = remainingTerms(terms, quote, quote.outstandingPrincipal().subtract(principal));
        Outcome<Schedule> recomputed = request.strategy() == PrepaymentStrategy.LOWER_INSTALLMENT
                ? ScheduleEngine.compute(remaining, ScheduleEngine.Sizing.standard())
                : shorterTerm(schedule, remaining);
        if (!recomputed.isSuccess()) {
            return Outcome.failure(recomputed.violations());
        }
        Schedule next = recomputed.value();
        return Outcome.success(new PrepaymentResult(quote, interest, principal, next.terms(), next));
    }

    private static List<Violation> checkPrepayment(PrepaymentRequest request, PayoffQuote quote) {
        int digits = request.schedule().terms().currencyDigits();
        BigDecimal interest = quote.deferredInterest().add(quote.accruedInterest());
        if (quote.currentInstallment() == 0) {
            return List.of(new Violation("date", "afterMaturity", "the loan has matured; use a payoff"));
        }
        if (request.installmentsPaid() != quote.currentInstallment() - 1) {
            return List.of(new Violation("installmentsPaid", "notCurrent",
                    "every installment due before the date, and none after it, must be paid"));
        }
        if (request.amount().stripTrailingZeros().scale() > digits) {
            return List.of(new Violation("amount", "currencyScale", "amount has more decimals than the currency"));
        }
        if (request.amount().compareTo(interest) <= 0) {
            return List.of(new Violation("amount", "belowAccruedInterest",
                    "amount must exceed the interest owed on the date (" + interest + ")"));
        }
        if (request.amount().subtract(interest).compareTo(quote.outstandingPrincipal()) >= 0) {
            return List.of(new Violation("amount", "coversPayoff",
                    "amount repays the whole loan (payoff " + quote.total() + "); use a payoff"));
        }
        return List.of();
    }

    /** The remaining loan: disbursed on the date, first due at t_c, the remaining periods and grace. */
    static LoanTerms remainingTerms(LoanTerms terms, PayoffQuote quote, BigDecimal principal) {
        int done = quote.currentInstallment() - 1;
        return terms.toBuilder()
                .principal(principal)
                .disbursementDate(quote.date())
                .firstRepaymentDate(PeriodPlan.shift(terms, terms.firstRepaymentDate(), done))
                .numberOfRepayments(terms.numberOfRepayments() - done)
                .graceOnPrincipalPeriods(Math.max(0, terms.graceOnPrincipalPeriods() - done))
                .graceOnInterestPaymentPeriods(Math.max(0, terms.graceOnInterestPaymentPeriods() - done))
                .build();
    }

    /** Keeps E (or p) and ends the loan at the first period whose installment clears the balance. */
    private static Outcome<Schedule> shorterTerm(Schedule original, LoanTerms remaining) {
        CurrencyRounding money = ScheduleEngine.money(remaining);
        PeriodPlan plan = PeriodPlan.of(remaining);
        int grace = remaining.graceOnPrincipalPeriods();
        int periods;
        ScheduleEngine.Sizing sizing;
        if (remaining.amortization() == Amortization.EQUAL_PRINCIPAL) {
            BigDecimal p = original.installment(original.terms().graceOnPrincipalPeriods() + 1).principal();
            BigDecimal count = money.round(remaining.principal()).divide(p, 0, RoundingMode.CEILING);
            periods = Math.min(remaining.numberOfRepayments(), grace + count.intValueExact());
            sizing = new ScheduleEngine.Sizing(null, p);
        } else {
            BigDecimal e = original.installmentAmount().orElseThrow();
            Rows rows = RowBuilder.declining(remaining, plan, money, e, null);
            periods = rows.size();
            for (int i = grace; i < rows.size(); i++) {
                if (rows.principal[i].compareTo(rows.balanceBefore(i, money.round(remaining.principal()))) >= 0) {
                    periods = i + 1;
                    break;
                }
            }
            sizing = new ScheduleEngine.Sizing(e, null);
        }
        LoanTerms shorter = remaining.toBuilder().numberOfRepayments(periods).build();
        return ScheduleEngine.compute(shorter, sizing);
    }

    /** @return the position on the date moved onto the new terms, or violations */
    public static Outcome<RescheduleResult> reschedule(RescheduleRequest request) {
        Outcome<PayoffQuote> quoted = PayoffEngine.quote(
                new PayoffRequest(request.schedule(), request.date(), request.installmentsPaid()));
        if (!quoted.isSuccess()) {
            return Outcome.failure(quoted.violations());
        }
        PayoffQuote quote = quoted.value();
        if (quote.principalOwed().signum() == 0) {
            return PayoffEngine.fail("installmentsPaid", "nothingOutstanding", "no principal is outstanding");
        }
        BigDecimal principal = request.capitalizeInterest()
                ? quote.principalOwed().add(quote.interestOwed()) : quote.principalOwed();
        BigDecimal interestNow = request.capitalizeInterest()
                ? BigDecimal.ZERO.setScale(request.schedule().terms().currencyDigits()) : quote.interestOwed();
        LoanTerms effective = request.newTerms().toBuilder()
                .principal(principal).disbursementDate(request.date()).build();
        List<Violation> violations = TermsValidator.validate(effective);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        Outcome<Schedule> schedule = ScheduleEngine.compute(effective, ScheduleEngine.Sizing.standard());
        if (!schedule.isSuccess()) {
            return Outcome.failure(schedule.violations());
        }
        return Outcome.success(new RescheduleResult(quote, interestNow, effective, schedule.value()));
    }
}
