package org.xiaodai.iam.internal;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token's one statement: the whole principal, region-wide, and a caller's transaction
 * keeps its own tenant setting around it.
 */
@IntegrationTest
class TokenHoldersIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void resolvesATokenToItsUsersWholePrincipal() {
        String token = new Api(port).token("a-officer", Api.DEMO_PASSWORD);

        CurrentUser officer = tokens.resolve(token).orElseThrow();

        assertThat(officer.username()).isEqualTo("a-officer");
        assertThat(officer.organisationKind()).isEqualTo(OrganisationKind.LENDER);
        assertThat(officer.scope().branchPath()).as("the officer's branch E01").isNotBlank();
        assertThat(officer.permissions()).isNotEmpty();
        assertThat(tokens.resolve(token.substring(0, token.length() - 1) + "x")).isEmpty();
    }

    @Test
    void resolvesTheSameTokenAgainAndAgainOnceTheDriverHasServerPreparedTheStatement() {
        String token = new Api(port).token("b-officer", Api.DEMO_PASSWORD);
        // pgjdbc server-prepares a statement from its fifth execution on a connection
        for (int i = 0; i < 12; i++) {
            assertThat(tokens.resolve(token)).as("resolution %d", i + 1).isPresent();
        }
    }

    @Test
    void aLookupInsideACallersTransactionLeavesThatTransactionsSettingAsItWas() {
        String token = new Api(port).token("b-officer", Api.DEMO_PASSWORD);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID hzxd = regionWide(jdbc, "select id from iam_organisation where code = 'HZXD'");

        String[] inside = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> {
            assertThat(tokens.resolve(token)).as("b-officer of another institution still resolves").isPresent();
            return jdbc.sql("""
                    select current_user, current_setting('xiaodai.institution_id', true),
                           (select count(*) from iam_user where username = 'b-officer')""")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        }));

        assertThat(inside[0]).isEqualTo("xiaodai_app");
        assertThat(inside[1]).isEqualTo(hzxd.toString());
        assertThat(inside[2]).as("the caller's transaction still sees only its institution").isEqualTo("0");
    }

    private UUID regionWide(JdbcClient jdbc, String sql) {
        return TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql(sql).query(UUID.class).single()));
    }
}
