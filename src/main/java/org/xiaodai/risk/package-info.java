/**
 * Early warning (风险预警): rules as data — the indicator watched, a comparison and threshold, the
 * severity of the alert, its scope (every institution or one) and the date it takes effect, each
 * change a new version — and the alerts they raise, with their lifecycle (open → acknowledged →
 * resolved with a note; assignment; history) and an in-app inbox for the institution and the
 * regulator.
 * <p>
 * {@link org.xiaodai.risk.EarlyWarnings#evaluate} is the one evaluation seam: whoever has a value of
 * an indicator (end of day, an event, later the indicator engine) hands it over as an
 * {@link org.xiaodai.risk.Observation}, and every rule in effect for that indicator, date and
 * institution is applied. Today the module itself feeds it from {@code eod.DayClosed} (complaints
 * past their response deadline, supervision's loan indicators, the overdue spike, late returns),
 * {@code scoring.ScoreDriftDetected} (score drift, PSI), {@code servicing.LoanDisbursed} (lending
 * outside the licensed region or scope, checked with {@code supervision.Institutions.licensedFor}),
 * {@code approval.ApprovalRequested} (origination's multi-lending flag on submit) and
 * {@code origination.ApplicationBurst} (a device or client address over origination's velocity limit, as a keyed
 * digest; one alert per source and hour).
 * {@link org.xiaodai.risk.AlertRaised} is published for every new alert (and externalised to Kafka
 * when a broker is configured).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Early warning",
        allowedDependencies = {"supervision", "reporting", "servicing", "customer", "product", "approval", "origination",
                "scoring", "eod", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.risk;
