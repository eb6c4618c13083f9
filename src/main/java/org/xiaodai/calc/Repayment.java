package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment received (servicing README §1 {@code REPAYMENT} event).
 *
 * @param date the day it is booked, between disbursement and the as-of date
 * @param amount &gt; 0, with at most the currency's decimals
 */
public record Repayment(LocalDate date, BigDecimal amount) {
}
