/**
 * Collections (催收): a case for every overdue loan, opened when servicing reports the loan past due
 * and closed when it is repaid, paid off or written off; queues by overdue bucket (M1 1–30 days,
 * M2 31–60, M3+ over 60) ordered by the B-card collection score; assignment to collectors by hand,
 * round-robin or by branch; the case view (loan, what is owed today, whom the borrower named,
 * history); the contact log; promises to pay with broken-promise detection at end of day;
 * escalation and outsourcing flags; statistics for the institution and the regulator.
 * <p>
 * The conduct rules of DOMAIN.md §9 are enforced, not advised ({@code domain.ConductRules}): a
 * contact to someone the borrower did not name, between 22:00 and 08:00 local time without the
 * borrower's consent, or past the daily limit of unanswered calls is refused with the rule's name,
 * and the refusal is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collections",
        allowedDependencies = {"servicing", "calc", "customer", "scoring", "eod", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.collection;
