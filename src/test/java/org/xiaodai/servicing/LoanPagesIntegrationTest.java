package org.xiaodai.servicing;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The loan list, the loan account with its repayment entry, the vouchers fragment and the ledger page, signed in as finance. */
@IntegrationTest
class LoanPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @Test
    void financeBooksARepaymentOnTheLoanAccountAndSeesItsVouchersAndTheLedger() throws Exception {
        UUID loanId = new ServicingTestUtils(context).disbursedLoan(superuser, "HZXD");
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("a-finance").password(Api.DEMO_PASSWORD))
                .andReturn().getRequest().getSession(false);

        MvcResult list = mvc.perform(get("/loans?status=ACTIVE&size=200&sort=disbursementDate").session(session)).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(list.getResponse().getContentAsString()).contains(loanId.toString());

        MvcResult page = mvc.perform(get("/loans/" + loanId).session(session)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("repayment-entry").contains("6000.00").contains("grade-history");

        MvcResult booked = mvc.perform(post("/loans/" + loanId + "/repayments").session(session).with(csrf())
                .param("amount", "123.45").param("channel", "CASH").param("idempotencyKey", "page-" + loanId)).andReturn();
        assertThat(booked.getResponse().getStatus()).isEqualTo(302);
        assertThat(superuser.sql("select count(*) from servicing_transaction where loan_id = ? and amount = 123.45")
                .param(loanId).query(Integer.class).single()).isEqualTo(1);

        MvcResult refused = mvc.perform(post("/loans/" + loanId + "/repayments").session(session).with(csrf())
                .param("amount", "-5").param("channel", "CASH").param("idempotencyKey", "page2-" + loanId)).andReturn();
        assertThat(refused.getResponse().getStatus()).as("a bad amount is shown on the page").isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("field-error");

        MvcResult vouchers = mvc.perform(get("/ledger/loans/" + loanId + "/vouchers").session(session)).andReturn();
        assertThat(vouchers.getResponse().getStatus()).isEqualTo(200);
        assertThat(vouchers.getResponse().getContentAsString()).contains("1303").contains("123.45");

        MvcResult ledger = mvc.perform(get("/ledger").session(session)).andReturn();
        assertThat(ledger.getResponse().getStatus()).isEqualTo(200);
        assertThat(ledger.getResponse().getContentAsString()).contains("trial-balance").contains("1002").contains("reconciliation");
    }
}
