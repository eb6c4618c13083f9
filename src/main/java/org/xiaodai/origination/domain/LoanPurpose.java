package org.xiaodai.origination.domain;

/**
 * What the borrower says the money is for. Three purposes are refused outright (DOMAIN.md §3):
 * securities and derivatives, equity investment, and repaying other loans.
 */
public enum LoanPurpose {
    CONSUMPTION("A43"),
    HOME_IMPROVEMENT("A45"),
    EDUCATION("A46"),
    MEDICAL("A410"),
    VEHICLE("A40"),
    FURNITURE("A42"),
    BUSINESS_OPERATION("A49"),
    AGRICULTURE("A49"),
    OTHER("A410"),
    SECURITIES(null),
    EQUITY_INVESTMENT(null),
    LOAN_REPAYMENT(null);

    private final String scorecardCategory;

    LoanPurpose(String scorecardCategory) {
        this.scorecardCategory = scorecardCategory;
    }

    /** Forbidden for a microloan: not for securities/derivatives, equity investment or repaying other loans. */
    public boolean forbidden() {
        return scorecardCategory == null;
    }

    /** The A-card's {@code purpose} category (German credit A40…A410). */
    public String scorecardCategory() {
        return scorecardCategory;
    }
}
