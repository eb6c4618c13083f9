package org.xiaodai.product.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.xiaodai.product.internal.ProductBody;
import org.xiaodai.shared.problem.FieldProblem;

/**
 * The product page's form: every input is named like the API field it fills
 * ({@code scheduleConventions.daysInYear}, {@code fees[0].value}), so a refusal's field names
 * place each message beside its input. Checked documents are required ones.
 *
 * @param values text inputs by name
 * @param documents the checked documents
 * @param branchCodes the checked branches
 */
public record ProductForm(Map<String, String> values, List<String> documents, List<String> branchCodes) {

    static final int FEE_ROWS = 3;
    static final List<String> TEXT = List.of("code", "name", "productType", "securityType", "currency", "minPrincipal",
            "maxPrincipal", "minNumberOfRepayments", "maxNumberOfRepayments", "minAnnualInterestRatePercent",
            "maxAnnualInterestRatePercent", "effectiveFrom", "scheduleConventions.currencyDigits",
            "scheduleConventions.roundingMode", "scheduleConventions.amortization", "scheduleConventions.interestMethod",
            "scheduleConventions.interestAccrual", "scheduleConventions.installmentBasis",
            "scheduleConventions.repaymentEvery", "scheduleConventions.repaymentFrequency",
            "scheduleConventions.daysInYear", "scheduleConventions.daysInMonth",
            "scheduleConventions.installmentAmountInMultiplesOf", "scheduleConventions.graceOnPrincipalPeriods",
            "scheduleConventions.graceOnInterestPaymentPeriods", "servicingPolicy.penaltyRateMultiplier",
            "servicingPolicy.penaltyDaysInYear", "servicingPolicy.graceDays", "servicingPolicy.compoundOverdueInterest",
            "servicingPolicy.classification", "allocationOrder");

    public ProductForm {
        values = new LinkedHashMap<>(values);
        documents = List.copyOf(documents);
        branchCodes = List.copyOf(branchCodes);
    }

    /** Every field the form shows beside an input; problems about others go into the summary above it. */
    static String[] shownFields() {
        List<String> shown = new ArrayList<>(TEXT);
        for (int i = 0; i < FEE_ROWS; i++) {
            for (String part : List.of("name", "kind", "value", "charge")) {
                shown.add("fees[" + i + "]." + part);
            }
        }
        shown.addAll(List.of("documents", "branchCodes"));
        return shown.toArray(String[]::new);
    }

    /** The value of an input, empty when absent. */
    public String v(String name) {
        return values.getOrDefault(name, "");
    }

    /** A new product's starting point: a monthly 等额本息 credit loan in CNY. */
    static ProductForm blank() {
        Map<String, String> v = new LinkedHashMap<>();
        v.putAll(Map.of("productType", "PERSONAL_CONSUMPTION", "securityType", "CREDIT", "currency", "CNY",
                "minNumberOfRepayments", "6", "maxNumberOfRepayments", "36"));
        v.putAll(Map.of("scheduleConventions.currencyDigits", "2", "scheduleConventions.roundingMode", "HALF_UP",
                "scheduleConventions.amortization", "EQUAL_INSTALLMENTS", "scheduleConventions.interestMethod",
                "DECLINING_BALANCE", "scheduleConventions.interestAccrual", "PER_PERIOD",
                "scheduleConventions.installmentBasis", "NOMINAL_PERIODIC_RATE", "scheduleConventions.repaymentEvery", "1",
                "scheduleConventions.repaymentFrequency", "MONTHS", "scheduleConventions.daysInYear", "365",
                "scheduleConventions.daysInMonth", "ACTUAL"));
        v.putAll(Map.of("scheduleConventions.installmentAmountInMultiplesOf", "0.01",
                "scheduleConventions.graceOnPrincipalPeriods", "0", "scheduleConventions.graceOnInterestPaymentPeriods", "0",
                "servicingPolicy.penaltyRateMultiplier", "1.5", "servicingPolicy.penaltyDaysInYear", "360",
                "servicingPolicy.graceDays", "3", "servicingPolicy.compoundOverdueInterest", "false",
                "servicingPolicy.classification", "DPD_DEFAULT",
                "allocationOrder", "PENALTY, FEES, OVERDUE_INTEREST, OVERDUE_PRINCIPAL, CURRENT_INTEREST, CURRENT_PRINCIPAL"));
        return new ProductForm(v, List.of("ID_CARD", "CREDIT_REPORT_CONSENT"), List.of());
    }

