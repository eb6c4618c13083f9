package org.xiaodai.origination.domain;

import java.math.BigDecimal;

/** Kinds of collateral (抵押物 / 质押物) and the loan-to-value limit of each (defaults; practice). */
public enum CollateralType {
    /** 房产. */
    REAL_ESTATE("0.70"),
    /** 土地使用权. */
    LAND_USE_RIGHT("0.60"),
    /** 机动车. */
    VEHICLE("0.50"),
    /** 机器设备. */
    EQUIPMENT("0.50"),
    /** 存单. */
    DEPOSIT_CERTIFICATE("0.90"),
    /** 应收账款. */
    RECEIVABLES("0.60"),
    /** 其他. */
    OTHER("0.40");

    private final BigDecimal loanToValueLimit;

    CollateralType(String limit) {
        this.loanToValueLimit = new BigDecimal(limit);
    }

    /** The largest share of the valuation that may be lent against it. */
    public BigDecimal loanToValueLimit() {
        return loanToValueLimit;
    }
}
