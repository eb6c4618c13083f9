-- End of day reads the schedule rows current on a day without touching the loans' other rows:
-- ordinary periods through the due date (index-only, the columns accrual needs included), long
-- periods (bullet loans, half-yearly installments) through a small partial index of their own.
drop index servicing_schedule_row_due;
create index servicing_schedule_row_due on servicing_schedule_row (institution_id, due_date)
    include (period_start, interest, loan_id, version);
create index servicing_schedule_row_long on servicing_schedule_row (institution_id, due_date)
    where due_date - period_start > 100;
