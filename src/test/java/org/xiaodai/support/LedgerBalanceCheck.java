package org.xiaodai.support;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Runs after every Spring test class (registered in {@code META-INF/spring.factories}): in the
 * context's database every voucher balances and, per institution, total debits equal total
 * credits. Whatever a test did to loans, the books must still balance.
 */
public class LedgerBalanceCheck implements TestExecutionListener, Ordered {

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (!context.containsBean("operationsDataSource")) {
            return;
        }
        JdbcClient jdbc = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));
        boolean ledgerExists = jdbc.sql("select count(*) from information_schema.tables where table_name = 'ledger_entry'")
                .query(Integer.class).single() > 0;
        if (!ledgerExists) {
            return;
        }
        List<String> unbalanced = jdbc.sql("""
                select v.id::text from ledger_voucher v left join ledger_entry e on e.voucher_id = v.id
                group by v.id having coalesce(sum(e.debit), 0) <> coalesce(sum(e.credit), 0) or count(e.*) < 2
                """).query(String.class).list();
        if (!unbalanced.isEmpty()) {
            throw new AssertionError("Vouchers that do not balance after " + testContext.getTestClass().getSimpleName()
                    + ": " + unbalanced);
        }
        List<String> books = jdbc.sql("""
                select institution_id::text from ledger_entry group by institution_id having sum(debit) <> sum(credit)
                """).query(String.class).list();
        if (!books.isEmpty()) {
            throw new AssertionError("Institutions whose debits differ from their credits after "
                    + testContext.getTestClass().getSimpleName() + ": " + books);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
