package org.xiaodai.supervision;

/** A licence's state (牌照状态): only an active institution may originate loans. */
public enum LicenceStatus {
    /** 正常经营. */
    ACTIVE,
    /** 暂停业务: existing loans are serviced, no new ones. */
    SUSPENDED,
    /** 吊销 / 撤销: the licence is gone. */
    REVOKED
}
