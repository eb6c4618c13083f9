/**
 * Loan products (贷款产品): what an institution lends — type and security, amount, term and rate
 * ranges, the schedule conventions and servicing policy under the conformance field names, fees
 * that are charged and never deducted from the principal (no 砍头息), allocation order, document
 * checklist and branches — versioned so that a loan keeps the version it was made under; and the
 * LPR table with the rate benchmark: a product whose highest annualised rate (calc's APR with
 * fees, over the worst case of its ranges) is above the configured multiple of the 1-year LPR is
 * refused or flagged.
 * <p>
 * Other modules use {@link org.xiaodai.product.Products}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loan products",
        allowedDependencies = {"calc", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.product;
