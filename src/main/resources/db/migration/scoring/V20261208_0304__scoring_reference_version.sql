-- The slots (champion, challenger) and the grade tables kept in memory across transactions
-- (scoring.internal.ScoringRepository, GradePolicy) are read again after any change to what they are
-- made of: an assignment, a model's name or version, a grade table row. Training progress and status
-- updates of a model do not bump the version (the slots read only its id, name and version).
create trigger scoring_assignment_reference_version
    after insert or update or delete on scoring_assignment
    for each statement execute function xiaodai_bump_reference_version();
create trigger scoring_assignment_reference_version_truncate
    after truncate on scoring_assignment
    for each statement execute function xiaodai_bump_reference_version();
create trigger scoring_model_reference_version
    after update of id, name, version or delete on scoring_model
    for each statement execute function xiaodai_bump_reference_version();
create trigger scoring_model_reference_version_truncate
    after truncate on scoring_model
    for each statement execute function xiaodai_bump_reference_version();
create trigger scoring_grade_policy_reference_version
    after insert or update or delete on scoring_grade_policy
    for each statement execute function xiaodai_bump_reference_version();
create trigger scoring_grade_policy_reference_version_truncate
    after truncate on scoring_grade_policy
    for each statement execute function xiaodai_bump_reference_version();
