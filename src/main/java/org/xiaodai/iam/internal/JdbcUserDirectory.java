package org.xiaodai.iam.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.UserDirectory;

/** {@link UserDirectory} over the user, role and branch tables, inside the caller's tenant wall. */
@Component
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holder> holders(String permission) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.branch_id, b.path from iam_user u
                        left join iam_branch b on b.id = u.branch_id
                        where u.enabled and u.institution_id = xiaodai_current_institution()
                          and exists (select from iam_user_role ur join iam_role_permission rp on rp.role_id = ur.role_id
                                      where ur.user_id = u.id and rp.permission = ?)
                        order by u.display_name, u.id""")
                .param(permission)
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> branchPath(UUID branchId) {
        return jdbc.sql("select path from iam_branch where id = ?").param(branchId).query(String.class).optional();
    }
}
