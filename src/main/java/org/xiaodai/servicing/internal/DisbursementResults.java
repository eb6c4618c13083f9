package org.xiaodai.servicing.internal;

import java.util.UUID;

/** Where the payment channel delivers its answers to payment orders. */
interface DisbursementResults {

    void completed(UUID institutionId, UUID orderId, boolean succeeded, String reference, String failureReason);
}
