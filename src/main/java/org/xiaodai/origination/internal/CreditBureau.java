package org.xiaodai.origination.internal;

import java.util.UUID;

/**
 * The credit bureau (征信中心 / 百行) adapter. Callers must hold the customer's live separate consent
 * for a credit-bureau query (DOMAIN.md §8); {@link ApplicationService} refuses the query without one.
 */
public interface CreditBureau {

    /** The customer's report. */
    BureauReport report(UUID customerId, String idNumberMasked);
}
