package org.xiaodai.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.reporting.internal.ReturnViews.LoanDetail;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loan-level CSV written by PostgreSQL's COPY is byte for byte the row-by-row rendering of the same rows
 * (BOM, header names, amounts, dates, empty nulls, quoting, formula neutralising, CRLF), and stays in the wall.
 */
@IntegrationTest
class DetailCsvIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReturnService returns;
    @Autowired
    ReturnExports exports;

    @Autowired
    @Qualifier("operationsDataSource")
    DataSource superuserDataSource;

    @Test
    void theCopyExportIsTheRowByRowRenderingByteForByte() {
        JdbcClient superuser = JdbcClient.create(superuserDataSource);
        Api api = new Api(port);
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 10, 20);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 1));
        String[] numbers = {"=HYPERLINK(\"x\"),1", "-12", "HT-2026-000001", "多行\n合同"};
        for (String number : numbers) {
            UUID id = util.open(inst, ServicingTestUtils.terms("8000.10", "12", 6, d0), ServicingPolicy.standard(), false,
                    ServicingTestUtils.payableLoanId());
            util.activate(inst, id, d0);
            superuser.sql("update servicing_loan set contract_number = ? where id = ?").params(number, id).update();
        }
        util.closeDays(inst, d0, LocalDate.of(2026, 10, 31));
        UUID returnId = TenantWall.asInstitution(inst, () -> returns.generate(inst, YearMonth.of(2026, 10),
                new Actor() {
                    public UUID actorId() { return UUID.randomUUID(); }
                    public String actorName() { return "test"; }
                    public UUID actorOrganisationId() { return inst; }
                    public boolean seesAllInstitutions() { return false; }
                }));

        byte[] copied = TenantWall.asInstitution(inst, () -> csv(returnId));
        StringBuilder expected = new StringBuilder("\uFEFF");
        for (int i = 0; i < ReturnExports.DETAIL_COLUMNS.size(); i++) {
            expected.append(i == 0 ? "" : ",").append(ReturnExports.DETAIL_COLUMNS.get(i).name());
        }
        expected.append("\r\n");
        TenantWall.asInstitution(inst, () -> {
            for (LoanDetail d : exports.details(returnId, 1, 100)) {
                for (int i = 0; i < ReturnExports.DETAIL_COLUMNS.size(); i++) {
                    expected.append(i == 0 ? "" : ",").append(ReturnExports.csv(ReturnExports.DETAIL_COLUMNS.get(i).value().apply(d)));
                }
                expected.append("\r\n");
            }
            return null;
        });
        String csv = new String(copied, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(expected.toString());
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\"),1\"").contains(",'-12,").contains("\"多行\n合同\"")
                .contains(",8000.10,");
        assertThat(csv.split("\r\n")).hasSize(numbers.length + 1);

        // another institution's wall sees no rows of it
        UUID other = ServicingTestUtils.newInstitution(api, superuser);
        String outside = new String(TenantWall.asInstitution(other, () -> csv(returnId)), StandardCharsets.UTF_8);
        assertThat(outside.split("\r\n")).hasSize(1);
    }

    @Test
    void lineFeedsBecomeCrLfOnlyOutsideQuotes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReturnExports.CrLf crlf = new ReturnExports.CrLf(out)) {
            byte[] text = "a,\"b\nc\"\nd,\"\"\"e\"\"\"\n".getBytes(StandardCharsets.UTF_8);
            crlf.write(text, 0, 5);
            crlf.write(text[5]);
            crlf.write(text, 6, text.length - 6);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,\"b\nc\"\r\nd,\"\"\"e\"\"\"\r\n");
    }

    private byte[] csv(UUID returnId) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        exports.writeDetailsCsv(returnId, out);
        return out.toByteArray();
    }
}
