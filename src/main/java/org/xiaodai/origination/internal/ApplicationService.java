package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.ApprovalDecided;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.approval.ApprovalWithdrawn;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.contract.ContractRequested;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.origination.OriginationGate;
import org.xiaodai.origination.domain.ApplicationStatus;
import org.xiaodai.origination.domain.CheckFacts;
import org.xiaodai.origination.domain.Flag;
import org.xiaodai.origination.domain.SubmitChecks;
import org.xiaodai.product.Disbursement;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.product.SecurityType;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.servicing.Loans;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applications from entry to contract: creation with the product's checks, submission with
 * completeness, the credit bureau, the checks on submit and the score, then approval's answer and
 * the contract. Every read by id is inside the caller's data scope (404 otherwise); every state
 * change is audited in its transaction.
 */
@Service
public class ApplicationService {

    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final Customers customers;
    private final Products products;
    private final Scoring scoring;
    private final CreditBureau bureau;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final OriginationProperties properties;
    private final ObjectProvider<OriginationGate> gates;
    private final Loans loans;
    private final JsonMapper json;
    private final ApplicationReader reader;
    private final LoanCalculator calculator = new LoanCalculator();

    ApplicationService(JdbcClient jdbc, ApplicationStore store, Customers customers, Products products, Scoring scoring,
                       CreditBureau bureau, AuditTrail audit, ApplicationEventPublisher events, BusinessDate businessDate,
                       Clock clock, OriginationProperties properties, ObjectProvider<OriginationGate> gates,
                       JsonMapper json, Loans loans, ApplicationReader reader) {
        this.reader = reader;
        this.loans = loans;
        this.jdbc = jdbc;
        this.store = store;
        this.customers = customers;
        this.products = products;
        this.scoring = scoring;
        this.bureau = bureau;
        this.audit = audit;
        this.events = events;
        this.businessDate = businessDate;
        this.clock = clock;
        this.properties = properties;
        this.gates = gates;
        this.json = json;
    }

