package org.xiaodai.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.Customers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.shared.Masking;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The demo borrower (embedded database with {@code xiaodai.demo} on): mobile {@value #MOBILE},
 * password {@code Demo@2026xd}, the demo region's person whose ID number both demo institutions hold,
 * linked to that customer record in HZXD and in NBXD, so the portal shows their loans, schedules
 * and statements there. Linked directly, as an officer's onboarding would (the demo customers'
 * own mobiles are random), once.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class PortalDemo implements ApplicationRunner {

    static final String MOBILE = "13900001234";
    static final String PASSWORD = "Demo@2026xd";
    /** The number the customer module's demo data gives the person both demo institutions hold (a synthetic one). */
    static final String SHARED_ID = "330106198505051230";
    private static final Logger log = LoggerFactory.getLogger(PortalDemo.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Customers customers;
    private final InstitutionDirectory institutions;
    private final Borrowers borrowers;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PortalDemo(JdbcClient jdbc, TransactionTemplate transactions, Customers customers, InstitutionDirectory institutions,
               Borrowers borrowers, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = customers;
        this.institutions = institutions;
        this.borrowers = borrowers;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (borrowers.registered(MOBILE)) {
            return;
        }
        String hash = borrowers.mobileHash(MOBILE);
        UUID borrower = UUID.randomUUID();
        String name = null;
        Map<UUID, UUID> links = new java.util.LinkedHashMap<>();
        for (InstitutionDirectory.Institution lender : TenantWall.regionWide(institutions::lenders)) {
            if (!lender.code().equals("HZXD") && !lender.code().equals("NBXD")) {
                continue;
            }
            var customer = TenantWall.asInstitution(lender.id(), () -> transactions.execute(tx ->
                    customers.individualWithIdNumber(SHARED_ID).flatMap(customers::profile)));
            if (customer != null && customer.isPresent()) {
                links.put(lender.id(), customer.get().id());
                name = name == null ? customer.get().name() : name;
            }
        }
        if (links.isEmpty()) {
            return;
        }
        String displayName = name;
        TenantWall.asInstitution(borrowers.home(), () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                insert into portal_borrower (id, mobile_hash, mobile_hash_keyed, person_key, mobile_masked, display_name,
                    password_hash, language, created_at)
                values (?, ?, true, ?, ?, ?, ?, 'zh', ?)""").params(borrower, hash,
                customers.personKey(SHARED_ID, MOBILE).orElse(null), Masking.maskMobile(MOBILE), displayName,
                passwords.encode(PASSWORD), Timestamp.from(clock.instant())).update()));
        links.forEach((institution, customer) -> TenantWall.asInstitution(institution, () ->
                transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into portal_link (institution_id, customer_id, borrower_id, created_at) values (?, ?, ?, ?)
                        on conflict do nothing""").params(institution, customer, borrower, Timestamp.from(clock.instant()))
                        .update())));
        log.info("Demo borrower for the portal: mobile {} linked in {} institutions", MOBILE, links.size());
    }
}
