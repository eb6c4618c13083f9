/**
 * Supervision (监管): the regulator's side of the region. The institution registry (机构名录: licence,
 * licensed region and business scope, registered capital, prior-year-end net assets, funding by
 * source, status active / suspended / revoked, contacts), every change kept as a version with the
 * date it takes effect; the daily indicator history per institution ({@link org.xiaodai.supervision.SupervisoryIndicators},
 * computed at each institution's end of day by an {@code eod} step from servicing's {@code LoanPortfolio}, the
 * ledger's provisions, approval times and customers' related parties, and summed for the region);
 * complaints (投诉) registered by the regulator or a borrower and routed to the institution with a
 * response deadline; on-site and off-site inspections (现场 / 非现场检查) with findings, rectification
 * deadlines and follow-up; and the region aggregates the industry association (行业协会) sees.
 * <p>
 * The regulator writes these (never lending data); an institution reads what concerns it and writes
 * only its answers. Other modules use {@link org.xiaodai.supervision.Institutions} (may this
 * institution originate, its net assets on a date, its licence) and
 * {@link org.xiaodai.supervision.Complaints}; {@link org.xiaodai.supervision.ComplaintRegistered}
 * and {@link org.xiaodai.supervision.ComplaintResolved} are published (and externalised to Kafka
 * when a broker is configured).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"servicing", "ledger", "customer", "product", "approval", "eod", "origination", "iam",
                "audit", "shared", "platform::web"})
package org.xiaodai.supervision;
