-- End of day's overdue step reads, per partition, the loans whose watch period ends the next day
-- (restructured loans, few). Without an index that arm of its candidate query was a scan of every
-- loan row of the institution, once per partition; with it each arm of the query is an index scan.
create index servicing_loan_watch on servicing_loan (institution_id, watch_until) where watch_until is not null;
