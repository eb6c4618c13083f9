package org.xiaodai.shared.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xiaodai.shared.Actor;

/**
 * The tenant wall (租户隔离) as the application sets it: which institutions' rows PostgreSQL's
 * row-level security lets the current transaction see. Every tenant-owned table has a forced
 * policy on {@code institution_id}; this class decides the per-transaction setting the policies
 * read, and the platform's transaction manager applies it when a transaction begins.
 * <p>
 * The setting is, in this order: an explicit one made with {@link #asInstitution} or
 * {@link #regionWide} (batch jobs, event listeners, login, bootstrap), else the signed-in
 * {@link Actor}'s (its institution, or region-wide for the platform operator and the
 * regulator), else none — and with none a query sees no tenant rows at all. Settings are
 * transaction-local ({@code SET LOCAL}), so a pooled connection never carries a previous
 * caller's. Tenant-owned rows are therefore only reachable inside a transaction.
 */
public final class TenantWall {

    /** The database role whose policies admit every institution (region-wide work). */
    public static final String REGION_ROLE = "xiaodai_region";
    /** The transaction-local setting holding the one visible institution. */
    public static final String INSTITUTION_SETTING = "xiaodai.institution_id";

    private static final ThreadLocal<Setting> EXPLICIT = new ThreadLocal<>();

    private TenantWall() {
    }

    /**
     * What a transaction may see.
     *
     * @param institutionId the one visible institution, or null
     * @param regionWide    every institution of the region
     */
    public record Setting(UUID institutionId, boolean regionWide) {

        public static final Setting NONE = new Setting(null, false);
        public static final Setting REGION = new Setting(null, true);

        public static Setting institution(UUID institutionId) {
            return new Setting(java.util.Objects.requireNonNull(institutionId, "institutionId must not be null"), false);
        }
    }

    /** Runs {@code work} seeing only {@code institutionId}'s rows (a batch job or listener working for one institution). */
    public static <T> T asInstitution(UUID institutionId, Supplier<T> work) {
        return with(Setting.institution(institutionId), work);
    }

    public static void asInstitution(UUID institutionId, Runnable work) {
        with(Setting.institution(institutionId), () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} seeing every institution: only for platform work that is region-wide by
     * nature (authentication, identity bootstrap, sealing and verifying the audit chain). Never on behalf of a
     * user's request for data.
     */
    public static <T> T regionWide(Supplier<T> work) {
        return with(Setting.REGION, work);
    }

    public static void regionWide(Runnable work) {
        with(Setting.REGION, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} as {@code actor} would see the data: for requests that prove who they are
     * by other means than the security context (a token or password change with credentials).
     */
    public static <T> T asActor(Actor actor, Supplier<T> work) {
        return with(actor.seesAllInstitutions() ? Setting.REGION : Setting.institution(actor.actorOrganisationId()), work);
    }

    public static void asActor(Actor actor, Runnable work) {
        asActor(actor, () -> {
            work.run();
            return null;
        });
    }

    /** The setting a transaction beginning now gets. */
    public static Setting current() {
        Setting explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        Optional<Actor> actor = Actor.current();
        if (actor.isEmpty()) {
            return Setting.NONE;
        }
        return actor.get().seesAllInstitutions() ? Setting.REGION : Setting.institution(actor.get().actorOrganisationId());
    }

    /**
     * Applies {@code setting} to a connection inside its transaction, in one round trip: the role
     * (region-wide or the login role) and the visible institution, both transaction-local. A
     * connection whose statements each carry the setting ({@link PerStatement}) needs nothing here:
     * its next statement reads the setting afresh.
     */
    public static void apply(Connection connection, Setting setting) throws SQLException {
        if (connection instanceof PerStatement perStatement && perStatement.settingPerStatement()) {
            return;
        }
        apply(connection, new Setter(setting, takeRider(), false));
    }

    /**
     * Applies {@code setting} as a transaction begins, as {@link #apply(Connection, Setting)} does, and
     * reads the reference version ({@code xiaodai_reference_version()}, {@code shared.tx.ReferenceVersion})
     * in the same statement: the version, or empty for a connection that sends its setting per statement.
     */
    public static OptionalLong begin(Connection connection, Setting setting) throws SQLException {
        if (connection instanceof PerStatement perStatement && perStatement.settingPerStatement()) {
            return OptionalLong.empty();
        }
        Rider rider = takeRider();
        Setter setter = new Setter(setting, rider, false, true);
        try (PreparedStatement statement = connection.prepareStatement(setter.sql())) {
            setter.bind(statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("The tenant setting statement returned no row");
                }
                long version = result.getLong(rider == null ? 3 : 4);
                if (rider != null) {
                    boolean current = result.getBoolean(3);
                    if (!current && rider.holdsUntilConfirmed()) {
                        RIDER.set(rider); // every later transaction of the request is refused too
                    }
                    rider.answer(current);
                }
                return OptionalLong.of(version);
            }
        }
    }

    /** Runs {@code setter} as a statement of its own; false when its rider was refused. */
    public static boolean apply(Connection connection, Setter setter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(setter.sql())) {
            setter.bind(statement, 1);
            if (setter.rider() == null) {
                statement.execute();
                return true;
            }
            try (ResultSet result = statement.executeQuery()) {
                return setter.answer(result);
            }
        }
    }

