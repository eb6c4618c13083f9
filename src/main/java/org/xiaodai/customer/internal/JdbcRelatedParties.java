package org.xiaodai.customer.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.RelatedParties;

/** {@link RelatedParties} over {@code customer_related_party}. */
@Component
class JdbcRelatedParties implements RelatedParties {

    private final JdbcClient jdbc;

    JdbcRelatedParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Link> links(UUID institutionId) {
        return jdbc.sql("""
                select distinct customer_id, related_customer_id from customer_related_party
                where institution_id = ? and related_customer_id is not null and related_customer_id <> customer_id""")
                .param(institutionId)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }
}
