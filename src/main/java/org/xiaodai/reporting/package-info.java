/**
 * Regulatory reporting (监管报送): the monthly return of each institution to the regulator. A return
 * is generated for a period ({@code YYYY-MM}) by collecting the institution's loans into an immutable
 * snapshot — the loan-level monthly detail in the shape of the PBOC second-generation credit record's
 * monthly segment (月度表现信息段) and the monthly statistical return (月度统计报表) aggregated from it —
 * checked by the data-quality rules (completeness, validity, consistency with the ledger,
 * uniqueness), reviewed, submitted, and answered by the regulator with a receipt (回执) that may
 * reject rows; a rejected return is corrected and generated again as a new version, every version
 * kept. Returns are due by the 5th of the next month; late ones are listed for the regulator.
 * <p>
 * Collection is one set-based {@code INSERT … SELECT} from servicing's published database read
 * {@code servicing_month_end_positions} (servicing migration {@code V20261203_0100}); the ledger is
 * read through {@link org.xiaodai.ledger.Ledger}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulatory reporting",
        allowedDependencies = {"customer", "product", "supervision", "ledger", "eod", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.reporting;
