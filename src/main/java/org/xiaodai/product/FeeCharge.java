package org.xiaodai.product;

/**
 * When a fee is charged. There is deliberately no way to deduct a fee from the principal paid out
 * (砍头息, forbidden by 民法典 Art. 670): a fee is a separate charge the borrower pays, and the
 * database refuses any other value (constraint {@code product_version_fees_are_charged_never_deducted}).
 */
public enum FeeCharge {
    /** Once, charged at disbursement, paid beside the full principal. */
    AT_DISBURSEMENT,
    /** With every installment. */
    PER_INSTALLMENT
}
