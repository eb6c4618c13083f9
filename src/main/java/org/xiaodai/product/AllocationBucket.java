package org.xiaodai.product;

import java.util.List;

/** A bucket a repayment is allocated to; a product orders all six (DOMAIN.md §5). */
public enum AllocationBucket {
    PENALTY,
    FEES,
    OVERDUE_INTEREST,
    OVERDUE_PRINCIPAL,
    CURRENT_INTEREST,
    CURRENT_PRINCIPAL;

    /** The default order of DOMAIN.md §5: penalty → fees → overdue interest → overdue principal → current interest → current principal. */
    public static final List<AllocationBucket> DEFAULT_ORDER = List.of(values());
}
