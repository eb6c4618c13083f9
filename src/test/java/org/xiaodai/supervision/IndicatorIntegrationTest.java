package org.xiaodai.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.servicing.LoanPortfolio;
import org.xiaodai.servicing.LoanPortfolio.Benchmark;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily supervisory indicators on a small book whose figures are known to the cent: three loans
 * on the books (one current, one 45 days past due at 18 %, one non-performing), one paid off, two of
 * the borrowers related, net assets of 500,000.00 — computed by the end-of-day step, read over HTTP by
 * the regulator (the list and the history), refused to another institution, summed for the region.
 */
@IntegrationTest
class IndicatorIntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    IndicatorHistory history;
    @Autowired
    LoanPortfolio portfolio;
    JdbcClient superuser;
    Api api;
    String regulator;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        regulator = api.token("regulator", Api.DEMO_PASSWORD);
    }

    @Test
    void endOfDayComputesEveryIndicatorOfASmallBookExactly() {
        UUID inst = book();
        Map<String, BigDecimal> values = TenantWall.asInstitution(inst, () -> history.on(inst, DAY));
        assertThat(values).containsEntry("loan-balance", new BigDecimal("90000.000000"))
                .containsEntry("loan-count", new BigDecimal("3.000000"))
                .containsEntry("top-borrower-exposure", new BigDecimal("0.080000"))
                .containsEntry("top10-borrower-exposure", new BigDecimal("0.180000"))
                .containsEntry("related-party-exposure", new BigDecimal("0.140000"))
                .containsEntry("leverage-loans", new BigDecimal("1.200000"))
                .containsEntry("leverage-bonds", new BigDecimal("2.000000"))
                .containsEntry("npl-ratio", new BigDecimal("0.222222"))
                .containsEntry("provision-coverage", new BigDecimal("0.000000"))
                .containsEntry("overdue-rate", new BigDecimal("0.555556"))
                .containsEntry("overdue-rate-1-30", new BigDecimal("0.000000"))
                .containsEntry("overdue-rate-31-60", new BigDecimal("0.333333"))
                .containsEntry("overdue-rate-61-90", new BigDecimal("0.000000"))
                .containsEntry("overdue-rate-91-180", new BigDecimal("0.222222"))
                .containsEntry("overdue-rate-181-plus", new BigDecimal("0.000000"))
                .containsEntry("share-above-rate-benchmark", new BigDecimal("0.333333"))
                .containsEntry("complaint-rate", new BigDecimal("333.333333"))
                .doesNotContainKeys("approval-hours", "disbursement-hours");

        JsonNode listed = null;
        for (JsonNode i : api.get("/api/v1/supervision/institutions", regulator).json()) {
            if (i.get("id").asString().equals(inst.toString())) {
                listed = i;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("indicatorsAsOf").asString()).isEqualTo(DAY.toString());
        assertThat(listed.get("latestIndicators").get("npl-ratio").asString()).isEqualTo("0.222222");
        Map<String, JsonNode> byCode = new HashMap<>();
        listed.get("indicators").forEach(v -> byCode.put(v.get("indicator").asString(), v));
        assertThat(byCode.get("leverage-loans").get("breached").asBoolean()).isTrue();
        assertThat(byCode.get("leverage-loans").get("limit").asString()).isEqualTo("1");
        assertThat(byCode.get("top-borrower-exposure").get("breached").asBoolean()).isFalse();
        assertThat(byCode.get("related-party-exposure").get("numerator").asString()).isEqualTo("70000.0000");

        Api.Response points = api.get("/api/v1/supervision/institutions/" + inst + "/indicators?from=2026-06-01&to=2026-06-30",
                regulator);
        assertThat(points.status()).as(points.body()).isEqualTo(200);
        assertThat(points.json().findValuesAsString("indicator")).contains("npl-ratio", "complaint-rate");
        assertThat(api.get("/api/v1/supervision/institutions/" + inst + "/indicators?from=x", regulator).status())
                .isEqualTo(400);

        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/supervision/institutions/" + inst + "/indicators", bAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/supervision/institutions", bAdmin).status()).isEqualTo(403);

        String association = api.token("association", Api.DEMO_PASSWORD);
        Api.Response region = api.get("/api/v1/supervision/region/indicators?from=2026-06-30&to=2026-06-30", association);
        assertThat(region.status()).as(region.body()).isEqualTo(200);
        assertThat(region.body()).doesNotContain(inst.toString()).contains("npl-ratio");
        assertThat(api.get("/api/v1/supervision/institutions/" + inst + "/indicators", association).status()).isEqualTo(403);
    }

    /**
     * A loan is above the benchmark by the cap in force on its disbursement date: the entry effective that very day
     * counts, the one effective the day after does not, and a loan disbursed before every entry has no cap. The fixture's
     * loans (12 %, 18 % and 10 %, 90,000 outstanding) were all disbursed 120 days before {@link #DAY}.
     */
    @Test
    void theRateCapIsTheOneInForceOnTheDisbursementDate() {
        UUID inst = book();
        LocalDate disbursed = DAY.minusDays(120);
        java.util.function.Function<List<Benchmark>, LoanPortfolio.BookFigures> book = caps ->
                TenantWall.asInstitution(inst, () -> tx.execute(s -> portfolio.book(inst, DAY, caps)));
        LoanPortfolio.BookFigures onTheDay = book.apply(List.of(new Benchmark(disbursed.plusDays(1), new BigDecimal("5")),
                new Benchmark(disbursed, new BigDecimal("15")), new Benchmark(disbursed.minusDays(30), new BigDecimal("1"))));
        assertThat(onTheDay.aboveBenchmarkLoans()).isEqualTo(1);
        assertThat(onTheDay.aboveBenchmarkPrincipal()).isEqualByComparingTo("30000.00");
        LoanPortfolio.BookFigures dayBefore = book.apply(List.of(new Benchmark(disbursed.minusDays(1), new BigDecimal("11")),
                new Benchmark(disbursed.plusDays(1), new BigDecimal("30"))));
        assertThat(dayBefore.aboveBenchmarkLoans()).isEqualTo(2);
        assertThat(dayBefore.aboveBenchmarkPrincipal()).isEqualByComparingTo("70000.00");
        assertThat(book.apply(List.of(new Benchmark(disbursed.plusDays(1), new BigDecimal("1")))).aboveBenchmarkLoans()).isZero();
        assertThat(book.apply(List.of()).aboveBenchmarkLoans()).isZero();
        assertThat(book.apply(List.of()).loans()).isEqualTo(3);
    }

    /** The fixture book, its indicators computed by the end-of-day step for {@link #DAY}; the institution. */
    private UUID book() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        Api.Response registered = api.post("/api/v1/supervision/institutions/" + inst + "/registry", regulator, Map.ofEntries(
                Map.entry("effectiveFrom", "2026-01-01"), Map.entry("licenceNumber", "测试〔2026〕1号"),
                Map.entry("licensedRegion", "330000"), Map.entry("businessScope", java.util.List.of("PERSONAL_CONSUMPTION")),
                Map.entry("onlineLending", false), Map.entry("registeredCapital", "500000.00"),
                Map.entry("netAssets", "500000.00"), Map.entry("netAssetsYear", "2025"), Map.entry("bankLoans", "400000.00"),
                Map.entry("shareholderLoans", "200000.00"), Map.entry("bonds", "600000.00"), Map.entry("assetBacked", "400000.00"),
                Map.entry("status", "ACTIVE")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        UUID c1 = customer(inst);
        UUID c2 = customer(inst);
        UUID c3 = customer(inst);
        UUID c4 = customer(inst);
        superuser.sql("""
                insert into customer_related_party (id, institution_id, customer_id, relation, name, related_customer_id, created_at)
                values (?, ?, ?, 'SPOUSE', '配偶', ?, now())""").params(UUID.randomUUID(), inst, c1, c2).update();
        loan(inst, c1, "12", "40000.00", DAY.plusDays(5), "NORMAL", "ACTIVE");
        loan(inst, c2, "18", "30000.00", DAY.minusDays(44), "SPECIAL_MENTION", "OVERDUE");
        loan(inst, c3, "10", "20000.00", DAY.minusDays(99), "SUBSTANDARD", "OVERDUE");
        loan(inst, c4, "24", "0.00", null, "NORMAL", "PAID_OFF");
        ServicingTestUtils.setBusinessDate(superuser, inst, DAY);
        SupervisionFixtures.complaint(api, regulator, inst.toString());
        EndOfDayStep step = context.getBeansOfType(EndOfDayStep.class).values().stream()
                .filter(s -> s.name().equals("supervision.indicators")).findFirst().orElseThrow();
        TenantWall.asInstitution(inst, () -> tx.executeWithoutResult(s -> step.process(inst, DAY, 0, 1)));
        return inst;
    }

    private UUID customer(UUID inst) {
        UUID id = UUID.randomUUID();
        superuser.sql("""
                insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                    id_number_masked, created_at, updated_at)
                values (?, ?, 'INDIVIDUAL', '测试客户', '\\x00'::bytea, 'k', ?, '3604**********0071', now(), now())""")
                .params(id, inst, id.toString().getBytes()).update();
        return id;
    }

    /** A loan opened and disbursed 120 days before {@link #DAY}, then put in the state the test needs. */
    private void loan(UUID inst, UUID customer, String rate, String outstanding, LocalDate oldestUnpaidDue, String grade,
                      String status) {
        UUID loanId = UUID.randomUUID();
        LocalDate disbursed = DAY.minusDays(120);
        TenantWall.asInstitution(inst, () -> tx.executeWithoutResult(s -> context.publishEvent(new ContractAccepted(
                UUID.randomUUID(), "HT-" + loanId.toString().substring(0, 8), loanId, UUID.randomUUID(), inst, null, null,
                customer, UUID.randomUUID(), 1, ServicingTestUtils.terms("50000.00", rate, 12, disbursed),
                ServicingPolicy.standard(), BigDecimal.ZERO, false, Instant.now()))));
        new ServicingTestUtils(context).activate(inst, loanId, disbursed);
        superuser.sql("""
                update servicing_loan set principal_outstanding = ?, oldest_unpaid_due = ?, grade = ?, status = ? where id = ?""")
                .params(new BigDecimal(outstanding), oldestUnpaidDue, grade, status, loanId).update();
    }
}
