package org.xiaodai.customer;

/** What a separate consent (单独同意, DOMAIN.md §8) allows. */
public enum ConsentPurpose {
    /** 征信查询授权: query the customer's credit report at a credit bureau. */
    CREDIT_BUREAU_QUERY,
    /** 信息共享授权: share the customer's data with third parties (guarantors, funders, the regulator's platform). */
    DATA_SHARING
}
