/**
 * Origination (贷款申请): applications entered online (API, later the borrower portal) or offline by a
 * loan officer, for a customer and a product version; collateral, guarantors, documents and pre-loan
 * investigations; the checks on submit (blacklist, multi-lending, velocity per device and client
 * address, shared mobiles, identity consistency, exposure against net assets and the online caps, the
 * annualised rate against the benchmark), each a named flag with a plain-words explanation; the credit
 * bureau behind an adapter ({@code SimulatedCreditBureau} by default, refused without a live consent)
 * whose report feeds the A-card score.
 * <p>
 * Origination asks approval for a decision ({@link org.xiaodai.approval.ApprovalRequested}), moves the
 * application on when approval answers ({@link org.xiaodai.approval.ApprovalDecided}), asks for the
 * contract on approval ({@link org.xiaodai.contract.ContractRequested}) and marks the application
 * contracted when the borrower accepts ({@link org.xiaodai.contract.ContractAccepted}). Whether an
 * institution may originate at all is asked of every {@link org.xiaodai.origination.OriginationGate}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Origination",
        allowedDependencies = {"customer", "product", "scoring", "calc", "approval", "contract", "servicing", "iam", "audit",
                "shared", "platform::web"})
package org.xiaodai.origination;
