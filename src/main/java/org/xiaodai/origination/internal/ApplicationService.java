package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.approval.ApprovalWithdrawn;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.CustomerProfile;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.origination.OriginationGate;
import org.xiaodai.origination.domain.ApplicationStatus;
import org.xiaodai.origination.domain.Flag;
import org.xiaodai.origination.domain.SubmitChecks;
import org.xiaodai.product.LoanOffer;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applications from entry to submission: creation with the product's checks; submission with
 * completeness, the credit bureau, the checks on submit and the score ({@link SubmissionAssessment}),
 * handing the case to approval; withdrawal, human review and investigations. What approval and the
 * contract answer is {@link ApplicationOutcomes}. Every read by id is inside the caller's data scope
 * (404 otherwise); every state change is audited in its transaction.
 */
@Service
public class ApplicationService {

    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final SubmissionAssessment assessment;
    private final Customers customers;
    private final Products products;
    private final CreditBureau bureau;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final ObjectProvider<OriginationGate> gates;
    private final JsonMapper json;
    private final ApplicationReader reader;
    private final VelocityBursts bursts;

    ApplicationService(JdbcClient jdbc, ApplicationStore store, SubmissionAssessment assessment, Customers customers,
                       Products products, CreditBureau bureau, AuditTrail audit, ApplicationEventPublisher events,
                       BusinessDate businessDate, Clock clock, ObjectProvider<OriginationGate> gates, JsonMapper json,
                       ApplicationReader reader, VelocityBursts bursts) {
        this.jdbc = jdbc;
        this.store = store;
        this.assessment = assessment;
        this.customers = customers;
        this.products = products;
        this.bureau = bureau;
        this.audit = audit;
        this.events = events;
        this.businessDate = businessDate;
        this.clock = clock;
        this.gates = gates;
        this.json = json;
        this.reader = reader;
        this.bursts = bursts;
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
        List<String> missing = SubmissionAssessment.missingDocuments(version, row.documents());
        List<FieldProblem> problems = new ArrayList<>();
        missing.forEach(d -> problems.add(FieldProblem.of("documents", "missingDocument", d)));
        assessment.completeness(version, row, problems);
        CustomerProfile customer = customers.profile(row.customerId()).orElseThrow(() -> ProblemException.notFound("customer"));
        assessment.scorecardAnswers(row, customer, problems);
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
        BigDecimal apr = assessment.annualRate(version, row, today);
        List<Flag> flags = SubmitChecks.run(assessment.facts(row, version, customer, report, apr, today, now, address, device));
        Optional<ScoreResult> score = assessment.score(row, version, customer, report, today);
        int round = row.submissions() + 1;
        store.submitted(id, flags, score.map(SubmissionAssessment::scoreJson).orElse(null), report, apr, address, device, now);
        audit.record(AuditRecord.changed("origination.application.submitted", "application", id, row.institutionId(),
                Map.of("status", status.name()), Map.of("status", ApplicationStatus.UNDER_REVIEW.name(),
                        "flags", flags.stream().map(Flag::code).toList(),
                        "grade", score.map(ScoreResult::grade).orElse("-"))));
        events.publishEvent(new ApprovalRequested(id, row.institutionId(), round, row.ownerId(), row.branchPath(),
                row.productId(), version.definition().code(), version.definition().name(), customer.name(), row.amount(),
                row.annualRatePercent(), row.numberOfRepayments(), score.map(ScoreResult::score).orElse(null),
                score.map(ScoreResult::grade).orElse(null), flags.stream().map(Flag::code).toList(), now));
        bursts.publish(id, row.institutionId(), flags, address, device, now);
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
        store.move(row, ApplicationStatus.WITHDRAWN, clock.instant());
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

    // ---------------------------------------------------------------- helpers

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
}
