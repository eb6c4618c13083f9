package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.support.Api;
import org.xiaodai.shared.tenant.TenantWall;

import static org.assertj.core.api.Assertions.assertThat;

/** Loans for tests: opened from a published {@link ContractAccepted}, activated on a chosen date, days closed by the steps. */
public final class ServicingTestUtils {

    private final ApplicationContext context;

    public ServicingTestUtils(ApplicationContext context) {
        this.context = context;
    }

    public static LoanTerms terms(String principal, String rate, int months, LocalDate disbursed) {
        return LoanTerms.builder().principal(principal).annualInterestRatePercent(rate).numberOfRepayments(months)
                .disbursementDate(disbursed).firstRepaymentDate(disbursed.plusMonths(1)).build();
    }

    /** Publishes an accepted contract in the institution's tenant wall; the loan id is returned. */
    public UUID open(UUID institutionId, LoanTerms terms, ServicingPolicy policy, boolean autoDebit, UUID loanId) {
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        ApplicationEventPublisher events = context;
        TenantWall.asInstitution(institutionId, () -> tx.executeWithoutResult(s -> events.publishEvent(
                new ContractAccepted(UUID.randomUUID(), "HT-" + loanId.toString().substring(0, 8), loanId, UUID.randomUUID(),
                        institutionId, null, null, UUID.randomUUID(), UUID.randomUUID(), 1, terms, policy,
                        BigDecimal.ZERO, autoDebit, Instant.now()))));
        return loanId;
    }

    /** A loan id whose withholdings the simulated bank honours (ids ending in 0 or 5 are refused). */
    private static final String[] RANDOM_RATES = {"6", "9.5", "12", "18.25", "23.9", "36"};
    private static final String[] RANDOM_MULTIPLIERS = {"1", "1.3", "1.5", "1.45"};
    private static final Amortization[] RANDOM_AMORTIZATIONS = {Amortization.EQUAL_INSTALLMENTS,
            Amortization.EQUAL_PRINCIPAL, Amortization.INTEREST_ONLY_THEN_BULLET};

    /** Random terms for the closed-form checks against the engine: every amortization, rate and rounding rule. */
    public static LoanTerms randomTerms(Random random, LocalDate disbursed) {
        return LoanTerms.builder()
                .principal(BigDecimal.valueOf(100_000 + random.nextInt(20_000_000), 2))
                .annualInterestRatePercent(RANDOM_RATES[random.nextInt(RANDOM_RATES.length)])
                .numberOfRepayments(3 + random.nextInt(22))
                .amortization(RANDOM_AMORTIZATIONS[random.nextInt(RANDOM_AMORTIZATIONS.length)])
                .roundingMode(random.nextBoolean() ? RoundingRule.HALF_EVEN : RoundingRule.HALF_UP)
                .disbursementDate(disbursed).firstRepaymentDate(disbursed.plusMonths(1)).build();
    }

    /** A random servicing policy: penalty multiplier, day count, grace, compounding and grade table. */
    public static ServicingPolicy randomPolicy(Random random) {
        return new ServicingPolicy(new BigDecimal(RANDOM_MULTIPLIERS[random.nextInt(RANDOM_MULTIPLIERS.length)]),
                random.nextBoolean() ? 360 : 365, List.of(0, 0, 3, 7).get(random.nextInt(4)), random.nextBoolean(),
                GradeTable.values()[random.nextInt(GradeTable.values().length)]);
    }

    /**
     * Up to three random repayments of a loan before {@code day} (an installment, two or three, or a random part of
     * one), keyed {@code keyPrefix + loanId + "-" + k}; answers the date of the last one booked, or {@code disbursed}.
     */
    public LocalDate repayRandomly(Random random, JdbcClient superuser, UUID institutionId, UUID loanId,
                                   LocalDate disbursed, LocalDate day, String keyPrefix) {
        BigDecimal installment = superuser.sql("select total from servicing_schedule_row where loan_id = ? and n = 1")
                .param(loanId).query(BigDecimal.class).single();
        int payments = random.nextInt(4);
        LocalDate on = disbursed;
        LocalDate last = disbursed;
        for (int k = 0; k < payments; k++) {
            on = on.plusDays(1 + random.nextInt(90));
            if (!on.isBefore(day)) {
                break;
            }
            BigDecimal amount = switch (random.nextInt(3)) {
                case 0 -> installment;
                case 1 -> installment.multiply(BigDecimal.valueOf(2 + random.nextInt(2)));
                default -> BigDecimal.valueOf(1 + random.nextInt(installment.movePointRight(2).intValue()), 2);
            };
            repay(institutionId, loanId, on, amount.toPlainString(), keyPrefix + loanId + "-" + k);
            last = on;
        }
        return last;
    }

