package org.xiaodai.iam.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.shared.problem.FieldProblem;

/**
 * What a branch must satisfy, for adding and for editing: a code of {@value #CODE_RULE} (unique in
 * its institution), a name of 1–100 characters, unique among its parent's branches (two
 * "东区支行" under one head office cannot be told apart on any screen).
 */
final class BranchRules {

    /** Letters, digits, - and _; 2–32 characters: the pattern every code of identity and access follows. */
    static final String CODE_PATTERN = "[A-Za-z0-9_-]{2,32}";
    static final String CODE_RULE = "letters, digits, - and _; 2–32 characters";

    private BranchRules() {
    }

    /** Adds the problems of {@code code} and {@code name}; {@code self} is the branch being edited, or null. */
    static void check(JdbcClient jdbc, List<FieldProblem> problems, UUID institutionId, UUID parentId, UUID self,
                      String code, String name) {
        Organisations.requireCode(problems, "code", code);
        Organisations.requireText(problems, "name", name, 100);
        if (problems.stream().noneMatch(p -> p.field().equals("code"))) {
            boolean duplicate = jdbc.sql("""
                    select count(*) from iam_branch where institution_id = ? and code = ?
                      and (cast(? as uuid) is null or id <> ?)""")
                    .params(institutionId, code.trim(), self, self).query(Long.class).single() > 0;
            if (duplicate) {
                problems.add(FieldProblem.of("code", "duplicate"));
            }
        }
        if (problems.stream().noneMatch(p -> p.field().equals("name"))) {
            boolean sibling = jdbc.sql("""
                    select count(*) from iam_branch where institution_id = ? and lower(name) = lower(?)
                      and parent_id is not distinct from ? and (cast(? as uuid) is null or id <> ?)""")
                    .params(institutionId, name.trim(), parentId, self, self).query(Long.class).single() > 0;
            if (sibling) {
                problems.add(FieldProblem.of("name", "duplicateInParent"));
            }
        }
    }
}
