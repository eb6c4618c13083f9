package org.xiaodai.risk;

import java.util.List;

/**
 * The indicators the shipped rules watch, and whether something feeds them yet. A rule on an
 * indicator nobody feeds is kept, shown and editable, and simply never fires until its feed exists.
 */
public final class Indicators {

    /** Largest single borrower's balance / prior-year-end net assets (limit 10 %). Needs loans. */
    public static final String TOP_BORROWER_EXPOSURE = "top-borrower-exposure";
    /** Largest borrower group with related parties / net assets (limit 15 %). Needs loans. */
    public static final String RELATED_PARTY_EXPOSURE = "related-party-exposure";
    /** Rise of the NPL ratio over the 30 days to the closed date, in ratio points (0.02 = 2 points). */
    public static final String NPL_RATIO_JUMP = "npl-ratio-jump";
    /**
     * Rise of the overdue rate of a region or industry section of the book against its mean over the 30 days before
     * (fed at end of day by risk from servicing's {@code LoanPortfolio.bySegment}; subject {@code region:<code>} or
     * {@code industry:<letter>}).
     */
    public static final String OVERDUE_SPIKE = "overdue-rate-spike";
    /**
     * Share of the loans on the books whose contract rate is above the benchmark (4 × LPR) in force
     * at disbursement (supervision's {@code share-above-rate-benchmark}).
     */
    public static final String ABOVE_RATE_BENCHMARK = "share-above-rate-benchmark";
    /**
     * Applications submitted from one client address or device within an hour, when origination's velocity check
     * flagged it (fed by risk from origination's {@code ApplicationBurst}; subject {@code address|device:<digest>@<hour>},
     * date the hour's day, so one alert per source and hour).
     */
    public static final String APPLICATION_BURST = "applications-per-address";
    /**
     * Borrowers who are also customers of other institutions of the region (多头借贷): 1 for each application submitted
     * with origination's {@code MULTI_LENDING} flag (fed by risk from approval's {@code ApprovalRequested}; subject
     * {@code application:<id>}, date the submission's day).
     */
    public static final String MULTI_LENDING = "multi-lending-borrowers";
    /**
     * How many of a new loan's borrower region and product type lie outside the institution's licence (0, 1 or 2), fed
     * by risk when servicing reports the loan disbursed ({@code LoanDisbursed}; subject {@code loan:<id>}, date the
     * disbursement date, so one alert per loan).
     */
    public static final String OUTSIDE_LICENCE = "loans-outside-licence";
    /** Population stability index of a scorecard's scores (fed by scoring's ScoreDriftDetected). */
    public static final String SCORE_PSI = "score-psi";
    /** Complaints past their response deadline (fed at end of day from supervision). */
    public static final String COMPLAINTS_OVERDUE = "complaints-overdue";
    /**
     * Days the previous month's return is past its due date (the 5th) without a submitted version (fed at end of
     * day from reporting's {@code ReturnDeadlines}; one alert per period: the subject is {@code return:YYYY-MM} and
     * the observation's date the first day late).
     */
    public static final String RETURN_DAYS_LATE = "return-days-late";

    /**
     * The indicators something feeds today: the loan indicators from supervision's daily indicator
     * history at each end of day, the PSI from scoring, overdue complaints from supervision, lending outside the
     * licence from each disbursed loan, multi-lending borrowers from each flagged submission, application bursts from
     * origination's velocity flags.
     */
    public static final List<String> FED = List.of(TOP_BORROWER_EXPOSURE, RELATED_PARTY_EXPOSURE, NPL_RATIO_JUMP,
            ABOVE_RATE_BENCHMARK, SCORE_PSI, COMPLAINTS_OVERDUE, RETURN_DAYS_LATE, OVERDUE_SPIKE, OUTSIDE_LICENCE,
            MULTI_LENDING, APPLICATION_BURST);

    private Indicators() {
    }
}
