package org.xiaodai.product;

/** How a fee's value reads: an amount in the currency, or a percent of the principal. */
public enum FeeKind {
    FLAT,
    PERCENT
}
