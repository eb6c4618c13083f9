package org.xiaodai.iam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Editing a branch: its code and name, and moving it (with its whole subtree) under another
 * branch of the same institution. A move rewrites the subtree's paths, so branch data scopes
 * follow it; users working in the moved subtree are signed out once, since their sessions carry
 * the old path.
 */
@Service
public class BranchChanges {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditTrail audit;

    BranchChanges(JdbcClient jdbc, Organisations organisations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The branch's new parent (null: top level), code and name. */
    public record ChangeBranch(UUID parentId, String code, String name) {
    }

    private record Stored(UUID id, UUID parentId, String code, String name, String path) {
    }

    @Transactional
    public Organisations.BranchView update(CurrentUser caller, UUID institutionId, UUID branchId, ChangeBranch change) {
        Organisations.requirePermission(caller, Permission.BRANCH_MANAGE);
        organisations.get(caller, institutionId);
        if (!caller.isPlatform() && !caller.organisationId().equals(institutionId)) {
            throw ProblemException.notFound("organisation");
        }
        Stored before = stored(institutionId, branchId).orElseThrow(() -> ProblemException.notFound("branch"));
        List<FieldProblem> problems = new ArrayList<>();
        String parentPath = "/";
        if (change.parentId() != null) {
            parentPath = stored(institutionId, change.parentId()).map(Stored::path).orElse(null);
            if (parentPath == null) {
                problems.add(FieldProblem.of("parentId", "unknown"));
            } else if (parentPath.startsWith(before.path())) {
                problems.add(FieldProblem.of("parentId", "insideItself"));
            }
        }
        BranchRules.check(jdbc, problems, institutionId, change.parentId(), branchId, change.code(), change.name());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        jdbc.sql("update iam_branch set parent_id = ?, code = ?, name = ? where id = ?")
                .params(change.parentId(), change.code().trim(), change.name().trim(), branchId).update();
        if (!Objects.equals(before.parentId(), change.parentId())) {
            move(institutionId, before.path(), parentPath + branchId + "/");
        }
        Stored after = stored(institutionId, branchId).orElseThrow();
        audit.record(AuditRecord.changed("iam.branch.changed", "branch", branchId, institutionId, view(before),
                view(after)));
        return organisations.branches(caller, institutionId).stream().filter(b -> b.id().equals(branchId))
                .findFirst().orElseThrow();
    }

    /** Rewrites the subtree's paths and signs out the users working in it. */
    private void move(UUID institutionId, String oldPath, String newPath) {
        jdbc.sql("""
                update iam_branch set path = :newPath || substr(path, length(:oldPath) + 1)
                where institution_id = :institution and path like :oldPrefix
                """).param("newPath", newPath).param("oldPath", oldPath).param("institution", institutionId)
                .param("oldPrefix", oldPath.replace("_", "\\_") + "%").update();
        jdbc.sql("""
                update iam_user set security_version = security_version + 1
                where branch_id in (select id from iam_branch where institution_id = ? and path like ?)
                """).params(institutionId, newPath + "%").update();
    }

    private java.util.Optional<Stored> stored(UUID institutionId, UUID branchId) {
        return jdbc.sql("select id, parent_id, code, name, path from iam_branch where id = ? and institution_id = ?")
                .params(branchId, institutionId)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("path")))
                .optional();
    }

    private static Map<String, Object> view(Stored branch) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("code", branch.code());
        view.put("name", branch.name());
        view.put("parentId", String.valueOf(branch.parentId()));
        return view;
    }
}
