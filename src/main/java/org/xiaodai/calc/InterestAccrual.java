package org.xiaodai.calc;

/**
 * How the rate of each period is obtained (README §2.2).
 */
public enum InterestAccrual {
    /** The nominal periodic rate q = A·k/PPY; only a broken first period is pro-rated. */
    PER_PERIOD,
    /** A year fraction of each period's days under {@link DaysInYear} / {@link DaysInMonth}. */
    DAILY
}
