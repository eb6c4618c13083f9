package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.xiaodai.origination.domain.CollateralType;
import org.xiaodai.origination.domain.LoanPurpose;

/**
 * An application as parsed from the API or the officer's form (decimals already read; the service
 * checks it against the product).
 *
 * @param deviceId a client device fingerprint for the velocity check, may be null
 */
public record NewApplication(UUID customerId, UUID productId, BigDecimal amount, int numberOfRepayments,
                             BigDecimal annualInterestRatePercent, LoanPurpose purpose, String channel,
                             Map<String, Object> answers, List<String> documents, List<Collateral> collateral,
                             List<UUID> guarantors, String deviceId) {

    public NewApplication {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        documents = documents == null ? List.of() : List.copyOf(documents);
        collateral = collateral == null ? List.of() : List.copyOf(collateral);
        guarantors = guarantors == null ? List.of() : List.copyOf(guarantors);
    }

    /** One collateral item (抵押/质押物). */
    public record Collateral(CollateralType type, String description, BigDecimal valuation, LocalDate valuationDate) {
    }
}
