package org.xiaodai.eod;

import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class BusinessDateIntegrationTest {

    @Autowired
    BusinessDate businessDate;
    JdbcClient jdbc;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @Test
    void everyRegisteredInstitutionHasAStoredBusinessDate() {
        UUID hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        assertThat(businessDate.of(hzxd)).isNotNull();
        assertThat(jdbc.sql("select count(*) from iam_organisation o left join eod_business_date d on d.institution_id = o.id "
                + "where d.institution_id is null").query(Long.class).single()).isZero();
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

    @Test
    void anUnknownInstitutionHasNoBusinessDate() {
        assertThatThrownBy(() -> businessDate.of(UUID.randomUUID())).isInstanceOf(NoSuchElementException.class);
    }
}
