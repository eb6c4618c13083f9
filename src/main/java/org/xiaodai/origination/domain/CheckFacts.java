package org.xiaodai.origination.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the checks on submit look at, gathered by the service (no I/O here).
 *
 * @param blacklisted            the borrower's ID number is on the regional blacklist
 * @param institutionsElsewhere  other institutions of the region holding the borrower
 * @param applicationsFromDeviceLastHour submissions from the same device in the last hour (this one excluded)
 * @param applicationsFromAddressLastHour submissions from the same client address in the last hour (this one excluded)
 * @param maxPerHour             the velocity limit N
 * @param idNumbersSharingMobile other ID numbers with the borrower's mobile
 * @param birthDate              from the ID number, null for an enterprise
 * @param statedAge              the age the applicant stated, null when not stated
 * @param idRegionCode           the ID number's division code, null for an enterprise
 * @param statedRegionCode       the customer's stated region, may be null
 * @param today                  the business date
 * @param borrowerExposure       what the borrower already owes (approved and contracted, before this one)
 * @param relatedExposure        what the related parties owe
 * @param amount                 this application's amount
 * @param netAssets              the institution's prior-year-end net assets, null when unknown (no exposure checks)
 * @param borrowerLimitPercent   10 by default
 * @param relatedLimitPercent    15 by default
 * @param onlineCap              the online cap for the product type, null when offline
 * @param annualPercentageRate   the contract's annualised rate, percent
 * @param rateCapPercent         the benchmark (4 × LPR), percent
 * @param guarantors             facts about each guarantor
 */
public record CheckFacts(boolean blacklisted, int institutionsElsewhere, int applicationsFromDeviceLastHour,
                         int applicationsFromAddressLastHour, int maxPerHour, int idNumbersSharingMobile,
                         LocalDate birthDate, Integer statedAge, String idRegionCode, String statedRegionCode,
                         LocalDate today, BigDecimal borrowerExposure, BigDecimal relatedExposure, BigDecimal amount,
                         BigDecimal netAssets, BigDecimal borrowerLimitPercent, BigDecimal relatedLimitPercent,
                         BigDecimal onlineCap, BigDecimal annualPercentageRate, BigDecimal rateCapPercent,
                         List<GuarantorFacts> guarantors) {

    public CheckFacts {
        guarantors = List.copyOf(guarantors);
    }

    /** A guarantor checked like a borrower. */
    public record GuarantorFacts(String name, boolean blacklisted, int institutionsElsewhere, BigDecimal exposure) {
    }
}
