package org.xiaodai.platform.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xiaodai.shared.tenant.TenantWall;

/**
 * A read-only transaction of the authenticated API that costs no round trip of its own
 * ({@link TenantWall#readsPerStatement}). The connection stays in autocommit, and each statement is
 * sent as two in one round trip: the {@link TenantWall} setting statement (role, institution,
 * {@code transaction_read_only}, and the first time the bearer token's check), then the statement
 * itself. PostgreSQL runs both in one implicit transaction that ends with the round trip, so the
 * setting is still transaction-local and no pooled connection carries it on; the first
 * statement's rows are read only after its check has been read and found true.
 * <p>
 * No {@code BEGIN}, no {@code COMMIT}: for {@code SELECT}s at read committed, where every statement
 * takes its own snapshot anyway, nothing else changes. Anything that is not a plain read turns the
 * connection into a real transaction on the spot ({@link #upgrade}: autocommit off, setting applied):
 * a write (refused as read-only, then sent again), a batch, a statement read with a fetch size
 * (a cursor needs a transaction), a callable or unwrapped connection ({@code COPY}), a savepoint.
 * The transaction manager then commits or rolls back that transaction as it would any other.
 */
final class PerStatementSetting implements InvocationHandler {

    /** {@code read_only_sql_transaction}: a write in a read-only transaction. */
    private static final String READ_ONLY_VIOLATION = "25006";

    private final Connection connection;
    private TenantWall.Rider pendingRider;
    private boolean upgraded;
    private boolean wantsTransaction;

    private PerStatementSetting(Connection connection, TenantWall.Rider pendingRider) {
        this.connection = connection;
        this.pendingRider = pendingRider;
    }

