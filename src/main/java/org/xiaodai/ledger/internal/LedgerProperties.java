package org.xiaodai.ledger.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.xiaodai.servicing.AccountRole;

/**
 * The ledger's settings ({@code xiaodai.ledger.*}).
 *
 * @param accounts       overrides of the default chart per role (code, zh and en names)
 * @param provisionRates loan-loss provision rate per grade (贷款损失准备计提比例), as fractions
 */
@ConfigurationProperties("xiaodai.ledger")
record LedgerProperties(Map<AccountRole, AccountSetting> accounts, Map<String, BigDecimal> provisionRates) {

    static final Map<String, BigDecimal> DEFAULT_RATES = Map.of("NORMAL", new BigDecimal("0.015"),
            "SPECIAL_MENTION", new BigDecimal("0.03"), "SUBSTANDARD", new BigDecimal("0.30"),
            "DOUBTFUL", new BigDecimal("0.60"), "LOSS", new BigDecimal("1.00"));

    LedgerProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        java.util.Map<String, BigDecimal> rates = new java.util.HashMap<>(DEFAULT_RATES);
        if (provisionRates != null) {
            rates.putAll(provisionRates);
        }
        provisionRates = Map.copyOf(rates);
    }

    record AccountSetting(String code, String nameZh, String nameEn) {
    }
}
