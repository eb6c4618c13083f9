/**
 * Contracts (合同): generation from a template with the annualised-rate disclosure, the contract
 * PDF, and acceptance by the borrower (the e-signature hook), which hands the loan to servicing
 * through {@link org.xiaodai.contract.ContractAccepted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts",
        allowedDependencies = {"calc", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.contract;