    /**
     * One setting statement, bound: the role, the visible institution, optionally the transaction
     * made read-only, optionally a {@link Rider}'s check, and optionally the reference version as its
     * last column.
     */
    public static final class Setter {

        private final Setting setting;
        private final Rider rider;
        private final boolean readOnly;
        private final boolean version;

        Setter(Setting setting, Rider rider, boolean readOnly) {
            this(setting, rider, readOnly, false);
        }

        Setter(Setting setting, Rider rider, boolean readOnly, boolean version) {
            this.setting = setting;
            this.rider = rider;
            this.readOnly = readOnly;
            this.version = version;
        }

        public String sql() {
            return "select set_config('role', ?, true), set_config('" + INSTITUTION_SETTING + "', ?, true)"
                    + (readOnly ? ", set_config('transaction_read_only', 'on', true)" : "")
                    + (rider == null ? "" : ", " + rider.sql())
                    + (version ? ", xiaodai_reference_version()" : "");
        }

        /** How many parameters {@link #sql()} has. */
        public int parameterCount() {
            return 2 + (rider == null ? 0 : rider.parameterCount());
        }

        public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
            statement.setString(firstIndex, setting.regionWide() ? REGION_ROLE : "none");
            statement.setString(firstIndex + 1, setting.institutionId() == null ? "" : setting.institutionId().toString());
            if (rider != null) {
                rider.bind(statement, firstIndex + 2);
            }
        }

        /** The rider it carries, or null. */
        public Rider rider() {
            return rider;
        }

