package org.xiaodai.eod;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The business date is opened by {@code eod} when {@code iam} registers an institution: the
 * pattern for every cross-module reaction. The {@link Scenario} runs inside the shared
 * {@link IntegrationTest} context ({@link EnableScenarios}), so it costs no context of its own.
 */
@IntegrationTest
@EnableScenarios
class BusinessDateIntegrationTest {

    @Autowired
    BusinessDate businessDate;
    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /**
     * Through the real API: the registration commits, the JDBC event publication registry stores
     * the event for {@code eod}'s listener, the listener opens the date in its own transaction and
     * the publication is marked completed.
     */
    @Test
    void registeringAnInstitutionOpensItsBusinessDateThroughTheEventPublicationRegistry(Scenario scenario) {
        String admin = api.token("admin", Api.ADMIN_PASSWORD);
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        scenario.stimulate(() -> register(admin, code))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> opened(code).filter(Opened::completed).orElse(null))
                .andVerify(opened -> {
                    assertThat(opened.businessDate()).as("the calendar date of registration in the region's zone")
                            .isEqualTo(opened.registeredOn());
                    assertThat(businessDate.of(opened.institutionId())).isEqualTo(opened.registeredOn());
                    assertThat(opened.publicationStatus()).isEqualTo("COMPLETED");
                });
    }

    /** The organisations of the first start: the platform operator and the demo region. */
    @Test
    void everyOrganisationOfTheFirstStartHasItsRegistrationDayAsBusinessDate() {
        for (String code : List.of("PLATFORM", "ZJJRJ", "HZXD", "NBXD")) {
            Opened opened = opened(code).orElseThrow();
            assertThat(opened.businessDate()).as("business date of %s", code).isEqualTo(opened.registeredOn());
            assertThat(businessDate.of(opened.institutionId())).as("BusinessDate.of(%s)", code)
                    .isEqualTo(opened.registeredOn());
            assertThat(opened.publicationStatus()).as("publication for %s", code).isEqualTo("COMPLETED");
        }
    }

    @Test
    void theBusinessDateIsDataNotTheClock() {
        UUID nbxd = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        LocalDate stored = jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(nbxd)
                .query(LocalDate.class).single();
        try {
            jdbc.sql("update eod_business_date set business_date = date '2031-06-30' where institution_id = ?").param(nbxd).update();
            assertThat(businessDate.of(nbxd)).isEqualTo(LocalDate.of(2031, 6, 30));
        } finally {
            jdbc.sql("update eod_business_date set business_date = ? where institution_id = ?").params(stored, nbxd).update();
        }
    }

    /**
     * Between transactions the date is kept in memory under the reference version every transaction
     * reads as it begins; a date moved behind the application's back (by hand, or by another instance)
     * bumps it, so the next transaction reads the new date, while a transaction already running keeps
     * the one date it began working on.
     */
    @Test
    void aDateMovedElsewhereIsSeenByTheNextTransactionAndARunningOneKeepsItsOwn() {
        UUID nbxd = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        LocalDate stored = jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(nbxd)
                .query(LocalDate.class).single();
        long before = jdbc.sql("select version from platform_reference_version").query(Long.class).single();
        try {
            assertThat(inTransaction(() -> businessDate.of(nbxd))).isEqualTo(stored);
            assertThat(inTransaction(() -> businessDate.of(nbxd))).as("kept across transactions").isEqualTo(stored);
            LocalDate inRunning = inTransaction(() -> {
                LocalDate first = businessDate.of(nbxd);
                jdbc.sql("update eod_business_date set business_date = date '2031-06-30' where institution_id = ?")
                        .param(nbxd).update();
                assertThat(businessDate.of(nbxd)).as("one date per transaction").isEqualTo(first);
                return first;
            });
            assertThat(inRunning).isEqualTo(stored);
            assertThat(jdbc.sql("select version from platform_reference_version").query(Long.class).single())
                    .as("the change bumped the reference version").isGreaterThan(before);
            assertThat(inTransaction(() -> businessDate.of(nbxd))).as("the next transaction reads the moved date")
                    .isEqualTo(LocalDate.of(2031, 6, 30));
        } finally {
            jdbc.sql("update eod_business_date set business_date = ? where institution_id = ?").params(stored, nbxd).update();
        }
        assertThat(inTransaction(() -> businessDate.of(nbxd))).isEqualTo(stored);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Test
    void anUnknownInstitutionHasNoBusinessDate() {
        assertThatThrownBy(() -> businessDate.of(UUID.randomUUID())).isInstanceOf(NoSuchElementException.class);
    }

    private Api.Response register(String adminToken, String code) {
        Api.Response registered = api.post("/api/v1/institutions", adminToken, Map.of("kind", "LENDER",
                "code", code, "name", "测试小贷 " + code, "regionCode", "330100"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered;
    }

    /** What the reaction left behind for the institution {@code code}: its date and the event's publication. */
    record Opened(UUID institutionId, LocalDate registeredOn, LocalDate businessDate, String publicationStatus,
                  OffsetDateTime publicationCompleted) {
        boolean completed() {
            return businessDate != null && publicationCompleted != null;
        }
    }

    private Optional<Opened> opened(String code) {
        return jdbc.sql("""
                select o.id, (o.created_at at time zone 'Asia/Shanghai')::date as registered_on, d.business_date,
                       p.status, p.completion_date
                from iam_organisation o
                left join eod_business_date d on d.institution_id = o.id
                left join event_publication p on p.event_type = 'org.xiaodai.iam.InstitutionRegistered'
                     and p.listener_id like '%JdbcBusinessDate.open%' and p.serialized_event like '%' || o.id || '%'
                where o.code = ?
                """).param(code).query((rs, n) -> new Opened(rs.getObject("id", UUID.class),
                        rs.getObject("registered_on", LocalDate.class), rs.getObject("business_date", LocalDate.class),
                        rs.getString("status"), rs.getObject("completion_date", OffsetDateTime.class)))
                .optional();
    }
}
