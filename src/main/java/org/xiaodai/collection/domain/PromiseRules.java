package org.xiaodai.collection.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** When a promise to pay (承诺还款) is kept or broken: pure, dates are business dates. */
public final class PromiseRules {

    private PromiseRules() {
    }

    public enum Status { OPEN, KEPT, BROKEN }

    /**
     * Kept as soon as what was paid since the promise covers the amount; broken once the business
     * date is past the promised date without it; open otherwise.
     */
    public static Status status(BigDecimal amount, BigDecimal paid, LocalDate promisedDate, LocalDate today) {
        if (paid.compareTo(amount) >= 0) {
            return Status.KEPT;
        }
        return today.isAfter(promisedDate) ? Status.BROKEN : Status.OPEN;
    }
}
