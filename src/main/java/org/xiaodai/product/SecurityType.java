package org.xiaodai.product;

/** How a product's loans are secured (DOMAIN.md §2); it decides which classification tables fit. */
public enum SecurityType {
    /** 信用: unsecured. */
    CREDIT,
    /** 保证: guaranteed by a third party. */
    GUARANTEED,
    /** 抵押: mortgage. */
    MORTGAGE,
    /** 质押: pledge. */
    PLEDGE
}