    public static UUID payableLoanId() {
        while (true) {
            UUID id = UUID.randomUUID();
            String s = id.toString();
            if (!s.endsWith("0") && !s.endsWith("5")) {
                return id;
            }
        }
    }

    /** Activates the loan as if the bank had paid it out on {@code date} (skipping the channel). */
    public void activate(UUID institutionId, UUID loanId, LocalDate date) {
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        Disbursements disbursements = context.getBean(Disbursements.class);
        LoanRepository loans = context.getBean(LoanRepository.class);
        TenantWall.asInstitution(institutionId, () -> tx.executeWithoutResult(s ->
                disbursements.activate(loans.lock(loanId).orElseThrow(), UUID.randomUUID(), date)));
    }

    /** Books a repayment on a chosen date, as the service does for the business date. */
    public Repayments.Result repay(UUID institutionId, UUID loanId, LocalDate date, String amount, String key) {
        return TenantWall.asInstitution(institutionId, () -> context.getBean(Repayments.class)
                .repayOn(loanId, date, new BigDecimal(amount), key, "TRANSFER", null));
    }

    /** Closes each day from {@code from} to {@code to} (both included) with every end-of-day step, partition by partition. */
    public void closeDays(UUID institutionId, LocalDate from, LocalDate to) {
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        List<EndOfDayStep> steps = context.getBeansOfType(EndOfDayStep.class).values().stream()
                .sorted(Comparator.comparingInt(EndOfDayStep::order)).toList();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            for (EndOfDayStep step : steps) {
                int partitions = TenantWall.asInstitution(institutionId, () -> tx.execute(s -> step.partitions(institutionId, d)));
                for (int p = 0; p < partitions; p++) {
                    int partition = p;
                    TenantWall.asInstitution(institutionId, () -> tx.executeWithoutResult(s ->
                            step.process(institutionId, d, partition, partitions)));
                }
            }
        }
    }

    /** Registers a fresh lender through the platform admin and waits for its business date. */
    public static UUID newInstitution(Api api, JdbcClient superuser) {
        String code = "SV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
        Api.Response registered = api.post("/api/v1/institutions", api.token("admin", Api.ADMIN_PASSWORD),
                Map.of("kind", "LENDER", "code", code, "name", "测试小贷 " + code, "regionCode", "330100"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        UUID id = UUID.fromString(registered.json().get("id").asString());
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (superuser.sql("select count(*) from eod_business_date where institution_id = ?").param(id)
                    .query(Integer.class).single() > 0) {
                return id;
            }
            sleep(50);
        }
        throw new AssertionError("no business date for " + code);
    }

    public static void setBusinessDate(JdbcClient superuser, UUID institutionId, LocalDate date) {
        superuser.sql("update eod_business_date set business_date = ? where institution_id = ?").params(date, institutionId)
                .update();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A loan of the institution with this code, disbursed ten days ago with 100.00 paid early today (for surface tests). */
    public UUID disbursedLoan(JdbcClient superuser, String institutionCode) {
        UUID institutionId = superuser.sql("select id from iam_organisation where code = ?").param(institutionCode)
                .query(UUID.class).single();
        LocalDate today = superuser.sql("select business_date from eod_business_date where institution_id = ?")
                .param(institutionId).query(LocalDate.class).single();
        UUID loanId = open(institutionId, terms("6000.00", "12", 6, today.minusDays(10)), ServicingPolicy.standard(), false,
                UUID.randomUUID());
        activate(institutionId, loanId, today.minusDays(10));
        repay(institutionId, loanId, today, "100.00", "fixture-" + loanId);
        return loanId;
    }
}
