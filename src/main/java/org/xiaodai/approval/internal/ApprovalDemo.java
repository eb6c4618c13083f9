package org.xiaodai.approval.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.demo.DemoSeeding;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The demo region's reviews: once origination's demo has submitted its applications (the number of
 * cases stops changing), the demo reviewer and approver decide some of the open ones — returned,
 * declined, approved at 初审 and left at 终审, approved through 终审, and a committee case with one
 * vote — and leave the rest in the queue, so every state shows. Background, once per institution;
 * only the demo customers' applications (names with 示例) are touched.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class ApprovalDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDemo.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApprovalService approvals;
    private final DemoSeeding seeding;

    ApprovalDemo(JdbcClient jdbc, TransactionTemplate transactions, ApprovalService approvals, DemoSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.approvals = approvals;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.start("approval-demo", () -> {
            for (String prefix : List.of("a-", "b-")) {
                try {
                    seed(prefix);
                } catch (RuntimeException e) {
                    log.warn("Demo reviews not made: {}", e.toString());
                }
            }
        });
    }

    private void seed(String prefix) {
        Optional<CurrentUser> reviewer = user(prefix + "reviewer", Set.of("loan:approve:l1"));
        Optional<CurrentUser> approver = user(prefix + "approver",
                Set.of("loan:approve:l1", "loan:approve:l2", "loan:approve:committee"));
        if (reviewer.isEmpty() || approver.isEmpty()) {
            return;
        }
        CurrentUser r = reviewer.get();
        CurrentUser a = approver.get();
        if (!settled(() -> as(r, () -> jdbc.sql("select count(*) from approval_case").query(Integer.class).single()))) {
            return;
        }
        if (as(r, () -> jdbc.sql("select exists (select from approval_decision d join approval_case c on c.id = d.case_id "
                        + "where d.decided_by is not null and c.snapshot->>'customerName' like '%示例%')")
                .query(Boolean.class).single())) {
            return;
        }
        record Open(UUID application, String route) {
        }
        List<Open> open = as(r, () -> jdbc.sql("""
                select t.application_id, c.route from approval_task t join approval_case c on c.id = t.case_id
                where t.status = 'OPEN' and t.level = 'L1' and c.snapshot->>'customerName' like '%示例%'
                order by t.created_at""")
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getString(2))).list());
        int k = 0;
        for (Open o : open) {
            try {
                if (o.route().equals("COMMITTEE")) {
                    decide(r, o.application(), "APPROVE", "抵押充足，提交委员会（演示）");
                    decide(a, o.application(), "APPROVE", "同意（演示）");
                    continue;
                }
                switch (k++ % 6) {
                    case 1 -> decide(r, o.application(), "RETURN", "请补充近六个月银行流水（演示）");
                    case 2 -> decide(r, o.application(), "APPROVE", "收入稳定，同意（演示）");
                    case 3 -> decide(r, o.application(), "DECLINE", "负债收入比过高（演示）");
                    case 4, 5 -> {
                        decide(r, o.application(), "APPROVE", "收入稳定，同意（演示）");
                        decide(a, o.application(), "APPROVE", "终审同意（演示）");
                    }
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                log.debug("Demo decision skipped: {}", e.toString());
            }
        }
        log.info("Demo reviews made for {}", prefix + "reviewer");
    }

    private void decide(CurrentUser user, UUID application, String decision, String comment) {
        as(user, () -> approvals.decide(user, application,
                new ApprovalService.DecisionCommand(decision, comment, null, null, null, List.of())));
    }

    private Optional<CurrentUser> user(String username, Set<String> permissions) {
        return TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql("""
                        select u.id, u.username, u.display_name, u.institution_id, u.data_scope, b.path
                        from iam_user u left join iam_branch b on b.id = u.branch_id where u.username = ?""")
                .param(username)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID institution = rs.getObject(4, UUID.class);
                    return new CurrentUser(id, rs.getString(2), rs.getString(3), institution, OrganisationKind.LENDER,
                            new DataScope(ScopeLevel.valueOf(rs.getString(5)), institution, rs.getString(6), id),
                            permissions, false, 0);
                }).optional()));
    }

    /** Runs {@code work} signed in as {@code user}, in a transaction of its own (the tenant wall needs one). */
    private <T> T as(CurrentUser user, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return transactions.execute(tx -> work.get());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** True once the count is positive and has not changed for 15 s (at most 8 minutes). */
    private static boolean settled(Supplier<Integer> count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        int last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = count.get();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since >= Duration.ofSeconds(15).toNanos()) {
                return true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
