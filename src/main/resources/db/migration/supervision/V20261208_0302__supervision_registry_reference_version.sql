-- A new registry version (a licence suspended, revoked or restored) bumps the reference version in the
-- same transaction: the licence gates kept in memory are judged again.
create trigger supervision_registry_reference_version
    after insert or update or delete on supervision_registry
    for each statement execute function xiaodai_bump_reference_version();
create trigger supervision_registry_reference_version_truncate
    after truncate on supervision_registry
    for each statement execute function xiaodai_bump_reference_version();
