package org.xiaodai.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What origination and contracts need to know about a borrower (or a guarantor who is a customer):
 * the name and the masked identifier for the contract's parties, and the facts the submit checks
 * compare (age and region from the ID number against what was stated, a mobile shared by several
 * ID numbers, related parties). Never the full identifiers.
 *
 * @param birthDate            from the resident ID number; null for an enterprise
 * @param idRegionCode         the 6-digit division code the ID number starts with; null for an enterprise
 * @param regionCode           the region (GB/T 2260) stated for the customer, may be null
 * @param idNumbersSharingMobile how many other ID numbers of the institution's customers carry the same mobile
 * @param relatedCustomerIds   customers entered as this customer's related parties (spouse, shareholder…)
 */
public record CustomerProfile(UUID id, CustomerKind kind, String name, String idNumberMasked,
                              @Nullable String mobileMasked, @Nullable LocalDate birthDate,
                              @Nullable String idRegionCode, @Nullable String regionCode,
                              @Nullable BigDecimal monthlyIncome, int idNumbersSharingMobile,
                              List<UUID> relatedCustomerIds) {

    public CustomerProfile {
        relatedCustomerIds = List.copyOf(relatedCustomerIds);
    }
}
