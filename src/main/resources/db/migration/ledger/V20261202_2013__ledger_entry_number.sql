-- An entry is named by its voucher and its number, not by a bare sequence value called "id" (a
-- short integer id reads like any amount or account code in a response body).
alter table ledger_entry rename column id to entry_no;
