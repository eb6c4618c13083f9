/**
 * End of day (日终): owns each institution's business date. Today it opens the date when an
 * institution is registered and advances it on request; the batch itself (accrual, DPD,
 * penalties, classification, provisions) arrives with servicing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "End of day")
package org.xiaodai.eod;
