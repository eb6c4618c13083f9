package org.xiaodai.product;

/** What a product lends for (DOMAIN.md §2). */
public enum ProductType {
    /** 个人消费: personal consumer loan. */
    PERSONAL_CONSUMPTION,
    /** 个体工商户经营: business loan to an individual business. */
    INDIVIDUAL_BUSINESS,
    /** 农户: farmer loan. */
    FARMER,
    /** 小微企业: small and micro enterprise loan. */
    SMALL_ENTERPRISE
}
