package org.xiaodai.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything one version of a loan product offers. Ranges are inclusive; terms count repayments
 * (periods of {@code scheduleConventions.repaymentEvery × repaymentFrequency}); rates are nominal
 * annual percents like the conformance {@code annualInterestRatePercent}.
 *
 * @param code stable code inside the institution, e.g. {@code XF-01}
 * @param name name on pages and contracts
 * @param productType what it lends for
 * @param securityType how its loans are secured
 * @param currency ISO 4217 code, e.g. CNY
 * @param minPrincipal smallest amount lent
 * @param maxPrincipal largest amount lent
 * @param minNumberOfRepayments shortest term
 * @param maxNumberOfRepayments longest term
 * @param minAnnualInterestRatePercent lowest contract rate
 * @param maxAnnualInterestRatePercent highest contract rate
 * @param scheduleConventions how schedules are computed
 * @param servicingPolicy penalty, grace and classification
 * @param fees fees charged beside the principal, possibly none
 * @param allocationOrder the order of all six allocation buckets
 * @param documents the document checklist
 * @param branchCodes the branches offering it; empty = every branch
 * @param approvalPolicyId the approval policy it uses; null until approval policies exist
 * @param effectiveFrom the date this version is offered from (the rate benchmark is read on it)
 */
public record ProductDefinition(
        String code,
        String name,
        ProductType productType,
        SecurityType securityType,
        String currency,
        BigDecimal minPrincipal,
        BigDecimal maxPrincipal,
        int minNumberOfRepayments,
        int maxNumberOfRepayments,
        BigDecimal minAnnualInterestRatePercent,
        BigDecimal maxAnnualInterestRatePercent,
        ScheduleConventions scheduleConventions,
        ServicingPolicy servicingPolicy,
        List<ProductFee> fees,
        List<AllocationBucket> allocationOrder,
        List<DocumentRequirement> documents,
        List<String> branchCodes,
        UUID approvalPolicyId,
        LocalDate effectiveFrom) {

    public ProductDefinition {
        fees = fees == null ? List.of() : List.copyOf(fees);
        allocationOrder = allocationOrder == null ? List.of() : List.copyOf(allocationOrder);
        documents = documents == null ? List.of() : List.copyOf(documents);
        branchCodes = branchCodes == null ? List.of() : List.copyOf(branchCodes);
    }

    /** The same definition offered from another date. */
    public ProductDefinition effectiveFrom(LocalDate date) {
        return new ProductDefinition(code, name, productType, securityType, currency, minPrincipal, maxPrincipal,
                minNumberOfRepayments, maxNumberOfRepayments, minAnnualInterestRatePercent, maxAnnualInterestRatePercent,
                scheduleConventions, servicingPolicy, fees, allocationOrder, documents, branchCodes, approvalPolicyId, date);
    }
}
