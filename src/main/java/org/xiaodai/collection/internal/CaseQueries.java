package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.collection.domain.Bucket;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/**
 * The queues, the case view and the statistics, each inside the caller's data scope: a collector
 * with "own records" sees the cases assigned to them, a branch user their branch subtree's, the
 * regulator every institution's statistics (read-only).
 */
@Service
public class CaseQueries {

    /** Queue order: the riskiest first (lowest B-card score; unscored cases before scored ones), then the longest overdue. */
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("score", false, "score", "daysPastDue",
            "amountOverdue", "openedOn");

    private final JdbcClient jdbc;
    private final CaseAccess cases;
    private final ContactLog contacts;
    private final Customers customers;
    private final LoanReader loans;

    CaseQueries(JdbcClient jdbc, CaseAccess cases, ContactLog contacts, Customers customers, LoanReader loans) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.contacts = contacts;
        this.customers = customers;
        this.loans = loans;
    }

    /** Filters of a queue; null for any. {@code status} defaults to OPEN. */
    public record Filter(Bucket bucket, String status, Boolean mine) {
    }

    @Transactional(readOnly = true)
    public PageResult<CaseViews.CaseSummary> queue(CurrentUser caller, Filter filter, ListQuery query) {
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "collector_id");
        String status = "CLOSED".equals(filter.status()) ? "CLOSED" : "OPEN";
        return PagedQuery.over(jdbc, "select * from collection_case")
                .where(visible.sql(), visible.parameters())
                .where("t.status = :status", Map.of("status", status))
                .whereIf(filter.bucket() == null ? null : filter.bucket().name(), "t.bucket = :bucket", "bucket")
                .whereIf(Boolean.TRUE.equals(filter.mine()) ? caller.userId() : null, "t.collector_id = :me", "me")
                .search("t.contract_number")
                .sortable(Map.of("score", "coalesce(t.score, -1)", "daysPastDue", "t.days_past_due",
                        "amountOverdue", "t.amount_overdue", "openedOn", "t.opened_on"))
                .tieBreaker("t.id")
                .fetch(query, CaseViews.CaseSummary::map);
    }

    @Transactional(readOnly = true)
    public CaseViews.CaseDetail detail(CurrentUser caller, UUID caseId) {
        CaseViews.CaseSummary c = cases.require(caller, caseId, false);
        Optional<LoanPosition> position = c.status().equals("OPEN") ? loans.position(c.loanId(), c.asOf()) : Optional.empty();
        CaseViews.Owed owed = position.map(p -> {
            BigDecimal penalty = p.penaltyOutstanding();
            return new CaseViews.Owed(p.asOf(), (int) p.daysPastDue(), p.overduePrincipal(), p.overdueInterest(), penalty,
                    p.overduePrincipal().add(p.overdueInterest()).add(penalty), p.principalOutstanding());
        }).orElse(null);
        List<CaseViews.Installment> schedule = position.map(p -> p.installments().stream()
                .map(i -> new CaseViews.Installment(i.n(), i.dueDate(), i.principalDue(), i.interestDue(),
                        i.unpaidPrincipal(), i.unpaidInterest(), i.penaltyOutstanding())).toList()).orElse(List.of());
        List<CaseViews.Promise> promises = jdbc.sql("select * from collection_promise where case_id = ? order by created_at desc")
                .param(caseId).query(CaseViews.Promise::map).list();
        List<CaseViews.Payment> payments = jdbc.sql("""
                        select id, amount, bucket, business_date from collection_payment where case_id = ?
                        order by business_date desc, created_at desc""").param(caseId)
                .query((rs, n) -> new CaseViews.Payment(rs.getObject(1, UUID.class), rs.getBigDecimal(2),
                        Bucket.valueOf(rs.getString(3)).label(), rs.getObject(4, LocalDate.class))).list();
        return new CaseViews.CaseDetail(c, owed, schedule, customers.contacts(c.customerId()), contacts.of(caseId),
                promises, payments);
    }

    /**
     * Contact rate (cases with a right-party contact over open cases contacted or not), promise-kept rate
     * (kept over resolved promises) and recovery by bucket, over the cases the caller sees.
     */
    @Transactional(readOnly = true)
    public CaseViews.Statistics statistics(CurrentUser caller) {
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "collector_id");
        Map<String, Object> params = new HashMap<>(visible.parameters());
        Map<String, Object> cases = jdbc.sql("""
                        select count(*) filter (where t.status = 'OPEN') as open_cases,
                               count(*) as all_cases,
                               count(*) filter (where exists (select from collection_contact k where k.case_id = t.id)) as contacted,
                               count(*) filter (where exists (select from collection_contact k where k.case_id = t.id
                                   and k.outcome in ('ANSWERED', 'PROMISE_TO_PAY', 'REFUSED_TO_PAY'))) as reached
                        from collection_case t where """ + " " + visible.sql())
                .params(params).query().singleRow();
        Map<String, Object> promises = jdbc.sql("""
                        select count(*) filter (where p.status = 'KEPT') as kept, count(*) filter (where p.status = 'BROKEN') as broken,
                               count(*) filter (where p.status = 'OPEN') as open
                        from collection_promise p join collection_case t on t.id = p.case_id where """ + " " + visible.sql())
                .params(params).query().singleRow();
        Map<String, Map<String, Object>> byBucket = new HashMap<>();
        jdbc.sql("""
                        select t.bucket, count(*) filter (where t.status = 'OPEN') as open_cases,
                               coalesce(sum(t.amount_overdue) filter (where t.status = 'OPEN'), 0) as overdue
                        from collection_case t where """ + " " + visible.sql() + " group by t.bucket")
                .params(params).query().listOfRows().forEach(r -> byBucket.put((String) r.get("bucket"), r));
        Map<String, BigDecimal> recovered = new HashMap<>();
        jdbc.sql("""
                        select p.bucket, sum(p.amount) as recovered from collection_payment p
                        join collection_case t on t.id = p.case_id where """ + " " + visible.sql() + " group by p.bucket")
                .params(params).query().listOfRows().forEach(r -> recovered.put((String) r.get("bucket"), (BigDecimal) r.get("recovered")));
        List<CaseViews.BucketFigures> buckets = new ArrayList<>();
        for (Bucket b : Bucket.values()) {
            Map<String, Object> row = byBucket.getOrDefault(b.name(), Map.of());
            BigDecimal overdue = row.get("overdue") instanceof BigDecimal d ? d : BigDecimal.ZERO;
            BigDecimal got = recovered.getOrDefault(b.name(), BigDecimal.ZERO);
            buckets.add(new CaseViews.BucketFigures(b.label(), row.get("open_cases") instanceof Number n ? n.longValue() : 0,
                    overdue.setScale(2, RoundingMode.HALF_EVEN), got.setScale(2, RoundingMode.HALF_EVEN),
                    ratio(got, got.add(overdue))));
        }
        long all = ((Number) cases.get("all_cases")).longValue();
        long kept = ((Number) promises.get("kept")).longValue();
        long broken = ((Number) promises.get("broken")).longValue();
        return new CaseViews.Statistics(((Number) cases.get("open_cases")).longValue(), ((Number) cases.get("contacted")).longValue(),
                ((Number) cases.get("reached")).longValue(),
                ratio(BigDecimal.valueOf(((Number) cases.get("reached")).longValue()), BigDecimal.valueOf(all)),
                kept, broken, ((Number) promises.get("open")).longValue(),
                ratio(BigDecimal.valueOf(kept), BigDecimal.valueOf(kept + broken)), buckets);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? new BigDecimal("0.0000") : part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }
}
