-- A case closes when servicing restructures or extends its loan (重组 / 展期): everything overdue is
-- folded into the new schedule, so nothing is left to collect under the old one.
alter table collection_case drop constraint collection_case_close_reason_check;
alter table collection_case add constraint collection_case_close_reason_check
    check (close_reason in ('REPAID', 'PAID_OFF', 'WRITTEN_OFF', 'RESTRUCTURED'));
