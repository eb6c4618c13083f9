package org.xiaodai.collection.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Reads one case inside the caller's data scope (tenant wall, then branch subtree or "own" = the
 * assigned collector); a case outside it is not found (404), so its existence is not revealed.
 */
@Component
class CaseAccess {

    private final JdbcClient jdbc;

    CaseAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CaseViews.CaseSummary require(CurrentUser caller, UUID caseId, boolean forUpdate) {
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", "collector_id");
        Map<String, Object> params = new HashMap<>(visible.parameters());
        params.put("id", caseId);
        return jdbc.sql("select * from collection_case t where t.id = :id and " + visible.sql()
                        + (forUpdate ? " for update" : ""))
                .params(params).query(CaseViews.CaseSummary::map).optional()
                .orElseThrow(() -> ProblemException.notFound("case"));
    }

    UUID institutionOf(UUID caseId) {
        return jdbc.sql("select institution_id from collection_case where id = ?").param(caseId).query(UUID.class).single();
    }
}
