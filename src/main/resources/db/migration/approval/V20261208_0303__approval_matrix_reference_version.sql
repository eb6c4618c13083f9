-- A saved authority matrix bumps the reference version in the same transaction: the matrices kept in
-- memory (approval.internal.MatrixStore) are read again by the next transaction on every instance.
create trigger approval_matrix_reference_version
    after insert or update or delete on approval_matrix
    for each statement execute function xiaodai_bump_reference_version();
create trigger approval_matrix_reference_version_truncate
    after truncate on approval_matrix
    for each statement execute function xiaodai_bump_reference_version();
