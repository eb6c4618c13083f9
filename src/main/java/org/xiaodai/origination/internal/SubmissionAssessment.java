package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.origination.domain.CheckFacts;
import org.xiaodai.product.Disbursement;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.product.SecurityType;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * What a submission is judged on: completeness (the product's documents, guarantors, collateral
 * within its loan-to-value), the answers the active A-card needs, the annualised rate, the facts the
 * checks on submit read (velocity, exposure, identity, caps) and the A-card score. Reads only; the
 * submission itself is {@link ApplicationService#submit}.
 */
@Component
class SubmissionAssessment {

    private final ApplicationStore store;
    private final Customers customers;
    private final Products products;
    private final Scoring scoring;
    private final OriginationProperties properties;
    private final Loans loans;
    private final LoanCalculator calculator = new LoanCalculator();

    SubmissionAssessment(ApplicationStore store, Customers customers, Products products, Scoring scoring,
                         OriginationProperties properties, Loans loans) {
        this.store = store;
        this.customers = customers;
        this.products = products;
        this.scoring = scoring;
        this.properties = properties;
        this.loans = loans;
    }

    static List<String> missingDocuments(ProductVersion version, List<String> provided) {
        return version.definition().documents().stream().filter(DocumentRequirement::required)
                .map(r -> r.document().name()).filter(d -> !provided.contains(d)).toList();
    }

    /** Security the product needs: guarantors for a guaranteed loan, collateral within its loan-to-value for mortgage and pledge. */
    void completeness(ProductVersion version, ApplicationStore.Row row, List<FieldProblem> problems) {
        SecurityType security = version.definition().securityType();
        List<NewApplication.Collateral> collateral = store.collateral(row);
        if (security == SecurityType.GUARANTEED && store.guarantors(row).isEmpty()) {
            problems.add(FieldProblem.of("guarantors", "required"));
        }
        if (security == SecurityType.MORTGAGE || security == SecurityType.PLEDGE) {
            if (collateral.isEmpty()) {
                problems.add(FieldProblem.of("collateral", "required"));
            } else {
                BigDecimal lendable = collateral.stream().map(c -> c.valuation().multiply(c.type().loanToValueLimit()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.DOWN);
                if (row.amount().compareTo(lendable) > 0) {
                    problems.add(FieldProblem.of("collateral", "loanToValue", lendable.toPlainString()));
                }
            }
        }
    }

    /** What origination itself gives the A-card (the terms, the purpose, the bureau's history); the age when the ID number tells it. */
    private static final java.util.Set<String> FILLED_HERE = java.util.Set.of("termMonths", "amount", "purpose",
            "creditHistory", "existingCredits");

    /**
     * Every answer the product's active A-card reads must be there (field {@code answers.<name>}, rule
     * {@code scorecardAnswer} naming it); without an active A-card nothing is asked.
     */
    void scorecardAnswers(ApplicationStore.Row row, CustomerProfile customer, List<FieldProblem> problems) {
        for (String input : scoring.inputsNeeded(row.productId(), Purpose.APPLICATION)) {
            if (FILLED_HERE.contains(input) || input.equals("age") && customer.birthDate() != null) {
                continue;
            }
            Object answer = row.answers().get(input);
            if (answer == null || answer instanceof String text && text.isBlank()) {
                problems.add(FieldProblem.of("answers." + input, "scorecardAnswer", input));
            }
        }
    }

    /** The annualised rate of the requested terms with the product's fees (calc's APR), percent with 2 decimals. */
    BigDecimal annualRate(ProductVersion version, ApplicationStore.Row row, LocalDate today) {
        var terms = version.definition().scheduleConventions().terms(row.amount(), row.annualRatePercent(),
                row.numberOfRepayments(), today);
        Outcome<Schedule> schedule = calculator.schedule(terms);
        if (!schedule.isSuccess()) {
            return null;
        }
        Disbursement disbursement = products.disbursement(version, new LoanOffer(row.amount(), row.numberOfRepayments(),
                row.annualRatePercent(), null));
        List<Fee> fees = new ArrayList<>();
        disbursement.chargedAtDisbursement().forEach(c -> fees.add(Fee.upfront(c.amount())));
        disbursement.chargedPerInstallment().forEach(c -> fees.add(Fee.eachInstallment(c.amount())));
        Outcome<AnnualRate> rate = calculator.annualRate(schedule.value(), fees);
        return rate.isSuccess() ? rate.value().aprPercent(2) : null;
    }

    CheckFacts facts(ApplicationStore.Row row, ProductVersion version, CustomerProfile customer, BureauReport report,
                             BigDecimal apr, LocalDate today, Instant now, String address, String device) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        ApplicationStore.SubmitFacts own = store.submitFacts(row.id(), row.customerId(), device, address, hourAgo, today);
        BigDecimal borrowerExposure = loans.committedPrincipal(row.institutionId(), List.of(row.customerId()))
                .add(own.approvedNotContracted());
        BigDecimal relatedExposure = customer.relatedCustomerIds().isEmpty() ? BigDecimal.ZERO
                : exposure(row.institutionId(), customer.relatedCustomerIds(), row.id());
        BigDecimal onlineCap = null;
        if ("ONLINE".equals(row.channel())) {
            onlineCap = version.definition().productType() == ProductType.PERSONAL_CONSUMPTION
                    ? properties.onlineConsumerCap() : properties.onlineBusinessCap();
        }
        Integer statedAge = row.answers().get("age") instanceof Number n ? n.intValue()
                : row.answers().get("age") instanceof String s && s.matches("\\d{1,3}") ? Integer.valueOf(s) : null;
        List<CheckFacts.GuarantorFacts> guarantors = new ArrayList<>();
        for (UUID g : store.guarantors(row)) {
            customers.profile(g).ifPresent(p -> guarantors.add(new CheckFacts.GuarantorFacts(p.name(),
                    customers.blacklist(g).hit(), customers.institutionsElsewhere(g),
                    exposure(row.institutionId(), List.of(g), row.id()))));
        }
        return new CheckFacts(customers.blacklist(row.customerId()).hit(), customers.institutionsElsewhere(row.customerId()),
                own.fromDevice(), own.fromAddress(), properties.maxApplicationsPerHour(), customer.idNumbersSharingMobile(),
                customer.birthDate(), statedAge, customer.idRegionCode(), customer.regionCode(), today, borrowerExposure,
                relatedExposure, row.amount(), own.netAssets(), properties.borrowerLimitPercent(),
                properties.relatedLimitPercent(), onlineCap, apr, version.rateCapPercent(), guarantors);
    }

    /**
     * What these customers already owe or are promised here: servicing's loans on the books (principal
     * outstanding, the full principal while pending disbursement) plus approvals not contracted yet,
     * leaving out the application being checked.
     */
    BigDecimal exposure(UUID institution, List<UUID> customerIds, UUID except) {
        return loans.committedPrincipal(institution, customerIds).add(store.approvedNotContracted(customerIds, except));
    }

    /** The A-card score: the applicant's answers, the terms, the age from the ID number and the bureau's history. */
    Optional<ScoreResult> score(ApplicationStore.Row row, ProductVersion version, CustomerProfile customer,
                                        BureauReport report, LocalDate today) {
        Map<String, Object> inputs = new LinkedHashMap<>(row.answers());
        var conventions = version.definition().scheduleConventions();
        int months = switch (conventions.repaymentFrequency()) {
            case MONTHS -> row.numberOfRepayments() * conventions.repaymentEvery();
            case WEEKS -> Math.max(1, row.numberOfRepayments() * conventions.repaymentEvery() / 4);
            case DAYS -> Math.max(1, row.numberOfRepayments() * conventions.repaymentEvery() / 30);
        };
        inputs.put("termMonths", months);
        inputs.put("amount", row.amount());
        inputs.put("purpose", org.xiaodai.origination.domain.LoanPurpose.valueOf(row.purpose()).scorecardCategory());
        inputs.put("creditHistory", report.creditHistory());
        inputs.putIfAbsent("existingCredits", report.existingCredits());
        if (customer.birthDate() != null) {
            inputs.put("age", java.time.Period.between(customer.birthDate(), today).getYears());
        }
        try {
            return Optional.of(scoring.score(new ScoreRequest(row.productId(), Purpose.APPLICATION, row.id().toString(),
                    inputs)));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    static Map<String, Object> scoreJson(ScoreResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", s.score());
        m.put("grade", s.grade());
        m.put("probabilityOfDefault", s.probabilityOfDefault());
        m.put("reasons", s.reasons().stream().map(ScoreResult.Reason::text).toList());
        m.put("model", s.modelName() + " v" + s.modelVersion());
        return m;
    }
}
