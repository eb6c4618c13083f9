package org.xiaodai.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.tx.ReferenceVersion;

/**
 * The application's transaction manager: every transaction begins by applying the
 * {@link TenantWall} setting of the current caller (or of the batch job's explicit choice) to
 * its connection, in the same round trip for every transaction, so row-level security sees the
 * right institution and nothing carries over from the connection's previous user; the same
 * statement reads the reference version the transaction begins with ({@link ReferenceVersion}).
 * <p>
 * A read-only transaction at the default isolation inside {@link TenantWall#readsPerStatement}
 * (the authenticated API's reads) begins no transaction on the server: its connection sends the
 * setting with each statement instead ({@link PerStatementSetting}), and turns into a real
 * transaction if a write comes.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    private static final ThreadLocal<Boolean> BEGINNING_PER_STATEMENT = new ThreadLocal<>();
    /** The reference version the beginning transaction's setting statement read, until it has begun. */
    private static final ThreadLocal<OptionalLong> BEGINNING_VERSION = new ThreadLocal<>();

    TenantAwareTransactionManager(DataSource dataSource) {
        super(new Connections(dataSource));
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            if (!(TenantWall.readingPerStatement() && definition.isReadOnly()
                    && definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT)) {
                super.doBegin(transaction, definition);
            } else {
                BEGINNING_PER_STATEMENT.set(Boolean.TRUE);
                try {
                    super.doBegin(transaction, definition);
                } finally {
                    BEGINNING_PER_STATEMENT.remove();
                }
            }
            // begun: from here on doCleanupAfterCompletion ends it
            OptionalLong version = BEGINNING_VERSION.get();
            ReferenceVersion.begun(version == null ? OptionalLong.empty() : version);
        } finally {
            BEGINNING_VERSION.remove();
        }
    }

    /** The setting and the reference version in one statement ({@link TenantWall#begin}). */
    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        BEGINNING_VERSION.set(TenantWall.begin(connection, TenantWall.current()));
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            ReferenceVersion.ended();
        }
    }

    /**
     * The pool as the transaction manager sees it: a connection for a transaction that sends its
     * setting per statement comes wrapped. Transactions are bound to the pool itself (an
     * {@link InfrastructureProxy}), so {@code JdbcClient} finds them as before.
     */
    private static final class Connections extends DelegatingDataSource implements InfrastructureProxy {

        Connections(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return BEGINNING_PER_STATEMENT.get() == null ? connection : PerStatementSetting.wrap(connection);
        }

        @Override
        public Object getWrappedObject() {
            return obtainTargetDataSource();
        }
    }
}