        /** Gives the rider its answer from the setting statement's row; false when it was refused. */
        public boolean answer(ResultSet result) throws SQLException {
            if (rider == null) {
                return true;
            }
            boolean value = result.next() && result.getBoolean(readOnly ? 4 : 3);
            rider.answer(value);
            return value;
        }
    }

    /**
     * A connection that sends the setting with every statement, in the statement's own round trip
     * (an API read: no {@code BEGIN}, no {@code COMMIT}, each statement its own implicit transaction,
     * made read-only). {@link #settingPerStatement()} turns false once it has begun a real
     * transaction (a write came), whose setting is then applied as for any other.
     */
    public interface PerStatement {
        boolean settingPerStatement();
    }

    /**
     * A setting statement for the current setting carrying {@code rider} (or none): read-only for a
     * {@link PerStatement} connection's statement, or not for the real transaction it turns into.
     */
    public static Setter setter(Rider rider, boolean readOnly) {
        return new Setter(current(), rider, readOnly);
    }

    /**
     * The {@link Rider} waiting for the next transaction on this thread, taken (a connection that sends
     * the setting per statement carries it in its first statement).
     */
    public static Rider takeRider() {
        Rider rider = RIDER.get();
        RIDER.remove();
        return rider;
    }

    /**
     * Thrown where a remembered principal's check (a {@link Rider}) found it no longer current after
     * the request's code had begun, before any row reached it: the request must be answered afresh
     * (the API's reads that run statement by statement, {@link #readsPerStatement}).
     */
    public static final class RetryRequest extends RuntimeException {
        public RetryRequest(String message) {
            super(message, null, false, false);
        }
    }

    private static final ThreadLocal<Boolean> PER_STATEMENT = new ThreadLocal<>();

    /**
     * Runs {@code work} with its read-only transactions (default isolation) sending the setting in
     * each statement's own round trip instead of a transaction of their own: the authenticated API's
     * reads. A write inside turns such a transaction into a real one on the spot.
     */
    public static <T> T readsPerStatement(Supplier<T> work) {
        Boolean previous = PER_STATEMENT.get();
        PER_STATEMENT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                PER_STATEMENT.remove();
            } else {
                PER_STATEMENT.set(previous);
            }
        }
    }

    public static void readsPerStatement(Runnable work) {
        readsPerStatement(() -> {
            work.run();
            return null;
        });
    }

    /** Whether a read-only transaction beginning now sends its setting per statement. */
    public static boolean readingPerStatement() {
        return PER_STATEMENT.get() != null;
    }

    /**
     * A boolean check that rides in the next transaction's setting statement, so that it costs no
     * round trip of its own: the API's check that a remembered bearer-token principal still holds
     * ({@code iam_token_current}). Its SQL is a boolean expression over {@code ?} parameters.
     */
    public interface Rider {

        String sql();

        /** How many {@code ?} parameters {@link #sql()} has. */
        int parameterCount();

        /**
         * Binds the expression's parameters from {@code firstIndex} on, each with its type (no
         * {@code setTimestamp}, no typeless {@code null}): the driver must not have to ask the server.
         */
        void bind(PreparedStatement statement, int firstIndex) throws SQLException;

        /** The expression's value, given once when the transaction begins. */
        void answer(boolean value);

        /**
         * Whether a refused rider stays for the next transaction of {@link #withRider} (whose setting
         * statement refuses again) instead of being dropped: so a refusal that some code caught cannot
         * let a later transaction of the same request run unchecked. Only {@link #begin} honours it.
         */
        default boolean holdsUntilConfirmed() {
            return false;
        }
    }

    private static final ThreadLocal<Rider> RIDER = new ThreadLocal<>();

    /**
     * Runs {@code work}, whose first act must be to begin a transaction, with {@code rider}
     * evaluated in that transaction's setting statement; a rider not consumed by then is dropped.
     */
    public static <T> T withRider(Rider rider, Supplier<T> work) {
        RIDER.set(rider);
        try {
            return work.get();
        } finally {
            RIDER.remove();
        }
    }

    private static <T> T with(Setting setting, Supplier<T> work) {
        Setting previous = EXPLICIT.get();
        Setting outer = current();
        EXPLICIT.set(setting);
        boolean changed = !setting.equals(outer);
        try {
            if (changed) {
                applyToActiveTransactions(setting);
            }
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
            if (changed) {
                applyToActiveTransactions(outer);
            }
        }
    }

    /** A transaction already running on this thread switches too (e.g. inside a transactional listener). */
    private static void applyToActiveTransactions(Setting setting) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof ConnectionHolder holder && holder.isSynchronizedWithTransaction()) {
                try {
                    apply(holder.getConnection(), setting);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot apply the tenant setting", e);
                }
            }
        }
    }
}
