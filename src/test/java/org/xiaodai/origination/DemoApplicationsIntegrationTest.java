package org.xiaodai.origination;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo region grows applications in every state an application rests in, in both institutions. */
@IntegrationTest
class DemoApplicationsIntegrationTest {

    JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @Test
    void everyRestingStateShowsInTheDemoRegion() {
        Set<String> wanted = Set.of("DRAFT", "UNDER_REVIEW", "APPROVED", "DECLINED", "RETURNED", "WITHDRAWN", "CONTRACTED");
        List<String> states = ScoringFixtures.await(() -> {
            List<String> seen = jdbc.sql("""
                    select distinct a.status from origination_application a join iam_organisation o on o.id = a.institution_id
                    where o.code = 'HZXD' and a.customer_name like '%示例%'""").query(String.class).list();
            return seen.containsAll(wanted) ? seen : null;
        }, Duration.ofMinutes(8));
        assertThat(states).containsAll(wanted);
        assertThat(jdbc.sql("select count(*) from approval_task where status = 'OPEN' and level = 'COMMITTEE'")
                .query(Integer.class).single()).isPositive();
    }
}
