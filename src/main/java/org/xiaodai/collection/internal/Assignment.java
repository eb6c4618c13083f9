package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.collection.domain.Bucket;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.UserDirectory;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Hands cases to collectors (分案): one case to a chosen collector, or every unassigned open case in
 * the caller's scope round-robin over the institution's collectors, or by branch (each case to a
 * collector of the nearest branch above the loan's, round-robin among them; the whole institution
 * when no branch has one). A case is scored with the institution's B-card (行为评分卡) when it is
 * handed out, so the queue can show the riskiest first. Every assignment is audited.
 */
@Service
public class Assignment {

    /** How to hand out the unassigned cases. */
    public enum Mode { ROUND_ROBIN, BY_BRANCH }

    private final JdbcClient jdbc;
    private final CaseAccess cases;
    private final UserDirectory users;
    private final Scoring scoring;
    private final LoanReader loans;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate separately;

    Assignment(JdbcClient jdbc, CaseAccess cases, UserDirectory users, Scoring scoring, LoanReader loans, AuditTrail audit,
               Clock clock, PlatformTransactionManager transactions) {
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.scoring = scoring;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    /** The institution's collectors (users holding {@code collection:work}). */
    @Transactional(readOnly = true)
    public List<UserDirectory.Holder> collectors() {
        return users.holders(CollectionAccess.WORK);
    }

    @Transactional
    public CaseViews.CaseSummary assign(CurrentUser caller, UUID caseId, UUID collectorId) {
        CaseViews.CaseSummary c = cases.require(caller, caseId, true);
        UserDirectory.Holder collector = collectors().stream().filter(h -> h.userId().equals(collectorId)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("collectorId", "unknown"));
        if (!c.status().equals("OPEN")) {
            throw ProblemException.conflict("case-closed");
        }
        give(caseId, c, collector, "MANUAL");
        return cases.require(caller, caseId, false);
    }

    /** Hands out every unassigned open case the caller sees; @return how many cases were assigned. */
    @Transactional
    public int assignUnassigned(CurrentUser caller, Mode mode) {
        List<UserDirectory.Holder> collectors = collectors();
        if (collectors.isEmpty()) {
            throw ProblemException.conflict("no-collectors");
        }
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "collector_id");
        Map<String, Object> params = new HashMap<>(visible.parameters());
        record Unassigned(CaseViews.CaseSummary summary, String branchPath) {
        }
        List<Unassigned> rows = jdbc.sql("""
                        select * from collection_case t where t.status = 'OPEN' and t.collector_id is null and %s
                        order by t.days_past_due desc, t.id for update""".formatted(visible.sql()))
                .params(params).query((rs, n) -> new Unassigned(CaseViews.CaseSummary.map(rs, n), rs.getString("branch_path")))
                .list();
        List<CaseViews.CaseSummary> open = rows.stream().map(Unassigned::summary).toList();
        Map<UUID, String> branchPaths = new HashMap<>();
        rows.forEach(r -> branchPaths.put(r.summary().id(), r.branchPath()));
        UUID last = jdbc.sql("select last_collector_id from collection_round_robin").query(UUID.class).optional().orElse(null);
        for (CaseViews.CaseSummary c : open) {
            List<UserDirectory.Holder> pool = mode == Mode.BY_BRANCH ? nearest(collectors, branchPaths.get(c.id())) : collectors;
            UserDirectory.Holder next = after(pool, last);
            give(c.id(), c, next, mode.name());
            last = next.userId();
        }
        if (last != null && !open.isEmpty()) {
            UUID institution = cases.institutionOf(open.getFirst().id());
            jdbc.sql("""
                    insert into collection_round_robin (institution_id, last_collector_id, updated_at) values (?, ?, ?)
                    on conflict (institution_id) do update set last_collector_id = excluded.last_collector_id,
                        updated_at = excluded.updated_at""")
                    .params(institution, last, Timestamp.from(clock.instant())).update();
        }
        return open.size();
    }

    /** The collectors of the deepest branch on the loan's branch path; everyone when none matches. */
    static List<UserDirectory.Holder> nearest(List<UserDirectory.Holder> collectors, String branchPath) {
        if (branchPath == null) {
            return collectors;
        }
        Optional<Integer> depth = collectors.stream().filter(h -> h.branchPath() != null && branchPath.startsWith(h.branchPath()))
                .map(h -> h.branchPath().length()).max(Comparator.naturalOrder());
        return depth.map(d -> collectors.stream().filter(h -> h.branchPath() != null && branchPath.startsWith(h.branchPath())
                && h.branchPath().length() == d).toList()).orElse(collectors);
    }

    /** The collector after {@code last} in the pool's order, wrapping around. */
    static UserDirectory.Holder after(List<UserDirectory.Holder> pool, UUID last) {
        List<UserDirectory.Holder> sorted = new ArrayList<>(pool);
        sorted.sort(Comparator.comparing(UserDirectory.Holder::userId));
        for (UserDirectory.Holder h : sorted) {
            if (last == null || h.userId().compareTo(last) > 0) {
                return h;
            }
        }
        return sorted.getFirst();
    }

    private void give(UUID caseId, CaseViews.CaseSummary c, UserDirectory.Holder collector, String how) {
        Optional<ScoreResult> score = score(c);
        jdbc.sql("""
                update collection_case set collector_id = ?, score = coalesce(?, score), score_grade = coalesce(?, score_grade),
                    scored_on = case when ? then as_of else scored_on end, updated_at = ? where id = ?""")
                .params(collector.userId(), score.map(ScoreResult::score).orElse(null),
                        score.map(ScoreResult::grade).orElse(null), score.isPresent(), Timestamp.from(clock.instant()), caseId)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("collectorId", collector.userId().toString());
        after.put("how", how);
        score.ifPresent(s -> after.put("score", s.score()));
        audit.record(AuditRecord.changed("collection.case.assigned", "collection-case", caseId, cases.institutionOf(caseId),
                Map.of("collectorId", String.valueOf(c.collectorId())), after));
    }

    /**
     * The B-card score of the loan's behaviour: this month's delay (months past due), the balance and
     * the limit; empty when the institution has no behaviour model active (the case keeps no score).
     */
    private Optional<ScoreResult> score(CaseViews.CaseSummary c) {
        Optional<Loans.LoanSummary> loan = loans.summary(c.loanId());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("pay1", Math.min(9, (c.daysPastDue() + 29) / 30));
        inputs.put("bill1", loan.map(Loans.LoanSummary::principalOutstanding).orElse(c.amountOverdue()));
        inputs.put("limitBalance", loan.map(Loans.LoanSummary::principal).orElse(c.amountOverdue().max(BigDecimal.ONE)));
        inputs.put("paid1", c.recovered());
        // in a transaction of its own: a refusal (no behaviour model active) must not doom the assignment
        try {
            return Optional.ofNullable(separately.execute(tx -> scoring.score(new ScoreRequest(
                    loan.map(Loans.LoanSummary::productId).orElse(null), Purpose.BEHAVIOUR, c.loanId().toString(), inputs))));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    static Bucket bucketOf(CaseViews.CaseSummary c) {
        return Bucket.of(c.daysPastDue());
    }
}
