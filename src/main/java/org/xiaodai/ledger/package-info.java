/**
 * The general ledger (总账, 业财一体化): each institution's chart of accounts, vouchers (凭证) posted
 * automatically by every business event in the transaction of the event and idempotent on its id,
 * append-only entries, the daily trial balance, the sub-ledger ↔ general-ledger reconciliation and
 * loan-loss provisions (贷款损失准备) per grade adjusted at end of day.
 * <p>
 * It books the {@link org.xiaodai.servicing.LedgerPosting}s servicing publishes and reads the
 * sub-ledger through {@link org.xiaodai.servicing.Loans}; others read it through {@link org.xiaodai.ledger.Ledger}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger",
        allowedDependencies = {"servicing", "eod", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.ledger;
