package org.xiaodai.customer;

/** Why an ID number is on the regional blacklist: the category every institution may see on a hit. */
public enum BlacklistReason {
    /** 欺诈 */
    FRAUD,
    /** 恶意逃废债 */
    LOAN_DEFAULT,
    /** 冒用身份 */
    IDENTITY_THEFT,
    /** 失信被执行人 */
    COURT_ENFORCEMENT,
    OTHER
}
