package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The payment channel (支付通道) between the institution's bank account and borrowers: pays a loan
 * out and collects withholdings (代扣). The default is {@link SimulatedBank}.
 */
interface PaymentChannel {

    /**
     * Sends a payment order. The bank answers later, on another thread, through
     * {@link DisbursementResults#completed}; sending the same order id again never pays twice
     * (the bank answers the first result).
     */
    void pay(PaymentOrder order);

    /** Debits the borrower's account under the auto-debit mandate; answered at once. */
    WithholdingResult withhold(WithholdingOrder order);

    /**
     * Collects a payment the borrower makes themselves (快捷支付 from the borrower portal); answered
     * at once. The same order id twice collects once.
     */
    default WithholdingResult collect(WithholdingOrder order) {
        return withhold(order);
    }

    record PaymentOrder(UUID orderId, UUID institutionId, UUID loanId, BigDecimal amount, int attempt) {
    }

    record WithholdingOrder(UUID orderId, UUID institutionId, UUID loanId, BigDecimal amount) {
    }

    record WithholdingResult(boolean succeeded, String reference, String failureReason) {
    }
}
