package org.xiaodai.servicing.internal;

/**
 * SQL for the closed forms of end of day (withholding's amount owed, the overdue step's penalty and next-day state),
 * which reckon a quiet loan from its schedule instead of running the servicing engine.
 */
final class UnpaidInstallments {

    private UnpaidInstallments() {
    }

    /**
     * A sub-query of the unpaid part of each schedule row of the loan {@code alias}, for use in a lateral join: the row
     * falling due on the loan's oldest unpaid due date ({@code alias.k_due}) holds what is left of the principal and
     * the interest after the payments booked so far, every later row its scheduled amounts. Columns {@code due_date},
     * {@code principal}, {@code interest}; {@code alias} needs {@code id}, {@code k_due},
     * {@code principal_outstanding}, {@code interest_paid} and {@code schedule_version}. The caller bounds
     * {@code due_date} (at least {@code k_due}) and may add conditions on {@code alias} with {@code and}.
     */
    static String rowsOf(String alias) {
        return """
                select r.due_date,
                       case when r.due_date = %1$s.k_due
                            then %1$s.principal_outstanding
                                 - coalesce(sum(r.principal) filter (where r.due_date > %1$s.k_due) over (), 0)
                            else r.principal end as principal,
                       case when r.due_date = %1$s.k_due
                            then coalesce(sum(r.interest) filter (where r.due_date <= %1$s.k_due) over (), 0)
                                 - %1$s.interest_paid
                            else r.interest end as interest
                from servicing_schedule_row r
                where r.loan_id = %1$s.id and r.version = %1$s.schedule_version""".formatted(alias);
    }
}
