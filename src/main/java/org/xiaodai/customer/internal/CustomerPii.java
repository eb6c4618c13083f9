package org.xiaodai.customer.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The full identifiers of one customer; every read of them is on the audit trail. */
@Schema(description = "The unmasked identifiers of a customer (customer:pii:view; audited).")
public record CustomerPii(UUID id, @Schema(example = "360426199101010071") String idNumber,
                          @Schema(example = "13812345678") @Nullable String mobile, @Nullable String bankCard) {

    @Override
    public String toString() {
        return "CustomerPii[" + id + "]";
    }
}
