package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the due-date reminder reads ({@link BorrowerLoans#installmentsDueOn}): each active loan with an
 * installment due that day, owing what is still unpaid of it, inside the caller's institution only.
 */
@IntegrationTest
class InstallmentsDueIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    BorrowerLoans loans;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @Test
    void anActiveLoansNextInstallmentIsDueOnItsDateWithWhatIsStillUnpaid() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID hzxd = institution("HZXD");
        LocalDate today = superuser.sql("select business_date from eod_business_date where institution_id = ?")
                .param(hzxd).query(LocalDate.class).single();
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("12000.00", "12", 12, today.minusDays(10)),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        util.activate(hzxd, loanId, today.minusDays(10));
        LocalDate due = today.minusDays(10).plusMonths(1);
        BigDecimal first = superuser.sql("""
                select r.total from servicing_schedule_row r join servicing_loan l on l.id = r.loan_id
                where r.loan_id = ? and r.version = l.schedule_version and r.n = 1""").param(loanId)
                .query(BigDecimal.class).single();

        List<BorrowerLoans.UpcomingInstallment> onDue = TenantWall.asInstitution(hzxd, () -> loans.installmentsDueOn(due));
        assertThat(onDue).filteredOn(i -> i.loanId().equals(loanId)).singleElement().satisfies(i -> {
            assertThat(i.dueDate()).isEqualTo(due);
            assertThat(i.amount()).isEqualByComparingTo(first);
        });
        assertThat(TenantWall.asInstitution(hzxd, () -> loans.installmentsDueOn(due.plusDays(1))))
                .as("nothing due the day after").noneMatch(i -> i.loanId().equals(loanId));
        assertThat(TenantWall.asInstitution(institution("NBXD"), () -> loans.installmentsDueOn(due)))
                .as("another institution's reminder never sees it").noneMatch(i -> i.loanId().equals(loanId));
    }

    private UUID institution(String code) {
        return superuser.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }
}
