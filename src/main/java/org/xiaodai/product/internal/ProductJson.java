package org.xiaodai.product.internal;

import java.math.BigDecimal;

import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;
import org.xiaodai.product.ScheduleConventions;
import org.xiaodai.product.ServicingPolicy;

/** Writes a {@link ProductDefinition} as the JSON {@link ProductBody} that {@link ProductBodyParser} reads back. */
public final class ProductJson {

    /** The decimal strings the API takes and gives: unsigned, at most 18 integer and 10 fraction digits. */
    public static final String DECIMAL = "^\\d{1,18}(\\.\\d{1,10})?$";

    private ProductJson() {
    }

    public static ProductBody body(ProductDefinition d) {
        return new ProductBody(d.code(), d.name(), d.productType().name(), d.securityType().name(), d.currency(),
                plain(d.minPrincipal()), plain(d.maxPrincipal()), d.minNumberOfRepayments(), d.maxNumberOfRepayments(),
                plain(d.minAnnualInterestRatePercent()), plain(d.maxAnnualInterestRatePercent()),
                conventions(d.scheduleConventions()), policy(d.servicingPolicy()),
                d.fees().stream().map(ProductJson::fee).toList(),
                d.allocationOrder().stream().map(Enum::name).toList(),
                d.documents().stream().map(ProductJson::document).toList(), d.branchCodes(),
                d.approvalPolicyId() == null ? null : d.approvalPolicyId().toString(),
                d.effectiveFrom() == null ? null : d.effectiveFrom().toString());
    }

    static ProductBody.Conventions conventions(ScheduleConventions c) {
        return new ProductBody.Conventions(c.currencyDigits(), c.roundingMode().name(), c.amortization().name(),
                c.interestMethod().name(), c.interestAccrual().name(), c.installmentBasis().name(), c.repaymentEvery(),
                c.repaymentFrequency().name(), c.daysInYear().code(), c.daysInMonth().code(),
                plain(c.installmentAmountInMultiplesOf()), c.graceOnPrincipalPeriods(), c.graceOnInterestPaymentPeriods(),
                c.emiAdjustment().name());
    }

    static ProductBody.Policy policy(ServicingPolicy p) {
        return new ProductBody.Policy(plain(p.penaltyRateMultiplier()), p.penaltyDaysInYear(), p.graceDays(),
                p.compoundOverdueInterest(), p.classification().name());
    }

    private static ProductBody.FeeLine fee(ProductFee f) {
        return new ProductBody.FeeLine(f.name(), f.kind().name(), plain(f.value()), f.charge().name());
    }

    private static ProductBody.DocumentLine document(DocumentRequirement r) {
        return new ProductBody.DocumentLine(r.document().name(), r.required());
    }

    static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
