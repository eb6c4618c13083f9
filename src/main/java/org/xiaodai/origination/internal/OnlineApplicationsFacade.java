package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.origination.OnlineApplications;
import org.xiaodai.origination.domain.LoanPurpose;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * {@link OnlineApplications} over the application service: the borrower acts inside the customer's
 * institution ({@link CurrentUser#borrowerChannel}), and every read is first narrowed to the customer.
 */
@Service
class OnlineApplicationsFacade implements OnlineApplications {

    private final ApplicationService applications;
    private final ApplicationReader reader;
    private final Preview preview;
    private final Customers customers;
    private final JdbcClient jdbc;

    OnlineApplicationsFacade(ApplicationService applications, ApplicationReader reader, Preview preview, Customers customers,
                             JdbcClient jdbc) {
        this.applications = applications;
        this.reader = reader;
        this.preview = preview;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public OnlineQuote quote(UUID productId, BigDecimal amount, int numberOfRepayments, BigDecimal annualInterestRatePercent) {
        UUID institution = institution();
        Preview.Result r = preview.of(CurrentUser.borrowerChannel(institution, actorId(null), ""), productId, amount,
                numberOfRepayments, annualInterestRatePercent);
        return new OnlineQuote(r.annualPercentageRate(), r.rateCapPercent(), r.firstInstallment(), r.totalInterest(),
                r.totalRepayment(), r.upfrontFees(), r.schedule() == null ? List.of() : r.schedule().installments(),
                r.problems().stream().map(FieldProblem::field).toList());
    }

    @Override
    @Transactional
    public UUID apply(OnlineApplication a) {
        CurrentUser caller = caller(a.customerId(), a.actorName());
        LoanPurpose purpose;
        try {
            purpose = LoanPurpose.valueOf(a.purpose() == null ? "" : a.purpose());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("purpose", "oneOf");
        }
        UUID id = applications.create(caller, new NewApplication(a.customerId(), a.productId(), a.amount(),
                a.numberOfRepayments(), a.annualInterestRatePercent(), purpose, "ONLINE", a.answers() == null ? Map.of() : a.answers(), a.documents(),
                List.of(), List.of(), null), a.idempotencyKey(), a.clientAddress());
        String status = jdbc.sql("select status from origination_application where id = ?").param(id).query(String.class).single();
        if ("DRAFT".equals(status)) {
            applications.submit(caller, id, a.clientAddress(), null);
        }
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OnlineProgress> ofCustomer(UUID customerId) {
        List<UUID> ids = jdbc.sql("select id from origination_application where customer_id = ? order by created_at desc")
                .param(customerId).query(UUID.class).list();
        return ids.stream().map(id -> ofCustomer(customerId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OnlineProgress> ofCustomer(UUID customerId, UUID applicationId) {
        if (!owns(customerId, applicationId)) {
            return Optional.empty();
        }
        ApplicationView v = reader.view(caller(customerId, ""), applicationId);
        return Optional.of(new OnlineProgress(v.id(), v.status(), v.productId(), v.productName(), v.amount(),
                v.numberOfRepayments(), v.annualInterestRatePercent(), v.annualPercentageRate(), v.missingDocuments(),
                v.declineReasons().stream().map(r -> new DeclineReason(r.code(), r.message())).toList(), v.humanReviewRequested(),
                v.approvedAmount(), v.contractId(), v.loanId(), v.createdAt(), v.decidedAt()));
    }

    @Override
    @Transactional
    public void requestHumanReview(UUID customerId, UUID applicationId) {
        if (!owns(customerId, applicationId)) {
            throw ProblemException.notFound("application");
        }
        applications.requestHumanReview(caller(customerId, ""), applicationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> customerOf(UUID applicationId) {
        return CUSTOMERS.get(applicationId, id -> jdbc.sql("select customer_id from origination_application where id = ?")
                .param(id).query(UUID.class).optional());
    }

    /**
     * An application's customer per transaction: an automatic approval tells the borrower "received"
     * and "decided" from one transaction. An application never changes its customer.
     */
    private static final org.xiaodai.shared.tx.TransactionMemo<UUID, Optional<UUID>> CUSTOMERS =
            new org.xiaodai.shared.tx.TransactionMemo<>("application customers");

    private boolean owns(UUID customerId, UUID applicationId) {
        return jdbc.sql("select count(*) from origination_application where id = ? and customer_id = ?")
                .params(applicationId, customerId).query(Integer.class).single() > 0;
    }

    private CurrentUser caller(UUID customerId, String actorName) {
        if (customers.profile(customerId).isEmpty()) {
            throw ProblemException.notFound("customer");
        }
        // the application belongs to the branch and officer that serve the customer (the customer's own
        // record, read inside the same wall), so it reaches their queues like an application they typed
        record Serving(String branchPath, UUID ownerId) {
        }
        Serving serving = jdbc.sql("select branch_path, owner_id from customer where id = ?").param(customerId)
                .query((rs, n) -> new Serving(rs.getString(1), rs.getObject(2, UUID.class))).single();
        return CurrentUser.borrowerChannel(institution(), serving.ownerId() == null ? actorId(customerId) : serving.ownerId(),
                serving.branchPath(), actorName);
    }

    private static UUID institution() {
        UUID institution = TenantWall.current().institutionId();
        if (institution == null) {
            throw ProblemException.notFound("customer");
        }
        return institution;
    }

    private static UUID actorId(UUID fallback) {
        return Actor.current().map(Actor::actorId).orElse(fallback);
    }
}
