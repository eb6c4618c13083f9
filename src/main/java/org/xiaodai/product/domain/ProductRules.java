package org.xiaodai.product.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.product.AllocationBucket;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.FeeKind;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;
import org.xiaodai.product.ServicingPolicy;
import org.xiaodai.shared.problem.FieldProblem;

/**
 * The rules a product definition obeys on its own, each refusal naming the API field and a stable
 * rule code. Whether its schedules compute and what its annualised rate is are
 * {@link AnnualRateRange}'s; rules that need stored data (branches, business date, uniqueness)
 * are the service's.
 */
public final class ProductRules {

    /** The highest penalty multiplier accepted (PBOC 银发〔2003〕251号 suggests 1.3–1.5). */
    static final BigDecimal MAX_PENALTY_MULTIPLIER = BigDecimal.TEN;
    static final int MAX_GRACE_DAYS = 90;
    static final int MAX_FEES = 10;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<FieldProblem> problems = new ArrayList<>();

    private ProductRules() {
    }

    /** Every broken rule of {@code d}, empty if it passes; {@code d} must be fully parsed (no null ranges). */
    public static List<FieldProblem> check(ProductDefinition d) {
        ProductRules rules = new ProductRules();
        rules.identity(d);
        rules.ranges(d);
        rules.policy(d);
        rules.fees(d);
        rules.allocation(d.allocationOrder());
        rules.documents(d);
        rules.branches(d.branchCodes());
        if (d.approvalPolicyId() != null) {
            rules.add("approvalPolicyId", "unknown");
        }
        return rules.problems;
    }

    private void identity(ProductDefinition d) {
        if (!d.code().matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            add("code", "format");
        }
        if (d.name().isBlank() || d.name().strip().length() > 60) {
            problems.add(FieldProblem.of("name", "size", 1, 60));
        }
        Currency currency = currency(d.currency());
        if (currency == null) {
            own("currency", "currency");
        } else if (currency.getDefaultFractionDigits() != d.scheduleConventions().currencyDigits()) {
            own("scheduleConventions.currencyDigits", "currencyDigits", currency.getDefaultFractionDigits());
        }
    }

    private static Currency currency(String code) {
        try {
            return code.matches("[A-Z]{3}") ? Currency.getInstance(code) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void ranges(ProductDefinition d) {
        int digits = d.scheduleConventions().currencyDigits();
        amount("minPrincipal", d.minPrincipal(), digits);
        amount("maxPrincipal", d.maxPrincipal(), digits);
        if (d.minPrincipal().compareTo(d.maxPrincipal()) > 0) {
            own("minPrincipal", "aboveMax");
        }
        if (d.minNumberOfRepayments() < 1) {
            add("minNumberOfRepayments", "min");
        } else if (d.minNumberOfRepayments() > d.maxNumberOfRepayments()) {
            own("minNumberOfRepayments", "aboveMax");
        }
        if (d.maxNumberOfRepayments() > LoanCalculator.MAX_REPAYMENTS) {
            add("maxNumberOfRepayments", "max");
        }
        if (d.minAnnualInterestRatePercent().signum() < 0) {
            add("minAnnualInterestRatePercent", "min");
        } else if (d.minAnnualInterestRatePercent().compareTo(d.maxAnnualInterestRatePercent()) > 0) {
            own("minAnnualInterestRatePercent", "aboveMax");
        }
        if (d.maxAnnualInterestRatePercent().compareTo(BigDecimal.valueOf(1000)) > 0) {
            add("maxAnnualInterestRatePercent", "max");
        }
    }

    private void amount(String field, BigDecimal amount, int digits) {
        if (amount.signum() <= 0) {
            add(field, "positive");
        } else if (amount.stripTrailingZeros().scale() > digits) {
            add(field, "currencyScale");
        }
    }

    private void policy(ProductDefinition d) {
        ServicingPolicy p = d.servicingPolicy();
        if (p.penaltyRateMultiplier().compareTo(BigDecimal.ONE) < 0) {
            add("servicingPolicy.penaltyRateMultiplier", "min");
        } else if (p.penaltyRateMultiplier().compareTo(MAX_PENALTY_MULTIPLIER) > 0) {
            add("servicingPolicy.penaltyRateMultiplier", "max");
        }
        if (p.penaltyDaysInYear() != 360 && p.penaltyDaysInYear() != 365) {
            add("servicingPolicy.penaltyDaysInYear", "oneOf", "360, 365");
        }
        if (p.graceDays() < 0) {
            add("servicingPolicy.graceDays", "min");
        } else if (p.graceDays() > MAX_GRACE_DAYS) {
            add("servicingPolicy.graceDays", "max");
        }
        if (!p.classification().fits(d.securityType())) {
            own("servicingPolicy.classification", "classificationMismatch", d.securityType().name());
        }
    }

    private void fees(ProductDefinition d) {
        if (d.fees().size() > MAX_FEES) {
            add("fees", "max");
        }
        for (int i = 0; i < d.fees().size(); i++) {
            ProductFee fee = d.fees().get(i);
            String at = "fees[" + i + "].";
            if (fee.name().isBlank() || fee.name().strip().length() > 40) {
                problems.add(FieldProblem.of(at + "name", "size", 1, 40));
            }
            if (fee.value().signum() < 0) {
                add(at + "value", "min");
            } else if (fee.kind() == FeeKind.PERCENT && fee.value().compareTo(HUNDRED) > 0) {
                add(at + "value", "max");
            } else if (fee.kind() == FeeKind.FLAT && fee.value().stripTrailingZeros().scale()
                    > d.scheduleConventions().currencyDigits()) {
                add(at + "value", "currencyScale");
            }
        }
    }

    private void allocation(List<AllocationBucket> order) {
        if (!order.isEmpty() && (order.size() != AllocationBucket.values().length
                || !EnumSet.copyOf(order).equals(EnumSet.allOf(AllocationBucket.class)))) {
            own("allocationOrder", "permutation");
        }
    }

    private void documents(ProductDefinition d) {
        Set<DocumentType> seen = new HashSet<>();
        for (DocumentRequirement requirement : d.documents()) {
            if (!seen.add(requirement.document())) {
                add("documents", "duplicate");
            }
        }
        DocumentType needed = DocumentType.requiredBy(d.securityType());
        if (needed != null && d.documents().stream().noneMatch(r -> r.document() == needed && r.required())) {
            own("documents", "securityDocument", needed.name());
        }
    }

    private void branches(List<String> codes) {
        if (new HashSet<>(codes).size() != codes.size()) {
            add("branchCodes", "duplicate");
        }
    }

    private void add(String field, String rule, Object... args) {
        problems.add(FieldProblem.of(field, rule, args));
    }

    /** A rule of this module, explained by {@code product.problem.<rule>} in the product bundles. */
    private void own(String field, String rule, Object... args) {
        problems.add(ownProblem(field, rule, args));
    }

    /** A field problem whose message lives in the product bundles ({@code product.problem.<rule>}). */
    public static FieldProblem ownProblem(String field, String rule, Object... args) {
        return new FieldProblem(field, rule, "product.problem." + rule, List.of(args));
    }
}
