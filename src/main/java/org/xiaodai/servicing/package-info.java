/**
 * Servicing (贷后): loans from an accepted contract to their end — disbursement through the payment
 * channel, repayments with idempotency keys allocated by the servicing engine of {@code calc},
 * credit balances (溢缴款) and refunds, reversals by compensating entries, overdue marking, penalty
 * and compound interest, the five-level grade (五级分类) with its dated history, prepayment and
 * payoff, write-off (核销) and restructuring (重组/展期), and the loan's contribution to end of day.
 * <p>
 * A loan's state as of a business date is what {@link org.xiaodai.calc.ServicingCalculator} computes
 * from its schedule and repayments; the loan row keeps only the balances last posted. Every change
 * of those balances publishes a balanced {@link org.xiaodai.servicing.LedgerPosting} in the same
 * transaction, which {@code ledger} books. Other modules read loans through
 * {@link org.xiaodai.servicing.Loans} and react to the events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Servicing",
        allowedDependencies = {"calc", "contract", "eod", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.servicing;
