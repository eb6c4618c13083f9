package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit report (征信报告) as origination keeps it with the application.
 *
 * @param bureau               who answered, e.g. {@code SIMULATED}
 * @param creditHistory        the A-card's credit-history category (A30 … A34)
 * @param existingCredits      open credit accounts
 * @param overdueAccounts      accounts overdue now
 * @param inquiriesLast6Months hard inquiries in the last six months
 * @param outstanding          total outstanding elsewhere, CNY
 */
public record BureauReport(String bureau, String creditHistory, int existingCredits, int overdueAccounts,
                           int inquiriesLast6Months, BigDecimal outstanding, Instant queriedAt) {
}