    static ProductForm of(MultiValueMap<String, String> params) {
        Map<String, String> v = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (!list.isEmpty() && !name.equals("documents") && !name.equals("branchCodes")) {
                v.put(name, list.get(0) == null ? "" : list.get(0));
            }
        });
        return new ProductForm(v, listOf(params, "documents"), listOf(params, "branchCodes"));
    }

    private static List<String> listOf(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** The form of a stored definition, to edit it into a new version (its effective date left for the user). */
    static ProductForm of(ProductBody b) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "", Map.ofEntries(Map.entry("code", b.code()), Map.entry("name", b.name()),
                Map.entry("productType", b.productType()), Map.entry("securityType", b.securityType()),
                Map.entry("currency", b.currency()), Map.entry("minPrincipal", b.minPrincipal()),
                Map.entry("maxPrincipal", b.maxPrincipal()), Map.entry("minNumberOfRepayments", b.minNumberOfRepayments()),
                Map.entry("maxNumberOfRepayments", b.maxNumberOfRepayments()),
                Map.entry("minAnnualInterestRatePercent", b.minAnnualInterestRatePercent()),
                Map.entry("maxAnnualInterestRatePercent", b.maxAnnualInterestRatePercent())));
        ProductBody.Conventions c = b.scheduleConventions();
        put(v, "scheduleConventions.", Map.ofEntries(Map.entry("currencyDigits", c.currencyDigits()),
                Map.entry("roundingMode", c.roundingMode()), Map.entry("amortization", c.amortization()),
                Map.entry("interestMethod", c.interestMethod()), Map.entry("interestAccrual", c.interestAccrual()),
                Map.entry("installmentBasis", c.installmentBasis()), Map.entry("repaymentEvery", c.repaymentEvery()),
                Map.entry("repaymentFrequency", c.repaymentFrequency()), Map.entry("daysInYear", c.daysInYear()),
                Map.entry("daysInMonth", c.daysInMonth()),
                Map.entry("installmentAmountInMultiplesOf", c.installmentAmountInMultiplesOf()),
                Map.entry("graceOnPrincipalPeriods", c.graceOnPrincipalPeriods()),
                Map.entry("graceOnInterestPaymentPeriods", c.graceOnInterestPaymentPeriods())));
        ProductBody.Policy p = b.servicingPolicy();
        put(v, "servicingPolicy.", Map.of("penaltyRateMultiplier", p.penaltyRateMultiplier(),
                "penaltyDaysInYear", p.penaltyDaysInYear(), "graceDays", p.graceDays(),
                "compoundOverdueInterest", p.compoundOverdueInterest(), "classification", p.classification()));
        for (int i = 0; b.fees() != null && i < Math.min(FEE_ROWS, b.fees().size()); i++) {
            ProductBody.FeeLine fee = b.fees().get(i);
            put(v, "fees[" + i + "].", Map.of("name", fee.name(), "kind", fee.kind(), "value", fee.value(),
                    "charge", fee.charge()));
        }
        v.put("allocationOrder", String.join(", ", b.allocationOrder() == null ? List.of() : b.allocationOrder()));
        List<String> documents = b.documents() == null ? List.of()
                : b.documents().stream().filter(ProductBody.DocumentLine::required).map(ProductBody.DocumentLine::document).toList();
        return new ProductForm(v, documents, b.branchCodes() == null ? List.of() : b.branchCodes());
    }

    private static void put(Map<String, String> values, String prefix, Map<String, Object> entries) {
        entries.forEach((k, value) -> values.put(prefix + k, String.valueOf(value)));
    }

    /** The API body this form stands for; unreadable whole numbers are reported into {@code problems}. */
    ProductBody toBody(List<FieldProblem> problems) {
        List<ProductBody.FeeLine> fees = new ArrayList<>();
        for (int i = 0; i < FEE_ROWS; i++) {
            String at = "fees[" + i + "].";
            if (!v(at + "name").isBlank() || !v(at + "value").isBlank()) {
                fees.add(new ProductBody.FeeLine(text(at + "name"), text(at + "kind"), text(at + "value"), text(at + "charge")));
            }
        }
        List<String> order = v("allocationOrder").isBlank() ? List.of()
                : List.of(v("allocationOrder").split("[,\\s，]+")).stream().filter(s -> !s.isBlank()).toList();
        String c = "scheduleConventions.";
        String p = "servicingPolicy.";
        return new ProductBody(text("code"), text("name"), text("productType"), text("securityType"), text("currency"),
                text("minPrincipal"), text("maxPrincipal"), whole("minNumberOfRepayments", problems),
                whole("maxNumberOfRepayments", problems), text("minAnnualInterestRatePercent"),
                text("maxAnnualInterestRatePercent"),
                new ProductBody.Conventions(whole(c + "currencyDigits", problems), text(c + "roundingMode"),
                        text(c + "amortization"), text(c + "interestMethod"), text(c + "interestAccrual"),
                        text(c + "installmentBasis"), whole(c + "repaymentEvery", problems), text(c + "repaymentFrequency"),
                        text(c + "daysInYear"), text(c + "daysInMonth"), text(c + "installmentAmountInMultiplesOf"),
                        whole(c + "graceOnPrincipalPeriods", problems), whole(c + "graceOnInterestPaymentPeriods", problems),
                        null),
                new ProductBody.Policy(text(p + "penaltyRateMultiplier"), whole(p + "penaltyDaysInYear", problems),
                        whole(p + "graceDays", problems), "true".equals(v(p + "compoundOverdueInterest")),
                        text(p + "classification")),
                fees, order, documents.stream().map(d -> new ProductBody.DocumentLine(d, true)).toList(), branchCodes,
                null, text("effectiveFrom"));
    }

    private String text(String name) {
        String value = v(name).strip();
        return value.isEmpty() ? null : value;
    }

    private Integer whole(String name, List<FieldProblem> problems) {
        String value = v(name).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(name, "wholeNumber"));
            return 0;
        }
    }
}
