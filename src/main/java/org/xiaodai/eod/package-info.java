/**
 * End of day (日终): owns each institution's business date (会计日), read by every module through
 * {@link org.xiaodai.shared.time.BusinessDate}. Today it opens the date, at the calendar date of
 * registration, when an institution is registered; the batch that closes a day and advances the
 * date (accrual, DPD, penalties, classification, provisions) arrives with servicing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "End of day", allowedDependencies = {"iam", "shared"})
package org.xiaodai.eod;
