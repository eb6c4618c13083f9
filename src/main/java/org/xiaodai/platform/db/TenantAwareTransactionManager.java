package org.xiaodai.platform.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The application's transaction manager: every transaction begins by applying the
 * {@link TenantWall} setting of the current caller (or of the batch job's explicit choice) to
 * its connection, in the same round trip for every transaction, so row-level security sees the
 * right institution and nothing carries over from the connection's previous user.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        TenantWall.apply(connection, TenantWall.current());
    }
}
