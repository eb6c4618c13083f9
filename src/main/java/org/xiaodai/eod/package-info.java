/**
 * End of day (日终): owns each institution's business date (会计日), read by every module through
 * {@link org.xiaodai.shared.time.BusinessDate}, opened on the calendar date of registration, and
 * the batch that closes it: per institution and date, every {@link org.xiaodai.eod.EndOfDayStep}
 * bean in order, each in partitions that any app instance may claim ({@code FOR UPDATE SKIP LOCKED}),
 * then the date moves on and {@link org.xiaodai.eod.DayClosed} is published. Runs are asked for by
 * an administrator ({@code POST /api/v1/eod/close}, the {@code /eod} console) or by the nightly
 * schedule ({@code xiaodai.eod.schedule}), resume after a crash and catch missed dates up in order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "End of day",
        allowedDependencies = {"iam", "audit", "shared", "platform::web"})
package org.xiaodai.eod;
