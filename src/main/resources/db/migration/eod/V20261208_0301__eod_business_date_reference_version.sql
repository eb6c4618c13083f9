-- A business date moved (end of day's advance, a new institution, a correction by hand) bumps the
-- reference version in the same transaction: the business dates kept in memory are read again.
create trigger eod_business_date_reference_version
    after insert or update or delete on eod_business_date
    for each statement execute function xiaodai_bump_reference_version();
create trigger eod_business_date_reference_version_truncate
    after truncate on eod_business_date
    for each statement execute function xiaodai_bump_reference_version();
