package org.xiaodai.platform.ops;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For the restore tests: an empty {@code public} schema, as a restore into a fresh database finds it. */
final class PublicSchema {

    private PublicSchema() {
    }

    /**
     * Drops and recreates the schema. The app's background rounds (notification dispatch, the audit sealer, alert
     * evaluation) keep reading while the drop locks table after table, and PostgreSQL may end the drop as a deadlock's
     * victim; it then changed nothing, so it is tried again.
     */
    static void wipe(JdbcClient superuser) {
        for (int attempt = 1; ; attempt++) {
            try {
                superuser.sql("drop schema public cascade").update();
                break;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
            }
        }
        superuser.sql("create schema public").update();
    }
}
