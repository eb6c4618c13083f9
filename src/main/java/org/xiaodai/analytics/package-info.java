/**
 * Analytics (统计分析): dashboards for an institution and for the region — balance and count trends,
 * overdue and NPL trends, distributions by region, industry, product and grade, vintage curves
 * (cumulative DPD30+ by disbursement month), grade migration (roll rates), the largest exposures —
 * with drill-down from the region to an institution to its loans, and every chart's data as JSON or
 * CSV.
 * <p>
 * A read model: it reads the servicing, customer, product and supervision tables with its own SQL on
 * its own read-only connection ({@code xiaodai.analytics.datasource.*}, a replica in production; by
 * default the application's database in read-only transactions), through the same tenant wall as
 * every other read (the institution, or region-wide for the regulator and the association, set on
 * each transaction). It writes nothing and depends on no other module's Java API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"iam", "shared", "platform::web"})
package org.xiaodai.analytics;
