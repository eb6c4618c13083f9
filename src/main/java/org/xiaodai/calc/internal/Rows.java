package org.xiaodai.calc.internal;

import java.math.BigDecimal;

/**
 * The amounts of a schedule under construction, indexed from 0 for installment 1. Rows are
 * built without checks; {@link ScheduleEngine} validates them before they become a schedule.
 */
final class Rows {

    final BigDecimal[] principal;
    final BigDecimal[] interest;
    final BigDecimal[] accrued;
    final BigDecimal[] balance;

    Rows(int n) {
        principal = new BigDecimal[n];
        interest = new BigDecimal[n];
        accrued = new BigDecimal[n];
        balance = new BigDecimal[n];
    }

    int size() {
        return principal.length;
    }

    BigDecimal total(int i) {
        return principal[i].add(interest[i]);
    }

    BigDecimal lastTotal() {
        return total(size() - 1);
    }

    BigDecimal totalInterest() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal x : interest) {
            sum = sum.add(x);
        }
        return sum;
    }

    /** @return the balance before row i (0-based), given the opening principal */
    BigDecimal balanceBefore(int i, BigDecimal opening) {
        return i == 0 ? opening : balance[i - 1];
    }
}
