package org.xiaodai.servicing;

/** Where a loan is in its life. */
public enum LoanState {
    /** 待放款: contract accepted, schedule fixed, not paid out yet */
    PENDING_DISBURSEMENT,
    /** 放款中: sent to the payment channel, waiting for its answer */
    DISBURSING,
    /** 正常: disbursed, nothing past due */
    ACTIVE,
    /** 逾期: an installment is past due */
    OVERDUE,
    /** 结清 */
    PAID_OFF,
    /** 核销 */
    WRITTEN_OFF;

    /** @return true while the loan is on the books and accrues */
    public boolean open() {
        return this == ACTIVE || this == OVERDUE;
    }
}
