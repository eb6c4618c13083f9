package org.xiaodai.contract.internal;

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
 * The demo region's signed contracts: once the demo reviews have issued contracts (their number stops
 * changing), the demo officer records the borrower's acceptance of every other one, so contracted
 * applications (and, with servicing, their loans) show beside contracts awaiting signature.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class ContractDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContractDemo.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ContractService contracts;
    private final DemoSeeding seeding;

    ContractDemo(JdbcClient jdbc, TransactionTemplate transactions, ContractService contracts, DemoSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.contracts = contracts;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.start("contract-demo", () -> {
            for (String prefix : List.of("a-", "b-")) {
                try {
                    seed(prefix);
                } catch (RuntimeException e) {
                    log.warn("Demo acceptances not made: {}", e.toString());
                }
            }
        });
    }

    private void seed(String prefix) {
        Optional<CurrentUser> officer = user(prefix + "officer", Set.of("contract:accept", "contract:view"));
        if (officer.isEmpty()) {
            return;
        }
        CurrentUser o = officer.get();
        if (!settled(() -> as(o, () -> jdbc.sql("select count(*) from contract").query(Integer.class).single()))) {
            return;
        }
        if (as(o, () -> jdbc.sql("select exists (select from contract where status = 'ACCEPTED' and text_body like '%示例%')").query(Boolean.class).single())) {
            return;
        }
        List<UUID> issued = as(o, () -> jdbc.sql("select id from contract where status = 'ISSUED' and text_body like '%示例%' order by issued_at")
                .query(UUID.class).list());
        for (int i = 0; i < issued.size(); i += 2) {
            UUID id = issued.get(i);
            try {
                as(o, () -> contracts.accept(o, id, null, true, "192.0.2.10"));
            } catch (RuntimeException e) {
                log.debug("Demo acceptance skipped: {}", e.toString());
            }
        }
        log.info("Demo contracts accepted for {}", prefix + "officer");
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
