package org.xiaodai.product.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;
import org.xiaodai.shared.problem.FieldProblem;

/**
 * The annualised rates (年化利率, calc's IRR-based APR with fees) a product can reach: the lowest
 * at its lowest contract rate and the highest at its highest, each over the worst (or best) case
 * of its amount and term ranges. Both ends of the amount range are tried (a flat fee weighs most
 * on the smallest loan) and every term of the range, or 24 evenly spread ones including both ends
 * for wide ranges (an up-front fee weighs most on the shortest loan, a per-installment fee on the
 * longest). Loans are taken as disbursed on the effective date with a regular first period.
 *
 * @param lowest the lowest APR, a fraction (0.1 = 10 %)
 * @param highest the highest APR, a fraction
 * @param worstPrincipal the amount at which the highest is reached
 * @param worstNumberOfRepayments the term at which the highest is reached
 */
public record AnnualRateRange(BigDecimal lowest, BigDecimal highest, BigDecimal worstPrincipal,
                              int worstNumberOfRepayments) {

    static final int MAX_TERMS_TRIED = 24;
    private static final LoanCalculator CALCULATOR = new LoanCalculator();

    /** The APR in percent as disclosed: two decimals, HALF_UP. */
    public static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal lowestPercent() {
        return percent(lowest);
    }

    public BigDecimal highestPercent() {
        return percent(highest);
    }

    /** The range, or why a schedule of the product cannot be computed. */
    public sealed interface Result {
        /** The computed range. */
        record Computed(AnnualRateRange range) implements Result {
        }

        /** The problems, named by the product's fields. */
        record Refused(List<FieldProblem> problems) implements Result {
        }
    }

    /** Computes the range of a definition that passed {@link ProductRules}. */
    public static Result of(ProductDefinition d) {
        Point low = null;
        Point high = null;
        for (BigDecimal principal : List.of(d.minPrincipal(), d.maxPrincipal())) {
            for (int n : terms(d.minNumberOfRepayments(), d.maxNumberOfRepayments())) {
                Sample lowSample = apr(d, principal, d.minAnnualInterestRatePercent(), n);
                Sample highSample = apr(d, principal, d.maxAnnualInterestRatePercent(), n);
                if (lowSample.problems() != null || highSample.problems() != null) {
                    return new Result.Refused(lowSample.problems() != null ? lowSample.problems() : highSample.problems());
                }
                if (low == null || lowSample.apr().compareTo(low.apr()) < 0) {
                    low = new Point(lowSample.apr(), principal, n);
                }
                if (high == null || highSample.apr().compareTo(high.apr()) > 0) {
                    high = new Point(highSample.apr(), principal, n);
                }
            }
        }
        return new Result.Computed(new AnnualRateRange(low.apr(), high.apr(), high.principal(), high.repayments()));
    }

    private record Point(BigDecimal apr, BigDecimal principal, int repayments) {
    }

    private record Sample(BigDecimal apr, List<FieldProblem> problems) {
    }

    /** Every term from min to max, or {@value #MAX_TERMS_TRIED} spread evenly with both ends. */
    static Set<Integer> terms(int min, int max) {
        Set<Integer> terms = new LinkedHashSet<>();
        if (max - min < MAX_TERMS_TRIED) {
            for (int n = min; n <= max; n++) {
                terms.add(n);
            }
            return terms;
        }
        for (int i = 0; i < MAX_TERMS_TRIED; i++) {
            terms.add(min + (int) ((long) (max - min) * i / (MAX_TERMS_TRIED - 1)));
        }
        return terms;
    }

    private static Sample apr(ProductDefinition d, BigDecimal principal, BigDecimal rate, int n) {
        LoanTerms terms = d.scheduleConventions().terms(principal, rate, n, d.effectiveFrom());
        Outcome<Schedule> schedule = CALCULATOR.schedule(terms);
        if (!schedule.isSuccess()) {
            return new Sample(null, map(schedule.violations(), d, principal, rate, n));
        }
        Outcome<AnnualRate> rateOutcome = CALCULATOR.annualRate(schedule.value(), fees(d, principal));
        if (!rateOutcome.isSuccess()) {
            return new Sample(null, map(rateOutcome.violations(), d, principal, rate, n));
        }
        return new Sample(rateOutcome.value().annualPercentageRate(), null);
    }

    /** The product's fees on a loan of {@code principal}, as calc counts them. */
    public static List<Fee> fees(ProductDefinition d, BigDecimal principal) {
        List<Fee> fees = new ArrayList<>();
        int digits = d.scheduleConventions().currencyDigits();
        RoundingMode rounding = d.scheduleConventions().roundingMode().mode();
        for (ProductFee fee : d.fees()) {
            BigDecimal amount = fee.amount(principal, digits, rounding);
            fees.add(fee.charge() == FeeCharge.AT_DISBURSEMENT ? Fee.upfront(amount) : Fee.eachInstallment(amount));
        }
        return fees;
    }

    /** calc names the fields of one loan's terms; the product's fields are the ranges those came from. */
    private static List<FieldProblem> map(List<Violation> violations, ProductDefinition d, BigDecimal principal,
                                          BigDecimal rate, int n) {
        List<FieldProblem> out = new ArrayList<>();
        for (Violation v : violations) {
            String field = switch (v.field()) {
                case "principal" -> principal.equals(d.minPrincipal()) ? "minPrincipal" : "maxPrincipal";
                case "annualInterestRatePercent" -> rate.equals(d.minAnnualInterestRatePercent())
                        ? "minAnnualInterestRatePercent" : "maxAnnualInterestRatePercent";
                case "numberOfRepayments" -> n == d.minNumberOfRepayments() ? "minNumberOfRepayments" : "maxNumberOfRepayments";
                case "disbursementDate", "firstRepaymentDate" -> "effectiveFrom";
                case "fees", "cashFlows", "periodsPerYear" -> "fees";
                default -> "scheduleConventions." + v.field();
            };
            FieldProblem problem = FieldProblem.of(field, v.rule());
            if (!out.contains(problem)) {
                out.add(problem);
            }
        }
        return out;
    }
}
