/**
 * Contracts (合同): generation from a template with the annualised-rate disclosure, the contract
 * PDF, and acceptance by the borrower (the e-signature hook), which hands the loan to servicing
 * through {@link org.xiaodai.contract.ContractAccepted}. A contract is issued when origination
 * publishes {@link org.xiaodai.contract.ContractRequested} for an approved application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts",
        allowedDependencies = {"calc", "product", "customer", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.contract;
