package org.xiaodai.iam.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.BranchDirectory;

/** Branch codes as the tenant wall shows them: the current institution's only. */
@Service
class JdbcBranchDirectory implements BranchDirectory {

    private final JdbcClient jdbc;

    JdbcBranchDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> branchCodes() {
        return jdbc.sql("select code from iam_branch where institution_id = xiaodai_current_institution() order by code")
                .query(String.class).list();
    }
}
