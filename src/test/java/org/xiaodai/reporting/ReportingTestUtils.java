package org.xiaodai.reporting;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures the reporting integration tests share: returns generated inside an institution's wall, loans booked and
 * paid out on a chosen date, a lending fingerprint, downloads with a bearer token, and the XML check against the
 * shipped XSD.
 */
final class ReportingTestUtils {

    /** The actor a test generates a return as. */
    record TestActor(UUID actorId, String actorName, UUID actorOrganisationId) implements Actor {
        @Override
        public boolean seesAllInstitutions() {
            return false;
        }
    }

    private final ReturnService returns;
    private final ServicingTestUtils servicing;
    private final JdbcClient superuser;
    private final int port;

    ReportingTestUtils(ApplicationContext context, JdbcClient superuser, int port) {
        this.returns = context.getBean(ReturnService.class);
        this.servicing = new ServicingTestUtils(context);
        this.superuser = superuser;
        this.port = port;
    }

    ServicingTestUtils servicing() {
        return servicing;
    }

    /** Generates the institution's return of {@code period} inside its wall; its id. */
    UUID generate(UUID institution, YearMonth period) {
        return TenantWall.asInstitution(institution, () -> returns.generate(institution, period,
                new TestActor(UUID.randomUUID(), "test", institution)));
    }

    /** A loan at 12 % over {@code months}, accepted and paid out on {@code disbursed}; its id. */
    UUID loan(UUID institution, String principal, int months, LocalDate disbursed) {
        UUID id = servicing.open(institution, ServicingTestUtils.terms(principal, "12", months, disbursed),
                ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        servicing.activate(institution, id, disbursed);
        return id;
    }

    /** A loan of the fixture (demo seeding keeps booking its own loans meanwhile): its row, transactions and vouchers. */
    String lendingFingerprint(UUID loan) {
        return superuser.sql("""
                select md5(l.status || l.principal_outstanding || l.grade || l.row_version
                           || (select count(*) from servicing_transaction t where t.loan_id = l.id)
                           || (select count(*) from ledger_voucher v where v.loan_id = l.id))
                  from servicing_loan l where l.id = ?""").param(loan).query(String.class).single();
    }

    /** A GET with the bearer token, which must answer 200. */
    HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    /** Validates against {@code reporting/returns.xsd}; throws when invalid. */
    static void valid(byte[] xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(ReportingTestUtils.class.getResourceAsStream("/reporting/returns.xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
