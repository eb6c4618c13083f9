package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.product.Disbursement;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.shared.problem.FieldProblem;

/**
 * The officer's instant preview while an application is typed: the schedule of the terms under the
 * product's conventions and the annualised rate with its fees (calc), against the rate benchmark.
 */
@Component
public class Preview {

    private final Products products;
    private final ApplicationService applications;
    private final LoanCalculator calculator = new LoanCalculator();

    Preview(Products products, ApplicationService applications) {
        this.products = products;
        this.applications = applications;
    }

    /** What the form shows: the rate first, then the installments; or the problems of the terms. */
    public record Result(BigDecimal annualPercentageRate, BigDecimal rateCapPercent, boolean aboveCap,
                         BigDecimal firstInstallment, BigDecimal totalInterest, BigDecimal totalRepayment,
                         BigDecimal upfrontFees, Schedule schedule, List<FieldProblem> problems) {
    }

    @Transactional(readOnly = true)
    public Result of(CurrentUser caller, UUID productId, BigDecimal amount, int n, BigDecimal rate) {
        LocalDate today = applications.today(caller.organisationId());
        ProductVersion version = products.inEffect(productId, today).orElse(null);
        if (version == null) {
            return problems(List.of(FieldProblem.of("productId", "unknown")));
        }
        List<FieldProblem> offer = new ArrayList<>(products.check(version, new LoanOffer(amount, n, rate, null)));
        var terms = version.definition().scheduleConventions().terms(amount, rate, n, today);
        Outcome<Schedule> schedule = calculator.schedule(terms);
        if (!schedule.isSuccess()) {
            return problems(offer.isEmpty() ? List.of(FieldProblem.of("amount", "invalid")) : offer);
        }
        Disbursement d = products.disbursement(version, new LoanOffer(amount, n, rate, null));
        List<Fee> fees = new ArrayList<>();
        d.chargedAtDisbursement().forEach(c -> fees.add(Fee.upfront(c.amount())));
        d.chargedPerInstallment().forEach(c -> fees.add(Fee.eachInstallment(c.amount())));
        Outcome<AnnualRate> apr = calculator.annualRate(schedule.value(), fees);
        BigDecimal aprPercent = apr.isSuccess() ? apr.value().aprPercent(2) : null;
        BigDecimal upfront = d.chargedAtDisbursement().stream().map(Disbursement.Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Schedule s = schedule.value();
        return new Result(aprPercent, version.rateCapPercent(),
                aprPercent != null && aprPercent.compareTo(version.rateCapPercent()) > 0,
                s.installment(1).total(), s.totalInterest(), s.totalRepayment(), upfront, s, offer);
    }

    private static Result problems(List<FieldProblem> problems) {
        return new Result(null, null, false, null, null, null, null, null, problems);
    }
}
