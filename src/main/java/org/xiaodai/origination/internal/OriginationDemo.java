package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.origination.domain.LoanPurpose;
import org.xiaodai.product.DocumentRequirement;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The demo region's applications (embedded database with {@code xiaodai.demo} on): in each demo
 * institution about thirty applications of its officer's demo customers, entered and (most) submitted
 * through the same services the officer drives: drafts, withdrawn ones, automatic approvals and
 * declines, and the rest under review. Approval's demo then decides some of the reviews (returned,
 * declined, at 终审, at the committee, approved) and the contract module's demo accepts some contracts,
 * so every state an application can rest in shows. Runs in the background once the demo products and
 * the A-card exist (start-up does not wait), and only when the institution has no application yet.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class OriginationDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OriginationDemo.class);
    private static final String[] PLAN = {"DRAFT", "L1", "CONTRACTED", "L2", "APPROVED", "RETURNED", "DECLINED",
            "WITHDRAWN", "CONTRACTED", "L1", "APPROVED", "COMMITTEE", "CONTRACTED", "DECLINED", "L2", "DRAFT"};

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationService applications;
    private final Products products;
    private final Customers customers;
    private final Scoring scoring;
    private final DemoSeeding seeding;

    OriginationDemo(JdbcClient jdbc, TransactionTemplate transactions, ApplicationService applications, Products products,
                    Customers customers, Scoring scoring, DemoSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.applications = applications;
        this.products = products;
        this.customers = customers;
        this.scoring = scoring;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.start("origination-demo", () -> {
            for (String code : List.of("HZXD", "NBXD")) {
                try {
                    seed(code);
                } catch (RuntimeException e) {
                    log.warn("Demo applications for {} not created: {}", code, e.toString());
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        });
    }

    private void seed(String code) {
        Map<String, CurrentUser> users = users(code);
        if (users.isEmpty()) {
            return;
        }
        CurrentUser officer = users.get("officer");
        UUID institution = officer.organisationId();
        as(officer, () -> jdbc.sql("""
                insert into origination_net_assets (institution_id, effective_from, net_assets) values (?, ?, ?)
                on conflict do nothing""").params(institution, LocalDate.of(2025, 12, 31),
                code.equals("HZXD") ? new BigDecimal("120000000") : new BigDecimal("80000000")).update());
        if (as(officer, () -> jdbc.sql("select exists (select from origination_application where customer_name like '%示例%')").query(Boolean.class).single())) {
            return;
        }
        ProductVersion consumer = await(() -> as(officer, () -> products.current().stream()
                .filter(p -> p.definition().code().equals("XF-01")).findFirst().orElse(null)));
        ProductVersion mortgage = as(officer, () -> products.current().stream()
                .filter(p -> p.definition().code().equals("XF-02")).findFirst().orElse(null));
        await(() -> {
            try {
                return as(officer, () -> {
                    scoring.score(new ScoreRequest(null, Purpose.APPLICATION, "demo-probe", Map.of("termMonths", 12)));
                    return Boolean.TRUE;
                });
            } catch (RuntimeException e) {
                return null;
            }
        });
        List<UUID> borrowers = as(officer, () -> jdbc.sql("""
                select id from customer where owner_id = ? and kind = 'INDIVIDUAL' order by created_at""")
                .param(officer.userId()).query(UUID.class).list()).stream()
                .filter(id -> as(officer, () -> customers.hasLiveConsent(id, ConsentPurpose.CREDIT_BUREAU_QUERY)))
                .toList();
        int made = 0;
        for (int i = 0; i < borrowers.size() && i < 32; i++) {
            String plan = PLAN[i % PLAN.length];
            try {
                make(plan, i, borrowers.get(i), plan.equals("COMMITTEE") && mortgage != null ? mortgage : consumer, officer);
                made++;
            } catch (RuntimeException e) {
                log.debug("Demo application {} ({}) skipped: {}", i, plan, e.toString());
            }
        }
        log.info("Demo applications created for {}: {}", code, made);
    }

    private void make(String plan, int i, UUID customer, ProductVersion product, CurrentUser officer) {
        boolean committee = plan.equals("COMMITTEE");
        BigDecimal amount = committee ? new BigDecimal("300000")
                : switch (plan) {
                    case "DRAFT", "WITHDRAWN", "DECLINED" -> BigDecimal.valueOf(20_000L + i * 1_000L);
                    default -> BigDecimal.valueOf(60_000L + (i % 7) * 15_000L);
                };
        List<String> documents = product.definition().documents().stream().map(DocumentRequirement::document)
                .map(Enum::name).toList();
        List<NewApplication.Collateral> collateral = committee ? List.of(new NewApplication.Collateral(
                org.xiaodai.origination.domain.CollateralType.REAL_ESTATE, "杭州市示例小区住宅（演示）", new BigDecimal("900000"),
                applications.today(officer.organisationId()).minusDays(20))) : List.of();
        NewApplication a = new NewApplication(customer, product.productId(), amount, 12 + (i % 3) * 6,
                product.definition().minAnnualInterestRatePercent().add(new BigDecimal("1.2")),
                i % 4 == 0 ? LoanPurpose.HOME_IMPROVEMENT : LoanPurpose.CONSUMPTION, i % 5 == 0 ? "ONLINE" : "OFFLINE",
                Map.ofEntries(Map.entry("currentAccount", i % 3 == 0 ? "A14" : "A12"),
                        Map.entry("savings", i % 2 == 0 ? "A65" : "A61"), Map.entry("employmentLength", "A74"),
                        Map.entry("installmentRate", 2), Map.entry("housing", "A152"), Map.entry("job", "A173"),
                        Map.entry("property", i % 2 == 0 ? "A121" : "A123"), Map.entry("otherInstallments", "A143"),
                        Map.entry("telephone", i % 3 == 0 ? "A192" : "A191"), Map.entry("guarantor", "A101"),
                        Map.entry("residenceYears", 1 + i % 4), Map.entry("dependents", 1 + i % 2)),
                documents, collateral, List.of(), null);
        UUID id = as(officer, () -> applications.create(officer, a, null, null));
        if (plan.equals("DRAFT")) {
            return;
        }
        if (plan.equals("WITHDRAWN")) {
            as(officer, () -> applications.withdraw(officer, id));
            return;
        }
        as(officer, () -> applications.submit(officer, id, null, null));
    }

    /** The demo users of an institution as signed-in principals (read region-wide: nobody is signed in). */
    private Map<String, CurrentUser> users(String code) {
        Map<String, CurrentUser> users = new java.util.HashMap<>();
        String prefix = code.equals("HZXD") ? "a-" : "b-";
        Map<String, Set<String>> permissions = Map.of(
                "officer", Set.of("application:create", "application:investigate", "application:view"),
                "reviewer", Set.of());
        for (String role : List.of("officer")) {
            Optional<CurrentUser> user = TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql("""
                            select u.id, u.username, u.display_name, u.institution_id, u.data_scope, b.path
                            from iam_user u left join iam_branch b on b.id = u.branch_id where u.username = ?""")
                    .param(prefix + role)
                    .query((rs, n) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        UUID institution = rs.getObject(4, UUID.class);
                        DataScope scope = new DataScope(ScopeLevel.valueOf(rs.getString(5)), institution, rs.getString(6), id);
                        return new CurrentUser(id, rs.getString(2), rs.getString(3), institution, OrganisationKind.LENDER, scope,
                                permissions.get(role), false, 0);
                    }).optional()));
            user.ifPresent(u -> users.put(role, u));
        }
        return users;
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

    private void as(CurrentUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T await(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("demo prerequisites not ready");
    }
}
