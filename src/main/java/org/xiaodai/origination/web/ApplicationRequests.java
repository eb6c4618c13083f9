package org.xiaodai.origination.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.xiaodai.origination.domain.CollateralType;
import org.xiaodai.origination.domain.LoanPurpose;
import org.xiaodai.origination.internal.NewApplication;
import org.xiaodai.product.DocumentType;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.shared.validation.ValidationResult;

/** The application bodies the API and the officer's form take, and their parsing into {@link NewApplication}. */
final class ApplicationRequests {

    /** The A-card's application-form answers an applicant may give (scoring package-info lists their meaning). */
    static final Set<String> ANSWERS = Set.of("currentAccount", "savings", "employmentLength", "installmentRate",
            "guarantor", "residenceYears", "property", "age", "otherInstallments", "housing", "existingCredits", "job",
            "dependents", "telephone");

    private ApplicationRequests() {
    }

    @Schema(description = "One collateral item; the loan-to-value limit of its type applies to mortgage and pledge products.")
    record CollateralBody(@Schema(example = "REAL_ESTATE") String type, @Schema(example = "杭州市西湖区某小区住宅") String description,
                          @Schema(description = "CNY, a decimal string.", example = "800000") String valuation,
                          @Schema(example = "2026-11-20", format = "date") String valuationDate) {
    }

    @Schema(description = "A new application for a customer and a product (the version in effect today).")
    record CreateApplicationRequest(@Schema(format = "uuid") String customerId, @Schema(format = "uuid") String productId,
                                    @Schema(description = "CNY, a decimal string.", example = "30000") String amount,
                                    @Schema(example = "12") Integer numberOfRepayments,
                                    @Schema(description = "Percent, a decimal string.", example = "9.6") String annualInterestRatePercent,
                                    @Schema(example = "CONSUMPTION") String purpose,
                                    @Schema(example = "OFFLINE", allowableValues = {"ONLINE", "OFFLINE"}) String channel,
                                    @Schema(description = "The A-card's answers, e.g. {\"currentAccount\":\"A14\",\"savings\":\"A65\"}.")
                                    Map<String, Object> answers,
                                    @Schema(description = "Documents provided (product checklist codes).", example = "[\"ID_CARD\"]")
                                    List<String> documents,
                                    List<CollateralBody> collateral,
                                    @Schema(description = "Customer ids of the guarantors.") List<String> guarantors,
                                    @Schema(description = "A device fingerprint for the velocity check (online).")
                                    String deviceFingerprint) {
    }

    static NewApplication parse(CreateApplicationRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID customer = uuid("customerId", r.customerId(), true, problems);
        UUID product = uuid("productId", r.productId(), true, problems);
        BigDecimal amount = decimal("amount", r.amount(), problems);
        if (r.numberOfRepayments() == null) {
            problems.add(FieldProblem.of("numberOfRepayments", "required"));
        }
        BigDecimal rate = decimal("annualInterestRatePercent", r.annualInterestRatePercent(), problems);
        LoanPurpose purpose = enumValue("purpose", r.purpose(), LoanPurpose.class, problems);
        if (purpose != null && purpose.forbidden()) {
            problems.add(FieldProblem.of("purpose", "purposeForbidden"));
        }
        String channel = r.channel() == null ? null : r.channel().strip();
        if (!"ONLINE".equals(channel) && !"OFFLINE".equals(channel)) {
            problems.add(FieldProblem.of("channel", "oneOf", "ONLINE, OFFLINE"));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        if (r.answers() != null) {
            r.answers().forEach((k, v) -> {
                if (!ANSWERS.contains(k)) {
                    problems.add(FieldProblem.of("answers." + k, "unknown"));
                } else if (v instanceof Number || (v instanceof String s && !s.isBlank() && s.length() <= 40)) {
                    answers.put(k, v);
                } else if (v != null) {
                    problems.add(FieldProblem.of("answers." + k, "format"));
                }
            });
        }
        List<String> documents = new ArrayList<>();
        if (r.documents() != null) {
            for (int i = 0; i < r.documents().size(); i++) {
                DocumentType d = enumValue("documents[" + i + "]", r.documents().get(i), DocumentType.class, problems);
                if (d != null && !documents.contains(d.name())) {
                    documents.add(d.name());
                }
            }
        }
        List<NewApplication.Collateral> collateral = collateral(r.collateral(), problems);
        List<UUID> guarantors = guarantors(r.guarantors(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new NewApplication(customer, product, amount, r.numberOfRepayments(), rate, purpose, channel, answers,
                documents, collateral, guarantors, trim(r.deviceFingerprint(), 100));
    }

    /** Collateral items as entered (type, description, valuation, valuation date); problems by item. */
    static List<NewApplication.Collateral> collateral(List<CollateralBody> items, List<FieldProblem> problems) {
        List<NewApplication.Collateral> collateral = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                CollateralBody c = items.get(i);
                String at = "collateral[" + i + "].";
                if (c == null) {
                    problems.add(FieldProblem.of("collateral[" + i + "]", "required"));
                    continue;
                }
                CollateralType type = enumValue(at + "type", c.type(), CollateralType.class, problems);
                BigDecimal valuation = decimal(at + "valuation", c.valuation(), problems);
                LocalDate date = date(at + "valuationDate", c.valuationDate(), problems);
                if (valuation != null && valuation.signum() <= 0) {
                    problems.add(FieldProblem.of(at + "valuation", "positive"));
                }
                if (type != null && valuation != null && date != null) {
                    collateral.add(new NewApplication.Collateral(type, trim(c.description(), 200), valuation, date));
                }
            }
        }
        return collateral;
    }

    /** Guarantors' customer ids as entered; problems by position. */
    static List<UUID> guarantors(List<String> ids, List<FieldProblem> problems) {
        List<UUID> guarantors = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                UUID g = uuid("guarantors[" + i + "]", ids.get(i), true, problems);
                if (g != null) {
                    guarantors.add(g);
                }
            }
        }
        return guarantors;
    }

    static UUID uuid(String field, String value, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "required"));
            }
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "format"));
            return null;
        }
    }

    static BigDecimal decimal(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        ValidationResult<BigDecimal> result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(null);
    }

    static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                problems.add(FieldProblem.of(field, "dateRange"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "date"));
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "oneOf",
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
