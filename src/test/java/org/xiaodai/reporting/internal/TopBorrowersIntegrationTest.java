package org.xiaodai.reporting.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ten largest borrowers ({@link Snapshots#TOP_BORROWERS}, ranked on a {@code float8} sum with an error bound, the
 * candidates summed exactly) are the same ten lines as ranking every borrower on the exact {@code numeric} sum: over a
 * detail whose balances near the tenth place differ by 0.0001 at 10¹³ (beyond a {@code float8}'s precision), ties
 * included, and a borrower with two loans whose exact sum ranks among them.
 */
@IntegrationTest
class TopBorrowersIntegrationTest {

    /** 32 borrowers: 15 of ~12,345,678,901,234 apart by 0.0001 each, one with two loans summing above them, two tied with the tenth, 14 small. */
    private static final String DETAIL = """
            with detail as (
                select c.customer_id, c.balance, round(c.balance / 10, 4) as overdue_principal, c.grade_code,
                       date '2026-11-15' as disbursement_date, c.balance + 100 as principal, 1.2300::numeric as amount_paid
                  from (select ('00000000-0000-0000-0000-' || lpad(k::text, 12, '0'))::uuid as customer_id,
                               12345678901234.0001 + k * 0.0001 as balance, case when k % 3 = 0 then '3' else '1' end as grade_code
                          from generate_series(1, 15) k
                        union all
                        select '00000000-0000-0000-0000-000000000099'::uuid, v, '1'
                          from (values (6172839450617.0000), (6172839450617.0017)) b(v)
                        union all
                        select ('00000000-0000-0000-0001-' || lpad(k::text, 12, '0'))::uuid, 1000.00 + k, '1'
                          from generate_series(1, 14) k
                        union all
                        select ('00000000-0000-0000-0000-' || lpad(k::text, 12, '0'))::uuid, 12345678901234.0008, '2'
                          from generate_series(40, 41) k) c
            )
            """;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("operationsDataSource")
    DataSource superuserDataSource;

    @Test
    void theTenLargestBorrowersAreTheExactRanking() {
        JdbcClient superuser = JdbcClient.create(superuserDataSource);
        UUID inst = ServicingTestUtils.newInstitution(new Api(port), superuser);
        UUID returnId = UUID.randomUUID();
        superuser.sql("""
                insert into reporting_return (id, institution_id, period, version, status, as_of, collected_on, due_on,
                    loans, balance, quality_score, generated_at, generated_by, generated_by_name)
                values (?, ?, '2026-11', 1, 'GENERATED', date '2026-11-30', date '2026-11-30', date '2026-12-05', 0, 0, 0,
                        now(), null, 'test')""").params(returnId, inst).update();
        superuser.sql(DETAIL + Snapshots.TOP_BORROWERS).param("returnId", returnId).param("institution", inst)
                .param("start", LocalDate.of(2026, 11, 1)).update();

        List<Map<String, Object>> exact = superuser.sql(DETAIL + """
                select customer_id::text as key, count(*) as loans, sum(balance) as balance, sum(overdue_principal) as overdue,
                       coalesce(sum(balance) filter (where grade_code in ('3', '4', '5')), 0) as npl, sum(amount_paid) as repaid
                  from detail group by customer_id order by sum(balance) desc, customer_id limit 10""").query().listOfRows();
        List<Map<String, Object>> lines = superuser.sql("""
                select key, loans, balance, overdue_principal as overdue, npl_balance as npl, repaid from reporting_return_line
                 where return_id = ? and dimension = 'TOP_BORROWER' order by balance desc, key""").param(returnId)
                .query().listOfRows();

        assertThat(lines).hasSize(10);
        assertThat(lines.stream().map(r -> r.get("key")).toList()).isEqualTo(exact.stream().map(r -> r.get("key")).toList());
        for (int i = 0; i < 10; i++) {
            for (String column : List.of("loans", "balance", "overdue", "npl", "repaid")) {
                assertThat(new java.math.BigDecimal(lines.get(i).get(column).toString()))
                        .as(lines.get(i).get("key") + " " + column)
                        .isEqualByComparingTo(new java.math.BigDecimal(exact.get(i).get(column).toString()));
            }
        }
        // the borrower with two loans (12,345,678,901,234.0017) is first; three borrowers tie at .0008 for the tenth
        // place, which goes to the lowest customer id
        assertThat(lines.get(0).get("key")).isEqualTo("00000000-0000-0000-0000-000000000099");
        assertThat(lines.get(9).get("key")).isEqualTo("00000000-0000-0000-0000-000000000007");
        assertThat(lines.stream().map(r -> (String) r.get("key")).toList())
                .doesNotContain("00000000-0000-0000-0000-000000000040", "00000000-0000-0000-0000-000000000041");
    }
}
