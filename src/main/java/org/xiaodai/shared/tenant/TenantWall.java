package org.xiaodai.shared.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
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
     * (region-wide or the login role) and the visible institution, both transaction-local.
     */
    public static void apply(Connection connection, Setting setting) throws SQLException {
        Rider rider = RIDER.get();
        if (rider != null) {
            RIDER.remove();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('role', ?, true), set_config('" + INSTITUTION_SETTING + "', ?, true)"
                        + (rider == null ? "" : ", " + rider.sql()))) {
            statement.setString(1, setting.regionWide() ? REGION_ROLE : "none");
            statement.setString(2, setting.institutionId() == null ? "" : setting.institutionId().toString());
            if (rider == null) {
                statement.execute();
                return;
            }
            rider.bind(statement, 3);
            try (ResultSet result = statement.executeQuery()) {
                rider.answer(result.next() && result.getBoolean(3));
            }
        }
    }

    /**
     * A boolean check that rides in the next transaction's setting statement, so that it costs no
     * round trip of its own: the API's check that a remembered bearer-token principal still holds
     * ({@code iam_token_current}). Its SQL is a boolean expression over {@code ?} parameters.
     */
    public interface Rider {

        String sql();

        /** Binds the expression's parameters from {@code firstIndex} on. */
        void bind(PreparedStatement statement, int firstIndex) throws SQLException;

        /** The expression's value, given once when the transaction begins. */
        void answer(boolean value);
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
