package org.xiaodai.iam;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTest {

    static final UUID INSTITUTION = UUID.randomUUID();
    static final UUID USER = UUID.randomUUID();

    @Test
    void platformAndRegulatorSeeEveryInstitution() {
        for (ScopeLevel level : new ScopeLevel[] {ScopeLevel.ALL, ScopeLevel.REGION}) {
            DataScope scope = new DataScope(level, INSTITUTION, null, USER);
            assertThat(scope.spansRegion()).isTrue();
            assertThat(scope.predicate("t", "branch_path", "owner_id").sql()).isEqualTo("true");
        }
    }

    @Test
    void institutionScopeStaysInsideItsInstitution() {
        DataScope scope = new DataScope(ScopeLevel.INSTITUTION, INSTITUTION, "/a/", USER);
        assertThat(scope.spansRegion()).isFalse();
        DataScope.Predicate predicate = scope.predicate("t", "branch_path", "owner_id");
        assertThat(predicate.sql()).isEqualTo("t.institution_id = :scopeInstitutionId");
        assertThat(predicate.parameters()).containsEntry("scopeInstitutionId", INSTITUTION);
    }

    @Test
    void branchScopeIsASubtreePrefix() {
        DataScope.Predicate predicate = new DataScope(ScopeLevel.BRANCH, INSTITUTION, "/root/east/", USER)
                .predicate("t", "branch_path", "owner_id");
        assertThat(predicate.sql()).contains("t.institution_id = :scopeInstitutionId", "t.branch_path like :scopeBranchPath");
        assertThat(predicate.parameters()).containsEntry("scopeBranchPath", "/root/east/%");
    }

    @Test
    void ownScopeIsTheCallersRecordsOnly() {
        DataScope.Predicate predicate = new DataScope(ScopeLevel.OWN, INSTITUTION, "/root/", USER)
                .predicate("t", "branch_path", "owner_id");
        assertThat(predicate.sql()).contains("t.owner_id = :scopeUserId");
        assertThat(predicate.parameters()).containsEntry("scopeUserId", USER);
    }

    @Test
    void narrowerScopesFallBackToTheInstitutionWhereRowsHaveNoBranchOrOwner() {
        assertThat(new DataScope(ScopeLevel.BRANCH, INSTITUTION, "/r/", USER).predicate("t", null, null).sql())
                .isEqualTo("t.institution_id = :scopeInstitutionId");
        assertThat(new DataScope(ScopeLevel.OWN, INSTITUTION, "/r/", USER).predicate("t", null, null).sql())
                .isEqualTo("t.institution_id = :scopeInstitutionId");
    }
}
