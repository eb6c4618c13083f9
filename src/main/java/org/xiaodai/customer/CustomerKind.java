package org.xiaodai.customer;

/** Who the borrower is: a natural person (resident ID) or an enterprise (unified social credit code). */
public enum CustomerKind {
    /** 个人: identified by the resident ID number. */
    INDIVIDUAL,
    /** 企业 (incl. 个体工商户 with a licence): identified by the unified social credit code. */
    ENTERPRISE
}