    /** {@code connection} (in autocommit) sending the setting with each statement; it takes the thread's pending rider. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(PerStatementSetting.class.getClassLoader(),
                new Class<?>[] {Connection.class, TenantWall.PerStatement.class},
                new PerStatementSetting(connection, TenantWall.takeRider()));
    }

    /** Connection methods that go to the database in ways a statement-pair cannot carry. */
    private static final Set<String> UPGRADING = Set.of("createStatement", "prepareCall", "setSavepoint",
            "releaseSavepoint", "unwrap", "nativeSQL", "createStruct", "setHoldability");

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "settingPerStatement":
                return !upgraded;
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy) || connection.isWrapperFor((Class<?>) args[0]);
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "PerStatementSetting[" + connection + (upgraded ? ", in a transaction" : "") + "]";
            default:
                break;
        }
        if (upgraded) {
            return forward(connection, method, args);
        }
        switch (name) {
            case "setAutoCommit":
                wantsTransaction = !(Boolean) args[0];
                return null;
            case "getAutoCommit":
                return !wantsTransaction;
            case "commit", "rollback":
                if (args == null || args.length == 0) {
                    return null; // nothing was begun: each statement ended with its own round trip
                }
                upgrade();
                return forward(connection, method, args);
            case "setReadOnly":
                return null; // every statement's implicit transaction is read-only; a write upgrades
            case "isReadOnly":
                return true;
            case "prepareStatement":
                if (args.length == 1) {
                    return statement((String) args[0]);
                }
                upgrade();
                return forward(connection, method, args);
            default:
                if (UPGRADING.contains(name)) {
                    upgrade();
                }
                return forward(connection, method, args);
        }
    }

    /**
     * Begins a real transaction on the connection: autocommit off, the setting applied with the
     * rider if it is still pending (and a refused rider is a {@link TenantWall.RetryRequest}).
     */
    private void upgrade() throws SQLException {
        if (upgraded) {
            return;
        }
        connection.setAutoCommit(false);
        upgraded = true;
        if (!TenantWall.apply(connection, setter(false))) {
            throw refused();
        }
    }

    private TenantWall.Setter setter(boolean readOnly) {
        TenantWall.Rider rider = pendingRider;
        pendingRider = null;
        return TenantWall.setter(rider, readOnly);
    }

    private static TenantWall.RetryRequest refused() {
        return new TenantWall.RetryRequest("the remembered principal is no longer current");
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether the driver sends a parameter with its type. One it leaves to the server to infer (a
     * {@code Timestamp}, a typeless {@code null}) makes pgjdbc describe the statement in a round
     * trip of its own once it prepares it on the server, which would run the statement apart from
     * its setting statement, outside the wall's setting; such a statement runs in a real transaction.
     */
    private static boolean typed(String setter, Object[] args) {
        return switch (setter) {
            case "setString", "setInt", "setLong", "setShort", "setByte", "setBoolean", "setBigDecimal", "setBytes" -> true;
            case "setObject" -> args.length == 2 && TYPED_VALUES.stream().anyMatch(type -> type.isInstance(args[1]));
            default -> false;
        };
    }

    private static final List<Class<?>> TYPED_VALUES = List.of(String.class, java.util.UUID.class, Integer.class,
            Long.class, Short.class, Boolean.class, java.math.BigDecimal.class, java.time.LocalDate.class,
            java.time.LocalDateTime.class, java.time.OffsetDateTime.class, byte[].class);

    private static final java.util.Map<String, Boolean> NEEDS_TRANSACTION = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Statements whose effect must last to the end of a real transaction, which a read-only round
     * trip would not refuse but end at once: an advisory transaction lock, a transaction-local setting.
     */
    private static boolean needsTransaction(String sql) {
        Boolean needs = NEEDS_TRANSACTION.get(sql);
        if (needs == null) {
            String lower = sql.toLowerCase(java.util.Locale.ROOT);
            needs = lower.contains("advisory") || lower.contains("set_config");
            if (NEEDS_TRANSACTION.size() < 10_000) {
                NEEDS_TRANSACTION.put(sql, needs);
            }
        }
        return needs;
    }

    private PreparedStatement statement(String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(PerStatementSetting.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Pair(sql));
    }

    /**
     * A prepared statement sent after the setting statement in one round trip. Its parameters and
     * settings are recorded and given to the real statement when it runs, the parameters moved
     * past the setting statement's.
     */
    private final class Pair implements InvocationHandler {

        private final String sql;
        private final List<Object[]> parameters = new ArrayList<>();
        private final List<Object[]> settings = new ArrayList<>();
        private PreparedStatement real;
        private boolean wantsCursor;
        private boolean typed = true;
        private boolean closed;

        Pair(String sql) {
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (real != null) {
                return forward(real, method, args);
            }
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "Pair[" + sql + "]";
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                case "clearParameters":
                    parameters.clear();
                    return null;
                case "executeQuery", "executeUpdate", "executeLargeUpdate", "execute":
                    if (args != null && args.length > 0) {
                        throw new SQLException("A prepared statement runs its own SQL");
                    }
                    return run(name);
                default:
                    break;
            }
            if (name.startsWith("set") && method.getDeclaringClass() == PreparedStatement.class) {
                parameters.add(new Object[] {method, args});
                typed &= typed(name, args);
                return null;
            }
            if (name.startsWith("set") && method.getDeclaringClass() == Statement.class) {
                if ("setFetchSize".equals(name) && (Integer) args[0] > 0) {
                    wantsCursor = true;
                }
                settings.add(new Object[] {method, args});
                return null;
            }
            // anything else (a batch, metadata, generated keys) runs as a plain statement in a real transaction
            return inTransaction(method, args);
        }

        /** The statement as it is, in the connection's real transaction (begun now if need be). */
        private Object inTransaction(Method method, Object[] args) throws Throwable {
            upgrade();
            real = prepared(sql, 0);
            return forward(real, method, args);
        }

        private Object run(String call) throws Throwable {
            if (upgraded || wantsCursor || needsTransaction(sql) || !typed) {
                return inTransaction(PreparedStatement.class.getMethod(call), null);
            }
            TenantWall.Setter setter = setter(true);
            PreparedStatement pair = prepared(setter.sql() + ";\n" + sql, setter.parameterCount());
            setter.bind(pair, 1);
            try {
                pair.execute();
            } catch (SQLException e) {
                pair.close();
                if (!READ_ONLY_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // a write: it did nothing in the read-only round trip; send it again in a real transaction
                pendingRider = setter.rider();
                return inTransaction(PreparedStatement.class.getMethod(call), null);
            }
            real = pair;
            try (ResultSet setting = pair.getResultSet()) {
                if (!setter.answer(setting)) {
                    throw refused();
                }
            } catch (SQLException | RuntimeException e) {
                pair.close();
                throw e;
            }
            boolean resultSet = pair.getMoreResults();
            return switch (call) {
                case "executeQuery" -> {
                    if (!resultSet) {
                        throw new SQLException("The statement returned no rows: " + sql);
                    }
                    yield pair.getResultSet();
                }
                case "executeUpdate" -> resultSet ? 0 : pair.getUpdateCount();
                case "executeLargeUpdate" -> resultSet ? 0L : pair.getLargeUpdateCount();
                default -> resultSet;
            };
        }

        /** The real statement for {@code text}, with the recorded settings and the parameters moved by {@code shift}. */
        private PreparedStatement prepared(String text, int shift) throws Throwable {
            PreparedStatement statement = connection.prepareStatement(text);
            try {
                for (Object[] setting : settings) {
                    forward(statement, (Method) setting[0], (Object[]) setting[1]);
                }
                for (Object[] parameter : parameters) {
                    Object[] args = ((Object[]) parameter[1]).clone();
                    args[0] = (Integer) args[0] + shift;
                    forward(statement, (Method) parameter[0], args);
                }
            } catch (Throwable e) {
                statement.close();
                throw e;
            }
            return statement;
        }
    }
}
