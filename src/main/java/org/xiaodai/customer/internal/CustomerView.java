package org.xiaodai.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.customer.CustomerKind;

/**
 * A customer as screens and the API show it: identifiers masked (DOMAIN.md §8); the full values
 * only through {@code GET /api/v1/customers/{id}/pii}, which is audited.
 */
@Schema(description = "A customer with its ID number, mobile and bank card masked.")
public record CustomerView(UUID id, CustomerKind kind, @Schema(example = "测试客户甲") String name,
                           @Schema(description = "Masked: first 4 and last 4 characters.", example = "3604**********0071")
                           String idNumber,
                           @Schema(description = "Masked: first 3 and last 4 digits.", example = "138****5678")
                           @Nullable String mobile,
                           @Schema(description = "Masked: first 6 and last 4 digits.") @Nullable String bankCard,
                           @Schema(description = "Findings saved with the record that did not block it, e.g. a bank card failing Luhn.")
                           List<Warning> warnings,
                           @Schema(description = "GB/T 2260 administrative division code.", example = "330106")
                           @Nullable String regionCode, @Nullable String address,
                           @Schema(description = "GB/T 4754 industry code.", example = "F52") @Nullable String industryCode,
                           @Nullable String employer,
                           @Schema(description = "CNY, a decimal string.", example = "8500.00") @Nullable String monthlyIncome,
                           @Nullable String legalRepresentative,
                           @Schema(description = "CNY, a decimal string.") @Nullable String registeredCapital,
                           Instant createdAt) {

    /** One non-blocking finding: the field, the rule code and the message in the caller's language. */
    @Schema(description = "A finding that was saved with the record.")
    public record Warning(@Schema(example = "bankCard") String field, @Schema(example = "luhn") String rule,
                          String message) {
    }
}
