package org.xiaodai.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly returns on the real database: totals reconcile with the loans and the general ledger to
 * the cent, every data-quality rule catches its failing fixture, the exports are what they claim
 * (XML valid against the shipped XSD), and the workflow generate → submit → reject rows → correct
 * → resubmit → accept keeps every version, is audited, and stays inside each institution's wall.
 */
@IntegrationTest
class ReportingIntegrationTest {

    record TestActor(UUID actorId, String actorName, UUID actorOrganisationId) implements Actor {
        @Override
        public boolean seesAllInstitutions() {
            return false;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReturnService returns;
    @Autowired
    Ledger ledger;
    JdbcClient superuser;
    Api api;
    ServicingTestUtils util;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        util = new ServicingTestUtils(context);
    }

    private UUID generate(UUID institution, YearMonth period) {
        return TenantWall.asInstitution(institution, () -> returns.generate(institution, period,
                new TestActor(UUID.randomUUID(), "test", institution)));
    }

    private UUID loan(UUID institution, String principal, int months, LocalDate disbursed) {
        UUID id = util.open(institution, ServicingTestUtils.terms(principal, "12", months, disbursed),
                ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        util.activate(institution, id, disbursed);
        return id;
    }

    @Test
    void returnTotalsReconcileWithLoanBalancesAndTheLedgerToTheCent() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 1, 10);
        UUID paying = loan(inst, "12000.00", 6, d0);
        UUID late = loan(inst, "30000.00", 12, d0);
        UUID march = loan(inst, "5000.55", 3, LocalDate.of(2025, 3, 5));
        UUID guaranteed = loan(inst, "7000.00", 6, d0);
        UUID unsecured = loan(inst, "3000.00", 6, d0);
        util.closeDays(inst, d0, LocalDate.of(2025, 2, 9));
        util.repay(inst, paying, LocalDate.of(2025, 2, 10), "2100.00", "r-1");
        util.closeDays(inst, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 31));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2025, 4, 1));
        // two borrowers with region, industry and type (the third loan's borrower is unknown to customer), and a
        // registry entry with funding by source
        var cipher = context.getBean(org.xiaodai.customer.domain.PiiCipher.class);
        String[][] borrowers = {{"INDIVIDUAL", "360426199101010071", "330106", "A0111"},
                                {"ENTERPRISE", "91110000600037341L", "330212", "F5132"}};
        UUID[] owners = {paying, late};
        for (int i = 0; i < borrowers.length; i++) {
            UUID customer = UUID.randomUUID();
            var sealed = cipher.seal(borrowers[i][1], "customer:" + customer + ":idNumber");
            superuser.sql("""
                    insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                        id_number_masked, region_code, industry_code, created_at, updated_at)
                    values (?, ?, ?, '对账样例', ?, ?, ?, '3604****0000', ?, ?, now(), now())""")
                    .params(customer, inst, borrowers[i][0], sealed.ciphertext(), sealed.keyId(),
                            cipher.blindIndex("idNumber", borrowers[i][1]), borrowers[i][2], borrowers[i][3]).update();
            superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, owners[i]).update();
        }
        superuser.sql("""
                insert into supervision_registry (id, institution_id, version, effective_from, licence_number, licensed_region,
                    business_scope, online_lending, registered_capital, net_assets, net_assets_year, bank_loans,
                    shareholder_loans, bonds, asset_backed, status, reason, changed_by_name, changed_at)
                values (?, ?, 1, date '2024-01-01', 'TEST-LIC', '330000', array['PERSONAL_CONSUMPTION'], false, 100000000, 120000000, 2024,
                        30000000.50, 10000000, 0, 5000000, 'ACTIVE', 'test', 'test', now())""")
                .params(UUID.randomUUID(), inst).update();

        // the contracts' security as origination holds it: collateral kinds and guarantors per loan (march's loan did
        // not come through origination and its product is not in the catalogue: UNKNOWN)
        UUID borrower = superuser.sql("select customer_id from servicing_loan where id = ?").param(paying).query(UUID.class).single();
        String guarantor = "[\"" + UUID.randomUUID() + "\"]";
        Object[][] security = {{paying, "[{\"type\": \"DEPOSIT_CERTIFICATE\"}]", guarantor},
                               {late, "[{\"type\": \"REAL_ESTATE\"}, {\"type\": \"VEHICLE\"}]", "[]"},
                               {guaranteed, "[]", guarantor}, {unsecured, "[]", "[]"}};
        for (Object[] s : security) {
            superuser.sql("""
                    insert into origination_application (id, institution_id, owner_id, customer_id, customer_name, product_id,
                        product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel, collateral,
                        guarantors, status, loan_id, created_at, updated_at)
                    values (?, ?, ?, ?, '对账样例', ?, 1, 1000, 6, 12, 'test', 'OFFLINE', ?::jsonb, ?::jsonb, 'CONTRACTED', ?,
                            now(), now())""")
                    .params(UUID.randomUUID(), inst, UUID.randomUUID(), borrower, UUID.randomUUID(), s[1], s[2], s[0]).update();
        }

        UUID id = generate(inst, YearMonth.of(2025, 3));

        Map<String, Object> header = superuser.sql("select * from reporting_return where id = ?").param(id).query().singleRow();
        assertThat(header.get("as_of").toString()).isEqualTo("2025-03-31");
        assertThat(header.get("due_on").toString()).isEqualTo("2025-04-05");
        BigDecimal loans = superuser.sql("select sum(principal_outstanding) from servicing_loan where institution_id = ?")
                .param(inst).query(BigDecimal.class).single();
        BigDecimal detail = superuser.sql("select sum(balance) from reporting_loan_detail where return_id = ?").param(id)
                .query(BigDecimal.class).single();
        BigDecimal total = superuser.sql("select balance from reporting_return_line where return_id = ? and dimension = 'TOTAL'")
                .param(id).query(BigDecimal.class).single();
        BigDecimal byGrade = superuser.sql("select sum(balance) from reporting_return_line where return_id = ? and dimension = 'GRADE'")
                .param(id).query(BigDecimal.class).single();
        BigDecimal general = TenantWall.asInstitution(inst, () -> ledger.trialBalance(inst, LocalDate.of(2025, 4, 1)))
                .accounts().stream().filter(a -> a.role().equals("LOAN_PRINCIPAL")).findFirst().orElseThrow().balance();
        assertThat(detail).isEqualByComparingTo(loans).isEqualByComparingTo(total).isEqualByComparingTo(byGrade)
                .isEqualByComparingTo(general).isEqualByComparingTo((BigDecimal) header.get("balance"));
        for (String dimension : List.of("REGION", "INDUSTRY", "BORROWER_TYPE", "SECURITY")) {
            Map<String, Object> sums = superuser.sql("""
                    select sum(balance) as balance, sum(loans) as loans, sum(overdue_principal) as overdue
                      from reporting_return_line where return_id = ? and dimension = ?""").params(id, dimension).query().singleRow();
            assertThat((BigDecimal) sums.get("balance")).as(dimension).isEqualByComparingTo(total);
            assertThat(((Number) sums.get("loans")).intValue()).as(dimension).isEqualTo(5);
        }
        Map<String, BigDecimal> byRegion = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'REGION'").param(id)
                .query(rs -> { byRegion.put(rs.getString(1), rs.getBigDecimal(2)); });
        BigDecimal lateBalance = superuser.sql("select principal_outstanding from servicing_loan where id = ?").param(late)
                .query(BigDecimal.class).single();
        assertThat(byRegion).containsOnlyKeys("330106", "330212", "UNKNOWN");
        assertThat(byRegion.get("330212")).isEqualByComparingTo(lateBalance);
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'INDUSTRY' order by key")
                .param(id).query(String.class).list()).containsExactly("A", "F", "UNKNOWN");
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'BORROWER_TYPE' order by key")
                .param(id).query(String.class).list()).containsExactly("ENTERPRISE", "INDIVIDUAL", "UNKNOWN");
        Map<String, BigDecimal> bySecurity = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'SECURITY'").param(id)
                .query(rs -> { bySecurity.put(rs.getString(1), rs.getBigDecimal(2)); });
        assertThat(bySecurity).containsOnlyKeys("PLEDGE", "MORTGAGE", "GUARANTEED", "CREDIT", "UNKNOWN");
        assertThat(bySecurity.get("MORTGAGE")).isEqualByComparingTo(lateBalance);
        assertThat(bySecurity.get("PLEDGE")).isEqualByComparingTo(superuser.sql(
                "select principal_outstanding from servicing_loan where id = ?").param(paying).query(BigDecimal.class).single());
        assertThat(bySecurity.get("UNKNOWN")).isEqualByComparingTo(superuser.sql(
                "select principal_outstanding from servicing_loan where id = ?").param(march).query(BigDecimal.class).single());

        // loan-loss provisions: the PROVISION lines add up to the ledger's provision account at the month end, to the cent
        BigDecimal provisionAccount = TenantWall.asInstitution(inst, () -> ledger.trialBalance(inst, LocalDate.of(2025, 3, 31)))
                .accounts().stream().filter(a -> a.role().equals("LOAN_LOSS_PROVISION")).findFirst().orElseThrow().balance();
        BigDecimal provisions = superuser.sql("select sum(balance) from reporting_return_line where return_id = ? and dimension = 'PROVISION'")
                .param(id).query(BigDecimal.class).single();
        assertThat(provisionAccount).isPositive();
        assertThat(provisions).isEqualByComparingTo(provisionAccount);
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'PROVISION'").param(id)
                .query(String.class).list()).isSubsetOf(superuser.sql(
                "select key from reporting_return_line where return_id = ? and dimension = 'GRADE'").param(id).query(String.class).list());
        Map<String, BigDecimal> funding = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'FUNDING'").param(id)
                .query(rs -> { funding.put(rs.getString(1), rs.getBigDecimal(2)); });
        assertThat(funding.get("BANK_LOANS")).isEqualByComparingTo("30000000.50");
        assertThat(funding.get("SHAREHOLDER_LOANS")).isEqualByComparingTo("10000000");
        assertThat(funding.get("BONDS")).isEqualByComparingTo("0");
        assertThat(funding.get("ASSET_BACKED")).isEqualByComparingTo("5000000");
        assertThat(superuser.sql("select failed from reporting_quality_result where return_id = ? and rule = 'consistency.balance-with-ledger'")
                .param(id).query(Integer.class).single()).isZero();

        Map<String, Object> overdue = superuser.sql("select * from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, late).query().singleRow();
        assertThat(overdue.get("account_status")).isEqualTo("2");
        assertThat((Integer) overdue.get("days_past_due")).isGreaterThan(30);
        assertThat((BigDecimal) overdue.get("overdue_principal")).isPositive();
        assertThat(((BigDecimal) overdue.get("overdue_31_60")).add((BigDecimal) overdue.get("overdue_61_90")))
                .isPositive().isLessThanOrEqualTo((BigDecimal) overdue.get("overdue_principal"));
        assertThat(overdue.get("repayment_status")).isIn("2", "3");
        assertThat(superuser.sql("select report_code from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, march).query(String.class).single()).isEqualTo("10");
        assertThat(superuser.sql("select remaining_periods from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, march).query(Integer.class).single()).isEqualTo(3);
        assertThat(superuser.sql("select count(*) from reporting_loan_detail where return_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void everyDataQualityRuleCatchesItsFailingFixture() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 10, 20);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 1));
        UUID clean = loan(inst, "8000.00", 6, d0);
        Map<String, UUID> broken = new java.util.LinkedHashMap<>();
        Map<String, String> breaks = Map.of(
                "completeness.contract-number", "contract_number = null",
                "completeness.maturity-date", "maturity_date = null",
                "validity.contract-number-format", "contract_number = '合同 1'",
                "validity.dates", "maturity_date = disbursement_date - 1",
                "validity.amounts", "principal_outstanding = -1",
                "consistency.balance-within-principal", "principal_outstanding = principal + 1",
                "consistency.status-and-days-past-due", "status = 'OVERDUE'",
                "consistency.closed-without-balance", "status = 'PAID_OFF', paid_off_on = date '2026-10-25'",
                "uniqueness.contract-number", "contract_number = 'DUP-0001'");
        for (var rule : breaks.entrySet()) {
            UUID id = loan(inst, "1000.00", 3, d0);
            superuser.sql("update servicing_loan set " + rule.getValue() + " where id = ?").param(id).update();
            broken.put(rule.getKey(), id);
        }
        superuser.sql("update servicing_loan set contract_number = 'DUP-0001' where id = ?").param(clean).update();
        // borrowers whose stored (encrypted) ID number fails its check digit, written around the application's
        // entry check: a resident ID (MOD 11-2) and a USCC (GB 32100-2015); a valid one beside them
        List<UUID> badIds = new java.util.ArrayList<>();
        UUID goodId = null;
        for (String[] borrower : new String[][] {{"INDIVIDUAL", "360426199101010072"}, {"ENTERPRISE", "91110000600037341A"},
                {"INDIVIDUAL", "360426199101010071"}}) {
            UUID customer = UUID.randomUUID();
            var cipher = context.getBean(org.xiaodai.customer.domain.PiiCipher.class);
            var sealed = cipher.seal(borrower[1], "customer:" + customer + ":idNumber");
            superuser.sql("""
                    insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                        id_number_masked, created_at, updated_at) values (?, ?, ?, '校验位样例', ?, ?, ?, '3604****0000', now(), now())""")
                    .params(customer, inst, borrower[0], sealed.ciphertext(), sealed.keyId(),
                            cipher.blindIndex("idNumber", borrower[1])).update();
            UUID loanId = loan(inst, "1000.00", 3, d0);
            superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, loanId).update();
            if (borrower[1].endsWith("71")) {
                goodId = loanId;
            } else {
                badIds.add(loanId);
            }
        }
        broken.put("validity.id-number-check-digit", badIds.get(0));

        UUID id = generate(inst, YearMonth.of(2026, 10));

        Map<String, Integer> failed = new java.util.HashMap<>();
        superuser.sql("select rule, failed from reporting_quality_result where return_id = ?").param(id)
                .query(rs -> { failed.put(rs.getString(1), rs.getInt(2)); });
        for (var rule : broken.entrySet()) {
            assertThat(failed.get(rule.getKey())).as(rule.getKey()).isPositive();
            List<UUID> rows = TenantWall.asInstitution(inst, () -> returns.failures(id, rule.getKey())).stream()
                    .map(f -> f.loanId()).toList();
            assertThat(rows).as("drill-down of %s", rule.getKey()).contains(rule.getValue());
        }
        assertThat(failed.get("validity.id-number-check-digit")).isEqualTo(2);
        List<UUID> checkDigit = TenantWall.asInstitution(inst, () -> returns.failures(id, "validity.id-number-check-digit"))
                .stream().map(f -> f.loanId()).toList();
        assertThat(checkDigit).containsExactlyInAnyOrderElementsOf(badIds).doesNotContain(goodId);
        assertThat(failed.get("consistency.balance-with-ledger")).as("balances altered behind the ledger's back").isEqualTo(1);
        assertThat(superuser.sql("select quality_score from reporting_return where id = ?").param(id)
                .query(BigDecimal.class).single()).isLessThan(BigDecimal.valueOf(100));
        // the snapshot is immutable: the application's role may not change it
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TenantWall.asInstitution(inst, () ->
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s ->
                        context.getBean(JdbcClient.class).sql("update reporting_loan_detail set balance = 0 where return_id = ?")
                                .param(id).update())))).isNotNull();
    }

    @Test
    void aReturnIsGeneratedDownloadedSubmittedRejectedByRowCorrectedAndAcceptedInsideTheTenantWall() throws Exception {
        UUID fixtureLoan = util.disbursedLoan(superuser, "HZXD");
        String period = ReportingFixtures.currentPeriod(superuser, "HZXD");
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String other = api.token("b-admin", Api.DEMO_PASSWORD);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);

        Api.Response bad = api.post("/api/v1/reporting/returns", admin, Map.of("period", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("periodFormat");
        assertThat(api.post("/api/v1/reporting/returns", officer, Map.of("period", period)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/reporting/returns", regulator, Map.of("period", period)).status()).isEqualTo(403);

        Api.Response created = api.post("/api/v1/reporting/returns", admin, Map.of("period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("GENERATED");
        assertThat(created.json().get("dataQuality").get("rules").size()).isGreaterThanOrEqualTo(10);
        int loans = created.json().get("header").get("loans").asInt();
        assertThat(loans).isPositive();

        // exports
        assertThat(bytes("/api/v1/reporting/returns/" + id + "?format=csv", admin).body()).startsWith(0xEF, 0xBB, 0xBF);
        valid(bytes("/api/v1/reporting/returns/" + id + "?format=xml", admin).body());
        byte[] details = bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=xml", admin).body();
        valid(details);
        assertThat(new String(details, java.nio.charset.StandardCharsets.UTF_8)).contains("<Loan ").contains("reportCode=");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=xlsx", admin).body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(loans);
            assertThat(book.getSheetAt(0).getRow(0).getCell(11).getStringCellValue()).isEqualTo("reportCode");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/v1/reporting/returns/" + id + "?format=xlsx", admin).body()))) {
            assertThat(book.getSheet("return").getRow(1).getCell(0).getStringCellValue()).isEqualTo("TOTAL");
        }
        String csv = new String(bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=csv", admin).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(loans + 1L);
        // the loan-level files are written to the response as they are produced: no length, chunked transfer (Tomcat
        // would set the length of a body it had whole, or of one that fits its 8 KB buffer; these are larger)
        for (String format : List.of("csv", "xlsx", "xml")) {
            HttpResponse<byte[]> file = bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=" + format, admin);
            if (!format.equals("xlsx")) {
                assertThat(file.body().length).as(format + " larger than the container's buffer").isGreaterThan(16 * 1024);
            }
            if (file.body().length > 16 * 1024) {
                assertThat(file.headers().firstValue("Content-Length")).as(format).isEmpty();
                assertThat(file.headers().firstValue("Transfer-Encoding")).as(format).hasValue("chunked");
            }
        }
        JsonNode page = api.get("/api/v1/reporting/returns/" + id + "/loan-details?size=2", admin).json();
        assertThat(page.get("items").size()).isEqualTo(Math.min(2, loans));
        assertThat(api.get("/api/v1/reporting/returns/" + id + "?format=pdf", admin).status()).isEqualTo(400);

        // walls: another institution, the regulator before submission, an officer without the permission
        assertThat(api.get("/api/v1/reporting/returns/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id + "/loan-details?format=csv", other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reporting/returns/" + id + "/submit", other, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id, regulator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id, officer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reporting/returns", other).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/supervision/submissions", admin).status()).isEqualTo(403);

        // submit, the regulator rejects row 1
        Api.Response submitted = api.post("/api/v1/reporting/returns/" + id + "/submit", admin, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.post("/api/v1/reporting/returns/" + id + "/submit", admin, Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/supervision/submissions", regulator).body()).contains(id);
        assertThat(api.get("/api/v1/reporting/returns/" + id + "?format=xml", regulator).status()).isEqualTo(200);
        String lending = lendingFingerprint(fixtureLoan);
        assertThat(api.post("/api/v1/supervision/submissions/" + id + "/receipt", admin, Map.of("accepted", true)).status())
                .isEqualTo(403);
        Api.Response unknownRow = api.post("/api/v1/supervision/submissions/" + id + "/receipt", regulator,
                Map.of("accepted", false, "rejections", List.of(Map.of("row", loans + 10, "reason", "无此行"))));
        assertThat(unknownRow.status()).isEqualTo(400);
        Api.Response rejected = api.post("/api/v1/supervision/submissions/" + id + "/receipt", regulator,
                Map.of("accepted", false, "note", "请更正", "rejections", List.of(Map.of("row", 1, "reason", "五级分类与逾期天数不符"))));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/reporting/returns/" + id, admin).json().get("receipt").get("rejections").get(0)
                .get("reason").asString()).isEqualTo("五级分类与逾期天数不符");
        assertThat(lendingFingerprint(fixtureLoan)).as("the regulator's receipt changes no lending data").isEqualTo(lending);

        // corrected and resubmitted as version 2; the first version is kept
        Api.Response corrected = api.post("/api/v1/reporting/returns", admin, Map.of("period", period));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        String second = corrected.json().get("id").asString();
        assertThat(corrected.json().get("header").get("version").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(corrected.json().get("versions").toString()).contains(id);
        assertThat(api.post("/api/v1/reporting/returns/" + second + "/submit", admin, Map.of()).status()).isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/supervision/submissions/" + second + "/receipt", regulator,
                Map.of("accepted", true, "note", "已接收"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/reporting/returns", admin, Map.of("period", period)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/reporting/returns/" + id, admin).json().get("status").asString()).isEqualTo("REJECTED");

        // every state change audited
        List<String> actions = superuser.sql("select action from audit_entry where entity_id in (?, ?) order by seq")
                .params(id, second).query(String.class).list();
        assertThat(actions).contains("reporting.return.generated", "reporting.return.submitted", "reporting.return.received");
        assertThat(actions.stream().filter(a -> a.equals("reporting.return.received")).count()).isEqualTo(2);
    }

    /** A loan of the fixture (demo seeding keeps booking its own loans meanwhile): its row, transactions and vouchers. */
    private String lendingFingerprint(UUID loan) {
        return superuser.sql("""
                select md5(l.status || l.principal_outstanding || l.grade || l.row_version
                           || (select count(*) from servicing_transaction t where t.loan_id = l.id)
                           || (select count(*) from ledger_voucher v where v.loan_id = l.id))
                  from servicing_loan l where l.id = ?""").param(loan).query(String.class).single();
    }

    private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static void valid(byte[] xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(ReportingIntegrationTest.class.getResourceAsStream("/reporting/returns.xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