    /**
     * Creates a DRAFT. With an idempotency key, a repeated request answers with the application the
     * first one created (the key is the institution's).
     */
    @Transactional
    public UUID create(CurrentUser caller, NewApplication a, String idempotencyKey, String clientAddress) {
        UUID institution = lender(caller);
        if (idempotencyKey != null) {
            Optional<UUID> earlier = jdbc.sql("select id from origination_application where idempotency_key = ?")
                    .param(idempotencyKey).query(UUID.class).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        gate(institution);
        LocalDate today = today(institution);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CustomerProfile> customer = customers.profile(a.customerId());
        if (customer.isEmpty()) {
            problems.add(FieldProblem.of("customerId", "unknown"));
        }
        Optional<ProductVersion> version = products.inEffect(a.productId(), today);
        if (version.isEmpty()) {
            problems.add(FieldProblem.of("productId", "unknown"));
        } else {
            for (FieldProblem p : products.check(version.get(), new LoanOffer(a.amount(), a.numberOfRepayments(),
                    a.annualInterestRatePercent(), null))) {
                problems.add(new FieldProblem(p.field().equals("principal") ? "amount" : p.field(), p.rule(), p.messageKey(),
                        p.args()));
            }
        }
        if (a.purpose().forbidden()) {
            problems.add(FieldProblem.of("purpose", "purposeForbidden"));
        }
        for (int i = 0; i < a.guarantors().size(); i++) {
            UUID g = a.guarantors().get(i);
            if (g.equals(a.customerId())) {
                problems.add(FieldProblem.of("guarantors[" + i + "]", "guarantorIsBorrower"));
            } else if (customers.profile(g).isEmpty()) {
                problems.add(FieldProblem.of("guarantors[" + i + "]", "unknown"));
            }
        }
        for (int i = 0; i < a.collateral().size(); i++) {
            NewApplication.Collateral c = a.collateral().get(i);
            if (c.valuationDate().isAfter(today)) {
                problems.add(FieldProblem.of("collateral[" + i + "].valuationDate", "notInFuture"));
            } else if (c.valuationDate().isBefore(today.minusYears(1))) {
                problems.add(FieldProblem.of("collateral[" + i + "].valuationDate", "valuationStale"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID id = UUID.randomUUID();
        String branchPath = caller.scope().branchPath();
        try {
            store.insert(id, institution, branchId(branchPath), branchPath, caller.userId(), a, customer.get().name(),
                    version.get().version(),
                    idempotencyKey, clientAddress, clock.instant());
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("concurrent-change");
        }
        audit.record(AuditRecord.created("origination.application.created", "application", id, institution,
                Map.of("customerId", a.customerId(), "productId", a.productId(), "amount", a.amount(),
                        "numberOfRepayments", a.numberOfRepayments(), "rate", a.annualInterestRatePercent(),
                        "purpose", a.purpose().name(), "channel", a.channel())));
        return id;
    }

    /**
     * Submits (or resubmits after a return): completeness, credit bureau (with a live consent), checks,
     * score, then approval's route; an automatic decision and the contract happen in this transaction.
     */
    @Transactional
    public void submit(CurrentUser caller, UUID id, String clientAddress, String deviceId) {
        ApplicationStore.Row row = store.forUpdate(caller.scope(), id);
        ApplicationStatus status = ApplicationStatus.valueOf(row.status());
        if (!status.canMoveTo(ApplicationStatus.SUBMITTED)) {
            throw ProblemException.conflict("application-state", status.name());
        }
        gate(row.institutionId());
        LocalDate today = today(row.institutionId());
        ProductVersion version = products.version(row.productId(), row.productVersion())
                .orElseThrow(() -> ProblemException.notFound("product"));
        List<String> missing = missingDocuments(version, row.documents());
        List<FieldProblem> problems = new ArrayList<>();
        missing.forEach(d -> problems.add(FieldProblem.of("documents", "missingDocument", d)));
        completeness(version, row, problems);
        CustomerProfile customer = customers.profile(row.customerId()).orElseThrow(() -> ProblemException.notFound("customer"));
        scorecardAnswers(row, customer, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (!customers.hasLiveConsent(row.customerId(), ConsentPurpose.CREDIT_BUREAU_QUERY)) {
            throw ProblemException.conflict("bureau-consent-missing");
        }
        BureauReport report = bureau.report(row.customerId(), customer.idNumberMasked());
        Instant now = clock.instant();
        String address = clientAddress != null ? clientAddress : row.clientAddress();
        String device = deviceId != null ? deviceId : row.deviceId();
        BigDecimal apr = annualRate(version, row, today);
        List<Flag> flags = SubmitChecks.run(facts(row, version, customer, report, apr, today, now, address, device));
        Optional<ScoreResult> score = score(row, version, customer, report, today);
        int round = row.submissions() + 1;
        store.submitted(id, flags, score.map(this::scoreJson).orElse(null), report, apr, address, device, now);
        audit.record(AuditRecord.changed("origination.application.submitted", "application", id, row.institutionId(),
                Map.of("status", status.name()), Map.of("status", ApplicationStatus.UNDER_REVIEW.name(),
                        "flags", flags.stream().map(Flag::code).toList(),
                        "grade", score.map(ScoreResult::grade).orElse("-"))));
        events.publishEvent(new ApprovalRequested(id, row.institutionId(), round, row.ownerId(), row.branchPath(),
                row.productId(), version.definition().code(), version.definition().name(), customer.name(), row.amount(),
                row.annualRatePercent(), row.numberOfRepayments(), score.map(ScoreResult::score).orElse(null),
                score.map(ScoreResult::grade).orElse(null), flags.stream().map(Flag::code).toList(), now));
    }

    /**
     * {@link #submit} and the application as it now stands, read in the same transaction (the API's
     * answer): one transaction per request instead of two.
     */
    @Transactional
    public ApplicationView submitAndView(CurrentUser caller, UUID id, String clientAddress, String deviceId) {
        submit(caller, id, clientAddress, deviceId);
        return reader.view(caller, id);
    }

    /** Withdraws an application that is not decided yet (or approved but not contracted). */
    @Transactional
    public void withdraw(CurrentUser caller, UUID id) {
        ApplicationStore.Row row = store.forUpdate(caller.scope(), id);
        move(row, ApplicationStatus.WITHDRAWN);
        events.publishEvent(new ApprovalWithdrawn(id, row.institutionId()));
        audit.record(AuditRecord.changed("origination.application.withdrawn", "application", id, row.institutionId(),
                Map.of("status", row.status()), Map.of("status", "WITHDRAWN")));
    }

    /** The applicant asks for a person to look at an automatic decline again (DOMAIN.md §8). */
    @Transactional
    public void requestHumanReview(CurrentUser caller, UUID id) {
        ApplicationStore.Row row = store.forUpdate(caller.scope(), id);
        if (!ApplicationStatus.DECLINED.name().equals(row.status())) {
            throw ProblemException.conflict("application-state", row.status());
        }
        if (row.humanReviewRequestedAt() != null) {
            return;
        }
        jdbc.sql("update origination_application set human_review_requested_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id).update();
        audit.record(AuditRecord.changed("origination.application.human-review-requested", "application", id,
                row.institutionId(), null, Map.of("humanReviewRequested", true)));
    }

    /** Adds a pre-loan investigation record (贷前调查). */
    @Transactional
    public UUID investigate(CurrentUser caller, UUID id, LocalDate visitDate, String findings, List<String> attachments) {
        ApplicationStore.Row row = store.forUpdate(caller.scope(), id);
        List<FieldProblem> problems = new ArrayList<>();
        if (visitDate == null) {
            problems.add(FieldProblem.of("visitDate", "required"));
        } else if (visitDate.isAfter(today(row.institutionId()))) {
            problems.add(FieldProblem.of("visitDate", "notInFuture"));
        }
        if (findings == null || findings.isBlank()) {
            problems.add(FieldProblem.of("findings", "required"));
        } else if (findings.length() > 4000) {
            problems.add(FieldProblem.of("findings", "size", 1, 4000));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID investigation = UUID.randomUUID();
        jdbc.sql("""
                insert into origination_investigation (id, institution_id, application_id, visit_date, findings,
                    attachments, created_by, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(investigation, row.institutionId(), id, visitDate, findings.strip(),
                        json.writeValueAsString(attachments == null ? List.of() : attachments), caller.userId(),
                        Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.created("origination.investigation.recorded", "application", id, row.institutionId(),
                Map.of("visitDate", visitDate.toString(), "findings", findings.strip())));
        return investigation;
    }

    /** Approval's final answer moves the application on; an approval asks for the contract at once. */
    @EventListener
    @Transactional
    public void on(ApprovalDecided d) {
        ApplicationStore.Row row = store.byIdForUpdate(d.applicationId());
        ApplicationStatus next = switch (d.outcome()) {
            case APPROVED -> ApplicationStatus.APPROVED;
            case DECLINED -> ApplicationStatus.DECLINED;
            case RETURNED -> ApplicationStatus.RETURNED;
        };
        move(row, next);
        Instant now = clock.instant();
        UUID contractId = next == ApplicationStatus.APPROVED ? UUID.randomUUID() : null;
        jdbc.sql("""
                update origination_application set approved_amount = ?, approved_rate_percent = ?, conditions = ?,
                    decline_reasons = ?::jsonb, decided_at = ?, contract_id = ?, updated_at = ?
                where id = ?""")
                .params(d.approvedAmount(), d.approvedAnnualRatePercent(), d.conditions(),
                        json.writeValueAsString(d.reasons()), next == ApplicationStatus.RETURNED ? null : Timestamp.from(now),
                        contractId, Timestamp.from(now), d.applicationId()).update();
        audit.record(AuditRecord.changed("origination.application.decided", "application", d.applicationId(),
                d.institutionId(), Map.of("status", row.status()), Map.of("status", next.name(), "automatic", d.automatic(),
                        "reasons", d.reasons())));
        if (contractId != null) {
            events.publishEvent(new ContractRequested(contractId, d.applicationId(), d.institutionId(), row.branchId(),
                    row.branchPath(), row.ownerId(), row.customerId(), row.productId(), row.productVersion(),
                    d.approvedAmount(), d.approvedAnnualRatePercent(), row.numberOfRepayments(), row.purpose(),
                    collateralLines(row), guarantorNames(row), d.conditions()));
        }
    }

    /**
     * The borrower accepted the contract: the application is contracted and knows its loan. A loan
     * booked without an application of this module (servicing's fixtures, imported loans) has nothing
     * to move here.
     */
    @EventListener
    @Transactional
    public void on(ContractAccepted accepted) {
        if (accepted.applicationId() == null || !store.exists(accepted.applicationId())) {
            return;
        }
        ApplicationStore.Row row = store.byIdForUpdate(accepted.applicationId());
        move(row, ApplicationStatus.CONTRACTED);
        jdbc.sql("update origination_application set loan_id = ?, updated_at = ? where id = ?")
                .params(accepted.loanId(), Timestamp.from(clock.instant()), accepted.applicationId()).update();
        audit.record(AuditRecord.changed("origination.application.contracted", "application", accepted.applicationId(),
                accepted.institutionId(), Map.of("status", row.status()),
                Map.of("status", "CONTRACTED", "loanId", accepted.loanId().toString())));
    }

    // ---------------------------------------------------------------- helpers

    private void move(ApplicationStore.Row row, ApplicationStatus next) {
        ApplicationStatus current = ApplicationStatus.valueOf(row.status());
        if (!current.canMoveTo(next)) {
            throw ProblemException.conflict("application-state", current.name());
        }
        jdbc.sql("update origination_application set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(next.name(), Timestamp.from(clock.instant()), row.id()).update();
    }

    private void gate(UUID institution) {
        gates.orderedStream().map(g -> g.refusal(institution)).flatMap(Optional::stream).findFirst().ifPresent(reason -> {
            throw ProblemException.forbidden("origination-refused", reason).with("rule", reason);
        });
    }

    private static UUID lender(CurrentUser caller) {
        if (caller.organisationKind() != OrganisationKind.LENDER) {
            throw ProblemException.forbidden("forbidden");
        }
        return caller.organisationId();
    }

    static UUID branchId(String branchPath) {
        if (branchPath == null || branchPath.length() < 3) {
            return null;
        }
        String[] parts = branchPath.split("/");
        try {
            return UUID.fromString(parts[parts.length - 1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public LocalDate today(UUID institution) {
        try {
            return businessDate.of(institution);
        } catch (NoSuchElementException e) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }

    static List<String> missingDocuments(ProductVersion version, List<String> provided) {
        return version.definition().documents().stream().filter(DocumentRequirement::required)
                .map(r -> r.document().name()).filter(d -> !provided.contains(d)).toList();
    }

    /** Security the product needs: guarantors for a guaranteed loan, collateral within its loan-to-value for mortgage and pledge. */
    private void completeness(ProductVersion version, ApplicationStore.Row row, List<FieldProblem> problems) {
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
    private void scorecardAnswers(ApplicationStore.Row row, CustomerProfile customer, List<FieldProblem> problems) {
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

    private CheckFacts facts(ApplicationStore.Row row, ProductVersion version, CustomerProfile customer, BureauReport report,
                             BigDecimal apr, LocalDate today, Instant now, String address, String device) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int fromDevice = device == null ? 0 : store.submissionsSince("device_id", device, hourAgo, row.id());
        int fromAddress = address == null ? 0 : store.submissionsSince("client_address", address, hourAgo, row.id());
        BigDecimal borrowerExposure = exposure(row.institutionId(), List.of(row.customerId()), row.id());
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
                fromDevice, fromAddress, properties.maxApplicationsPerHour(), customer.idNumbersSharingMobile(),
                customer.birthDate(), statedAge, customer.idRegionCode(), customer.regionCode(), today, borrowerExposure,
                relatedExposure, row.amount(), store.netAssets(today), properties.borrowerLimitPercent(),
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
    private Optional<ScoreResult> score(ApplicationStore.Row row, ProductVersion version, CustomerProfile customer,
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

    private Map<String, Object> scoreJson(ScoreResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", s.score());
        m.put("grade", s.grade());
        m.put("probabilityOfDefault", s.probabilityOfDefault());
        m.put("reasons", s.reasons().stream().map(ScoreResult.Reason::text).toList());
        m.put("model", s.modelName() + " v" + s.modelVersion());
        return m;
    }

    private List<String> collateralLines(ApplicationStore.Row row) {
        return store.collateral(row).stream().map(c -> c.type().name() + "|" + (c.description() == null ? "" : c.description())
                + "|" + c.valuation().toPlainString() + "|" + c.valuationDate()).toList();
    }

    private List<String> guarantorNames(ApplicationStore.Row row) {
        return store.guarantors(row).stream().map(g -> customers.profile(g).map(p -> p.name() + "（" + p.idNumberMasked() + "）")
                .orElse(g.toString())).toList();
    }
}
