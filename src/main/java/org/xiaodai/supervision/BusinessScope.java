package org.xiaodai.supervision;

/**
 * What a licence allows an institution to lend for (经营范围), by the product types of
 * {@code DOMAIN.md} §2 (the same names as {@code product.ProductType}).
 */
public enum BusinessScope {
    /** 个人消费. */
    PERSONAL_CONSUMPTION,
    /** 个体工商户经营. */
    INDIVIDUAL_BUSINESS,
    /** 农户. */
    FARMER,
    /** 小微企业. */
    SMALL_ENTERPRISE
}
