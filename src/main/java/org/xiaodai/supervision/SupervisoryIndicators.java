package org.xiaodai.supervision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The codes of the daily supervisory indicators (监管指标) kept in the indicator history, with the
 * regulatory limits of DOMAIN.md §3 where there is one. Ratios are fractions (0.1 = 10 %).
 */
public final class SupervisoryIndicators {

    /** Largest single borrower's principal outstanding / prior-year-end net assets (limit 10 %). */
    public static final String TOP_BORROWER_EXPOSURE = "top-borrower-exposure";
    /** The ten largest borrowers together / net assets. */
    public static final String TOP10_BORROWER_EXPOSURE = "top10-borrower-exposure";
    /** Largest borrower with its related parties that are customers / net assets (limit 15 %). */
    public static final String RELATED_PARTY_EXPOSURE = "related-party-exposure";
    /** (Bank + shareholder loans) / net assets (the "1" of 1 + 4). */
    public static final String LEVERAGE_LOANS = "leverage-loans";
    /** (Bonds + asset-backed securities) / net assets (the "4" of 1 + 4). */
    public static final String LEVERAGE_BONDS = "leverage-bonds";
    /** Non-performing principal (次级, 可疑, 损失) / principal outstanding (不良贷款率). */
    public static final String NPL_RATIO = "npl-ratio";
    /** Loan-loss provision held / non-performing principal (拨备覆盖率). */
    public static final String PROVISION_COVERAGE = "provision-coverage";
    /** Principal of loans past due / principal outstanding (逾期率). */
    public static final String OVERDUE_RATE = "overdue-rate";
    public static final String OVERDUE_RATE_1_30 = "overdue-rate-1-30";
    public static final String OVERDUE_RATE_31_60 = "overdue-rate-31-60";
    public static final String OVERDUE_RATE_61_90 = "overdue-rate-61-90";
    public static final String OVERDUE_RATE_91_180 = "overdue-rate-91-180";
    public static final String OVERDUE_RATE_181_PLUS = "overdue-rate-181-plus";
    /** Loans on the books whose contract rate is above the rate benchmark in force at disbursement / loans on the books. */
    public static final String ABOVE_RATE_BENCHMARK = "share-above-rate-benchmark";
    /** Average hours from submission to decision of the approval cases decided in the 30 days to the date. */
    public static final String APPROVAL_HOURS = "approval-hours";
    /** Average hours from contract acceptance to the bank's confirmation of disbursements in the 30 days to the date. */
    public static final String DISBURSEMENT_HOURS = "disbursement-hours";
    /** Complaints filed in the 30 days to the date per 1,000 loans on the books. */
    public static final String COMPLAINT_RATE = "complaint-rate";
    /** Principal outstanding on the books (CNY). */
    public static final String LOAN_BALANCE = "loan-balance";
    /** Loans on the books. */
    public static final String LOAN_COUNT = "loan-count";

    /** Every code, in the order screens list them. */
    public static final List<String> ALL = List.of(TOP_BORROWER_EXPOSURE, TOP10_BORROWER_EXPOSURE, RELATED_PARTY_EXPOSURE,
            LEVERAGE_LOANS, LEVERAGE_BONDS, NPL_RATIO, PROVISION_COVERAGE, OVERDUE_RATE, OVERDUE_RATE_1_30,
            OVERDUE_RATE_31_60, OVERDUE_RATE_61_90, OVERDUE_RATE_91_180, OVERDUE_RATE_181_PLUS, ABOVE_RATE_BENCHMARK,
            APPROVAL_HOURS, DISBURSEMENT_HOURS, COMPLAINT_RATE, LOAN_BALANCE, LOAN_COUNT);

    /** Regulatory limits (DOMAIN.md §3): a value above its limit is a breach. */
    public static final Map<String, BigDecimal> LIMITS = Map.of(TOP_BORROWER_EXPOSURE, new BigDecimal("0.10"),
            RELATED_PARTY_EXPOSURE, new BigDecimal("0.15"), LEVERAGE_LOANS, BigDecimal.ONE, LEVERAGE_BONDS,
            new BigDecimal("4"));

    private SupervisoryIndicators() {
    }
}
