package org.xiaodai.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Collection cases for tests that need one without servicing's overdue event (surface and contract tests). */
public final class CollectionFixtures {

    private CollectionFixtures() {
    }

    /**
     * An open M1 case of institution {@code code} on a new loan of {@code customerId}, inserted as
     * the cluster's superuser; assigned to {@code collectorUsername} when not null.
     */
    public static UUID openCase(JdbcClient superuser, String code, UUID customerId, String collectorUsername) {
        UUID institution = superuser.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
        UUID collector = collectorUsername == null ? null
                : superuser.sql("select id from iam_user where username = ?").param(collectorUsername).query(UUID.class).single();
        UUID id = UUID.randomUUID();
        LocalDate today = superuser.sql("select business_date from eod_business_date where institution_id = ?")
                .param(institution).query(LocalDate.class).optional().orElse(LocalDate.of(2026, 12, 2));
        superuser.sql("""
                insert into collection_case (id, institution_id, loan_id, customer_id, contract_number, status, opened_on, as_of,
                    due_since, days_past_due, bucket, amount_overdue, collector_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 5, 'M1', ?, ?, ?, ?)""")
                .params(id, institution, UUID.randomUUID(), customerId, "HT-T-" + id.toString().substring(0, 6), today, today,
                        today.minusDays(5), new BigDecimal("1234.56"), collector, Timestamp.from(Instant.EPOCH),
                        Timestamp.from(Instant.EPOCH))
                .update();
        return id;
    }

    /** A customer of institution {@code code} (the oldest demo one). */
    public static UUID customer(JdbcClient superuser, String code) {
        return superuser.sql("""
                select c.id from customer c join iam_organisation o on o.id = c.institution_id where o.code = ?
                order by c.created_at, c.id limit 1""").param(code).query(UUID.class).single();
    }
}
