package org.xiaodai.analytics.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The read-only connection analytics reads on. With {@code xiaodai.analytics.datasource.url} set, a
 * pool of its own to that database (a replica), read-only; otherwise the application's pool. Either
 * way every read runs in a read-only transaction that begins, like the application's, by applying the
 * caller's {@link TenantWall} setting, so the tenant wall holds on the replica too. Not exposed as a
 * {@code DataSource} or {@code JdbcClient} bean, so it can never become the application's default.
 */
@Component
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsReads implements DisposableBean {

    private final HikariDataSource own;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean replica;

    AnalyticsReads(DataSource application, AnalyticsProperties properties) {
        AnalyticsProperties.Datasource settings = properties.datasource();
        this.replica = settings.configured();
        this.own = replica ? pool(settings) : null;
        DataSource source = replica ? own : application;
        this.jdbc = JdbcClient.create(source);
        JdbcTransactionManager manager = new JdbcTransactionManager(source) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                    throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                TenantWall.apply(connection, TenantWall.current());
            }
        };
        manager.setEnforceReadOnly(true);
        manager.afterPropertiesSet();
        this.transactions = new TransactionTemplate(manager);
        this.transactions.setReadOnly(true);
    }

    private static HikariDataSource pool(AnalyticsProperties.Datasource settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("analytics");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.username());
        pool.setPassword(settings.password());
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setMinimumIdle(0);
        return pool;
    }

    /** Runs {@code work} in one read-only transaction on the analytics connection, inside the caller's tenant wall. */
    public <T> T read(Function<JdbcClient, T> work) {
        return transactions.execute(status -> work.apply(jdbc));
    }

    /** Whether reads go to a database of their own ({@code xiaodai.analytics.datasource.url}). */
    public boolean onReplica() {
        return replica;
    }

    @Override
    public void destroy() {
        if (own != null) {
            own.close();
        }
    }
}
