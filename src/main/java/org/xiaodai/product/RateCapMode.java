package org.xiaodai.product;

/** What saving a product above the rate benchmark (4 × LPR) does (DOMAIN.md §3: warn or block). */
public enum RateCapMode {
    /** The product is refused with the computed rate. */
    REFUSE,
    /** The product is saved, flagged as above the benchmark, with the computed rate shown. */
    FLAG
}
