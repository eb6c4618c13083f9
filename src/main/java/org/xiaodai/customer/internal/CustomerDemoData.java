package org.xiaodai.customer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.BlacklistReason;
import org.xiaodai.customer.CustomerKind;
import org.xiaodai.customer.domain.SyntheticIds;
import org.xiaodai.customer.domain.ValidCustomer;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The demo region's customers (embedded database with {@code xiaodai.demo} on): a few hundred
 * synthetic individuals and enterprises in each demo institution, owned by its loan officer, with
 * valid check digits and obviously fictitious names (…示例…); one ID number that both
 * institutions hold, and one that NBXD put on the regional blacklist and HZXD holds. Seeded once,
 * after the demo identities exist; deterministic (fixed random seed). Runs first among the start-up
 * runners, on the start-up thread: the other modules' demos (applications, loans, the portal's borrower)
 * start from these customers, and a runner's order is otherwise the order Spring found the beans in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class CustomerDemoData implements ApplicationRunner {

    /** Held by a customer of both demo institutions (duplicate / multi-lending detection). */
    static final String SHARED_ID = SyntheticIds.residentId("330106", LocalDate.of(1985, 5, 5), 123);
    /** On the regional blacklist (listed by NBXD), and a customer of HZXD. */
    static final String BLACKLISTED_ID = SyntheticIds.residentId("330203", LocalDate.of(1979, 11, 23), 457);
    static final int PER_INSTITUTION = 150;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] TRADES = {"商贸", "农业科技", "餐饮管理", "物流", "建材", "服饰"};
    private static final String[] INDUSTRIES = {"A01", "C18", "F52", "G54", "H62", "E47"};
    private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);

    private final JdbcClient jdbc;
    private final CustomerRepository repository;
    private final PiiFields pii;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CustomerDemoData(JdbcClient jdbc, CustomerRepository repository, PiiFields pii, TransactionTemplate transactions,
                     Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.pii = pii;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A demo institution and the officer who owns its demo customers. */
    record Demo(String code, UUID institutionId, UUID officerId, String branchPath) {
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Demo> demos = List.of("HZXD", "NBXD").stream().map(this::demo).flatMap(Optional::stream).toList();
        for (Demo demo : demos) {
            TenantWall.asInstitution(demo.institutionId(), () -> transactions.executeWithoutResult(tx -> seed(demo)));
        }
    }

    /** Read region-wide from identity and access's tables: the seeder works before anybody signs in. */
    private Optional<Demo> demo(String code) {
        return TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql("""
                        select o.id, u.id, b.path from iam_organisation o
                        join iam_user u on u.institution_id = o.id and u.username = ?
                        left join iam_branch b on b.id = u.branch_id where o.code = ?""")
                .params(code.equals("HZXD") ? "a-officer" : "b-officer", code)
                .query((rs, n) -> new Demo(code, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional()));
    }

    private void seed(Demo demo) {
        if (jdbc.sql("select exists (select from customer)").query(Boolean.class).single()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(demo.code().hashCode());
        Instant start = clock.instant().minusSeconds(3600L * 24 * 400);
        for (int i = 0; i < PER_INSTITUTION; i++) {
            UUID id = UUID.randomUUID();
            Instant at = start.plusSeconds(i * 3600L * 24 * 400 / PER_INSTITUTION);
            ValidCustomer customer = customer(demo, i, random);
            repository.insert(pii.sealCustomer(id, demo.institutionId(), customer, demo.branchPath(), demo.officerId(), at));
            if (i % 3 == 0) {
                consent(demo, id, at);
            }
            if (i % 5 == 0 && customer.kind() == CustomerKind.INDIVIDUAL) {
                spouse(demo, id, i, random, at);
            }
        }
        if (demo.code().equals("NBXD")) {
            jdbc.sql("""
                    insert into customer_blacklist_entry (institution_id, id_number_index, id_number_masked, reason, evidence,
                        created_at) values (?, ?, ?, ?, ?, ?)""")
                    .params(demo.institutionId(), pii.idNumberIndex(BLACKLISTED_ID), PiiFields.maskId(BLACKLISTED_ID),
                            BlacklistReason.FRAUD.name(), "演示数据：伪造收入证明（示例卷宗 DEMO-001）",
                            java.sql.Timestamp.from(clock.instant()))
                    .update();
        }
        log.info("Demo customers created for {}: {}", demo.code(), PER_INSTITUTION);
    }

    private ValidCustomer customer(Demo demo, int i, SplittableRandom random) {
        String idNumber = i == 0 ? SHARED_ID : i == 1 && demo.code().equals("HZXD") ? BLACKLISTED_ID
                : SyntheticIds.residentId(random);
        String number = String.format("%03d", i);
        if (i % 10 == 9) {
            String region = demo.code().equals("HZXD") ? "330106" : "330203";
            return new ValidCustomer(CustomerKind.ENTERPRISE, "示例" + TRADES[i % TRADES.length] + "有限公司" + number,
                    SyntheticIds.creditCode(region, random), SyntheticIds.mobile(random), SyntheticIds.bankCard(random),
                    region, "浙江省示例市示例路 " + (i + 1) + " 号", INDUSTRIES[i % INDUSTRIES.length], null, null,
                    SURNAMES[i % SURNAMES.length] + "示例", BigDecimal.valueOf(500_000L + random.nextInt(50) * 100_000L),
                    List.of());
        }
        String card = SyntheticIds.bankCard(random);
        return new ValidCustomer(CustomerKind.INDIVIDUAL, SURNAMES[i % SURNAMES.length] + "示例" + number,
                idNumber, SyntheticIds.mobile(random), card, idNumber.substring(0, 6),
                "浙江省示例市示例街道 " + (i + 1) + " 号", INDUSTRIES[i % INDUSTRIES.length], "示例单位" + (i % 17),
                BigDecimal.valueOf(3000 + random.nextInt(300) * 100L), null, null, List.of());
    }

    /** A spouse with encrypted identifiers, as an officer would add one. */
    private void spouse(Demo demo, UUID customer, int i, SplittableRandom random, Instant at) {
        UUID id = UUID.randomUUID();
        String idNumber = SyntheticIds.residentId(random);
        String mobile = SyntheticIds.mobile(random);
        var sealedId = pii.seal("customer_related_party", id, PiiFields.ID_NUMBER, idNumber);
        var sealedMobile = pii.seal("customer_related_party", id, PiiFields.MOBILE, mobile);
        jdbc.sql("""
                insert into customer_related_party (id, institution_id, customer_id, relation, name, id_number_cipher,
                    id_number_key_id, id_number_index, id_number_masked, mobile_cipher, mobile_key_id, mobile_masked,
                    created_at) values (?, ?, ?, 'SPOUSE', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, demo.institutionId(), customer, SURNAMES[(i + 3) % SURNAMES.length] + "示例配偶",
                        sealedId.ciphertext(), sealedId.keyId(), pii.idNumberIndex(idNumber), PiiFields.maskId(idNumber),
                        sealedMobile.ciphertext(), sealedMobile.keyId(), org.xiaodai.shared.Masking.maskMobile(mobile),
                        java.sql.Timestamp.from(at))
                .update();
    }

    private void consent(Demo demo, UUID customer, Instant at) {
        jdbc.sql("""
                insert into customer_consent (institution_id, customer_id, purpose, channel, text_version, granted_at,
                    created_by, created_at) values (?, ?, 'CREDIT_BUREAU_QUERY', 'BRANCH', 'CB-2026.1', ?, ?, ?)""")
                .params(demo.institutionId(), customer, java.sql.Timestamp.from(at), demo.officerId(),
                        java.sql.Timestamp.from(at))
                .update();
    }
}
