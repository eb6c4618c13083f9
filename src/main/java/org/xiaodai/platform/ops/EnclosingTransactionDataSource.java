package org.xiaodai.platform.ops;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out one connection whose transaction belongs to the caller: commit,
 * rollback, auto-commit changes and close are ignored. Flyway runs through it so the migrations
 * of a restore become part of the restore's single transaction (PostgreSQL DDL is transactional)
 * and a failure anywhere rolls back the schema as well as the data.
 */
final class EnclosingTransactionDataSource implements DataSource {

    private static final Set<String> IGNORED = Set.of("commit", "rollback", "setAutoCommit", "close");

    private final Connection proxy;

    EnclosingTransactionDataSource(Connection connection) {
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (IGNORED.contains(method.getName()) && (args == null || method.getName().equals("setAutoCommit")
                            || method.getName().equals("rollback") && args.length == 0)) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return proxy;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return proxy;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
