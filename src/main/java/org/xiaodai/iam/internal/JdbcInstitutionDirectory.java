package org.xiaodai.iam.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.InstitutionDirectory;

/** Lenders read through the tenant wall: no predicate names an institution, the database decides. */
@Component
class JdbcInstitutionDirectory implements InstitutionDirectory {

    private static final String SELECT = "select id, code, name, region_code, status from iam_organisation where kind = 'LENDER'";
    private final JdbcClient jdbc;

    JdbcInstitutionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Institution> lenders() {
        return jdbc.sql(SELECT + " order by code").query(JdbcInstitutionDirectory::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Institution> lender(UUID id) {
        return jdbc.sql(SELECT + " and id = ?").param(id).query(JdbcInstitutionDirectory::row).optional();
    }

    private static Institution row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Institution(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("status"));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID platformId() {
        return jdbc.sql("select id from iam_organisation where kind = 'PLATFORM' order by created_at limit 1")
                .query(UUID.class).single();
    }
}
