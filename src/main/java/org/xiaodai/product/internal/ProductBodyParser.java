package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.product.AllocationBucket;
import org.xiaodai.product.ClassificationTable;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.FeeKind;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductFee;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ScheduleConventions;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.ServicingPolicy;
import org.xiaodai.product.domain.ProductRules;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.shared.validation.ValidationResult;

/** Reads a {@link ProductBody} into a {@link ProductDefinition}, reporting every unreadable field at once. */
public final class ProductBodyParser {

    private final List<FieldProblem> problems = new ArrayList<>();

    private ProductBodyParser() {
    }

    /**
     * @return the definition; its {@code effectiveFrom} is null when the body has none
     * @throws ProblemException (400) naming every missing or unreadable field
     */
    public static ProductDefinition parse(ProductBody b) {
        if (b == null) {
            throw ProblemException.invalid("body", "required");
        }
        ProductBodyParser p = new ProductBodyParser();
        ProductDefinition d = new ProductDefinition(
                p.text("code", b.code()), p.text("name", b.name()),
                p.choice("productType", b.productType(), ProductType.class),
                p.choice("securityType", b.securityType(), SecurityType.class),
                p.text("currency", b.currency()),
                p.decimal("minPrincipal", b.minPrincipal()), p.decimal("maxPrincipal", b.maxPrincipal()),
                p.integer("minNumberOfRepayments", b.minNumberOfRepayments()),
                p.integer("maxNumberOfRepayments", b.maxNumberOfRepayments()),
                p.decimal("minAnnualInterestRatePercent", b.minAnnualInterestRatePercent()),
                p.decimal("maxAnnualInterestRatePercent", b.maxAnnualInterestRatePercent()),
                p.conventions(b.scheduleConventions()), p.policy(b.servicingPolicy()),
                p.fees(b.fees()), p.allocation(b.allocationOrder()), p.documents(b.documents()),
                p.branches(b.branchCodes()), p.uuid("approvalPolicyId", b.approvalPolicyId()),
                b.effectiveFrom() == null ? null : p.date("effectiveFrom", b.effectiveFrom()));
        if (!p.problems.isEmpty()) {
            throw ProblemException.invalid(p.problems);
        }
        return d;
    }

    private ScheduleConventions conventions(ProductBody.Conventions c) {
        String at = "scheduleConventions.";
        if (c == null) {
            problems.add(FieldProblem.of("scheduleConventions", "required"));
            return null;
        }
        return new ScheduleConventions(integer(at + "currencyDigits", c.currencyDigits()),
                choice(at + "roundingMode", c.roundingMode(), RoundingRule.class),
                choice(at + "amortization", c.amortization(), Amortization.class),
                choice(at + "interestMethod", c.interestMethod(), InterestMethod.class),
                choice(at + "interestAccrual", c.interestAccrual(), InterestAccrual.class),
                choice(at + "installmentBasis", c.installmentBasis(), InstallmentBasis.class),
                integer(at + "repaymentEvery", c.repaymentEvery()),
                choice(at + "repaymentFrequency", c.repaymentFrequency(), RepaymentFrequency.class),
                coded(at + "daysInYear", c.daysInYear(), DaysInYear::fromCode, "360, 364, 365, ACTUAL"),
                coded(at + "daysInMonth", c.daysInMonth(), DaysInMonth::fromCode, "30, ACTUAL"),
                decimal(at + "installmentAmountInMultiplesOf", c.installmentAmountInMultiplesOf()),
                integer(at + "graceOnPrincipalPeriods", c.graceOnPrincipalPeriods()),
                integer(at + "graceOnInterestPaymentPeriods", c.graceOnInterestPaymentPeriods()),
                c.emiAdjustment() == null ? EmiAdjustment.NONE
                        : choice(at + "emiAdjustment", c.emiAdjustment(), EmiAdjustment.class));
    }

    private ServicingPolicy policy(ProductBody.Policy p) {
        String at = "servicingPolicy.";
        if (p == null) {
            problems.add(FieldProblem.of("servicingPolicy", "required"));
            return null;
        }
        if (p.compoundOverdueInterest() == null) {
            problems.add(FieldProblem.of(at + "compoundOverdueInterest", "required"));
        }
        return new ServicingPolicy(decimal(at + "penaltyRateMultiplier", p.penaltyRateMultiplier()),
                integer(at + "penaltyDaysInYear", p.penaltyDaysInYear()), integer(at + "graceDays", p.graceDays()),
                Boolean.TRUE.equals(p.compoundOverdueInterest()),
                choice(at + "classification", p.classification(), ClassificationTable.class));
    }

    private List<ProductFee> fees(List<ProductBody.FeeLine> lines) {
        List<ProductFee> fees = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.size(); i++) {
            ProductBody.FeeLine line = lines.get(i);
            String at = "fees[" + i + "].";
            if (line == null) {
                problems.add(FieldProblem.of("fees[" + i + "]", "required"));
                continue;
            }
            if (line.charge() != null && line.charge().toUpperCase(java.util.Locale.ROOT).contains("DEDUCT")) {
                problems.add(ProductRules.ownProblem(at + "charge", "deductionForbidden"));
                continue;
            }
            fees.add(new ProductFee(text(at + "name", line.name()), choice(at + "kind", line.kind(), FeeKind.class),
                    decimal(at + "value", line.value()), choice(at + "charge", line.charge(), FeeCharge.class)));
        }
        return fees;
    }

    private List<AllocationBucket> allocation(List<String> names) {
        List<AllocationBucket> order = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            AllocationBucket bucket = choice("allocationOrder[" + i + "]", names.get(i), AllocationBucket.class);
            if (bucket != null) {
                order.add(bucket);
            }
        }
        return order;
    }

    private List<DocumentRequirement> documents(List<ProductBody.DocumentLine> lines) {
        List<DocumentRequirement> documents = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.size(); i++) {
            ProductBody.DocumentLine line = lines.get(i);
            if (line == null) {
                problems.add(FieldProblem.of("documents[" + i + "]", "required"));
                continue;
            }
            documents.add(new DocumentRequirement(choice("documents[" + i + "].document", line.document(), DocumentType.class),
                    !Boolean.FALSE.equals(line.required())));
        }
        return documents;
    }

    private List<String> branches(List<String> codes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; codes != null && i < codes.size(); i++) {
            out.add(text("branchCodes[" + i + "]", codes.get(i)));
        }
        return out;
    }

    private String text(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return "";
        }
        return value.strip();
    }

    private BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return BigDecimal.ZERO;
        }
        ValidationResult<BigDecimal> result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(BigDecimal.ZERO);
    }

    private int integer(String field, Integer value) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "required"));
            return 0;
        }
        return value;
    }

    private LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "date"));
            return null;
        }
    }

    private UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "format"));
            return null;
        }
    }

    private <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return coded(field, value, v -> Enum.valueOf(type, v), allowed);
    }

    private <T> T coded(String field, String value, Function<String, T> parse, String allowed) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "oneOf", allowed));
            return null;
        }
    }
}
