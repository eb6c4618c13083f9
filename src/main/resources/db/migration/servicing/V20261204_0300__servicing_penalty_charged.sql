-- The penalty charged on one installment that has owed the same amount since its due date
-- (servicing README §3, §5), exactly as calc's engine rounds it: base × days × A × M / (100 × Y),
-- rounded once to the currency (HALF_EVEN or HALF_UP, decided on the exact remainder, never on a
-- rounded quotient), zero inside the grace window (days ≤ grace). End of day sums it for overdue
-- loans whose unpaid amounts cannot have moved since their oldest unpaid due date (OverdueStep).
create function servicing_penalty_charged(base numeric, days integer, grace integer, rate_times_multiplier numeric,
                                          days_in_year integer, digits integer, half_even boolean) returns numeric
    language sql immutable parallel safe as $$
    select case
        when days <= 0 or days <= grace or base <= 0 then 0::numeric
        else (select (q + case when 2 * rem > den then 1 when 2 * rem < den then 0
                               when half_even then mod(q, 2) else 1 end) / power(10::numeric, digits)
              from (select div(v, den) as q, v - div(v, den) * den as rem, den
                    from (select base * days * rate_times_multiplier * power(10::numeric, digits) as v,
                                 100::numeric * days_in_year as den) a) b)
    end
$$;
