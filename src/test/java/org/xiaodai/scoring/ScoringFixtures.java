package org.xiaodai.scoring;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for what the scoring module builds in the background (shipped models, training). */
public final class ScoringFixtures {

    private ScoringFixtures() {
    }

    /** @return the id of the institution's active model for the purpose, once the seeding listener made it */
    public static UUID activeModel(JdbcClient superuser, String institutionCode, String purpose) {
        return await(() -> superuser.sql("""
                select a.model_id from scoring_assignment a join iam_organisation o on o.id = a.institution_id
                where o.code = ? and a.purpose = ? and a.role = 'CHAMPION' and a.product_id is null""")
                .params(institutionCode, purpose).query(UUID.class).optional().orElse(null), Duration.ofSeconds(120));
    }

    public static <T> T await(java.util.function.Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
