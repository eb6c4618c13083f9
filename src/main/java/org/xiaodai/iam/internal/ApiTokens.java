package org.xiaodai.iam.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * API bearer tokens: random 256-bit secrets shown once; only their SHA-256 is stored, so a
 * database leak yields no usable token. Tokens expire and can be revoked.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "xd_";
    /**
     * How stale a token's {@code last_used_at} may be: writing it on every request would make every
     * API read a write that queues behind the previous request's commit on the same row.
     */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final TokenHolders holders;
    private final Principals principals;
    private final AuditTrail audit;
    private final Clock clock;
    private final IamProperties properties;

    ApiTokens(JdbcClient jdbc, TokenHolders holders, Principals principals, AuditTrail audit, Clock clock,
              IamProperties properties) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.principals = principals;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** A newly issued token: the only time the secret is visible. */
    public record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    /**
     * A token as listed: never its secret; {@code revokedAt} and {@code lastUsedAt} null until that
     * happens, and {@code lastUsedAt} accurate to {@link #LAST_USED_RESOLUTION}.
     */
    @Schema(description = "An API token, without its secret.")
    public record TokenView(UUID id, UUID userId, @Schema(example = "a-admin") String username,
                            @Schema(example = "api") String name, Instant createdAt, Instant expiresAt,
                            @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    }

    @Transactional
    public IssuedToken issue(CurrentUser user, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        String label = name == null || name.isBlank() ? "api" : name.strip();
        UUID id = jdbc.sql("""
                insert into iam_api_token (user_id, institution_id, token_hash, name, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(user.userId(), user.organisationId(), Sha256.hex(token), label.length() > 60 ? label.substring(0, 60) : label,
                        Timestamp.from(now), Timestamp.from(expiresAt))
                .query(UUID.class).single();
        audit.record(AuditRecord.created("iam.token.issued", "api-token", id, user.organisationId(),
                Map.of("user", user.username(), "expiresAt", expiresAt.toString())));
        return new IssuedToken(id, token, expiresAt);
    }

    /**
     * The user a presented token stands for, if it is known, unexpired, unrevoked and its user
     * enabled and unlocked. Region-wide, since the token is what tells which institution the
     * caller is in. It runs on every API request, so it costs one small round trip:
     * <ul>
     *   <li>The principal a token resolved to ({@link TokenHolders#find}: token, user, organisation
     *       kind, branch path and permissions, ~260 µs of database time) is kept in memory under the
     *       token's hash.</li>
     *   <li>Every request asks the database whether that principal is still current
     *       ({@link TokenHolders#current}, primary-key reads, ~20 µs): token unrevoked and
     *       unexpired, user enabled, unlocked and at the same security version, no change to roles,
     *       grants, permissions, branches or the user's scope since (an access version bumped by
     *       database triggers), and the token used within {@link #LAST_USED_RESOLUTION}.</li>
     *   <li>If not, the token is resolved afresh, which also writes {@code last_used_at}: so a
     *       revoked token, a disabled user or a changed password is refused at the very next
     *       request and a changed grant takes effect there, on every instance, and
     *       {@code last_used_at} stays accurate to {@link #LAST_USED_RESOLUTION}.</li>
     * </ul>
     */
    public Optional<CurrentUser> resolve(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token);
        Instant now = clock.instant();
        CachedHolder cached = cache.get(hash);
        if (cached != null && holders.current(cached.tokenId(), cached.user().userId(), cached.user().securityVersion(),
                cached.accessVersion(), now, now.minus(LAST_USED_RESOLUTION))) {
            return Optional.of(cached.user());
        }
        return resolveAfresh(hash, now);
    }

    private static boolean wellFormed(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() <= 100;
    }

    /**
     * Resolves a token's hash from the database (token, user, organisation, branch, permissions),
     * writing {@code last_used_at}, and remembers the principal; inside the caller's transaction if
     * there is one.
     */
    private Optional<CurrentUser> resolveAfresh(String hash, Instant now) {
        Optional<TokenHolders.TokenHolder> holder = holders.find(hash, now, now.minus(LAST_USED_RESOLUTION));
        if (holder.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        CurrentUser user = principals.of(holder.get().user(), holder.get().facts());
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, new CachedHolder(user, holder.get().tokenId(), holder.get().accessVersion()));
        return Optional.of(user);
    }

    /**
     * The principal remembered for {@code token}, not yet confirmed: a caller may act on it only
     * inside a transaction whose setting statement carried it (a {@link TenantWall.Rider}) and
     * found it still current, or after {@link Remembered#resolveAgain()} in that transaction.
     */
    Optional<Remembered> remembered(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token);
        CachedHolder cached = cache.get(hash);
        return cached == null ? Optional.empty() : Optional.of(new Remembered(hash, cached, clock.instant()));
    }

    /**
     * A remembered principal and the check ({@code iam_token_current}, the same as {@link #resolve}
     * makes in a round trip of its own) that rides in a transaction's setting statement.
     */
    final class Remembered implements TenantWall.Rider {

        private final String hash;
        private final CachedHolder cached;
        private final Instant now;
        private boolean confirmed;
        private boolean answered;

        private Remembered(String hash, CachedHolder cached, Instant now) {
            this.hash = hash;
            this.cached = cached;
            this.now = now;
        }

        CurrentUser user() {
            return cached.user();
        }

        /** Whether the transaction's setting statement found the principal still current. */
        boolean confirmed() {
            return confirmed;
        }

        /** Whether a setting statement has carried the check yet. */
        boolean answered() {
            return answered;
        }

        /** The check in a statement of its own, for a request whose code made none (it is answered then). */
        void checkNow() {
            answer(holders.current(cached.tokenId(), cached.user().userId(), cached.user().securityVersion(),
                    cached.accessVersion(), now, now.minus(LAST_USED_RESOLUTION)));
        }

        /** The token resolved afresh, in the current transaction: empty when it no longer stands for anyone. */
        Optional<CurrentUser> resolveAgain() {
            return resolveAfresh(hash, now);
        }

        @Override
        public String sql() {
            return "iam_token_current(?, ?, ?, ?, ?, ?)";
        }

        @Override
        public void bind(java.sql.PreparedStatement statement, int firstIndex) throws java.sql.SQLException {
            statement.setObject(firstIndex, cached.tokenId());
            statement.setObject(firstIndex + 1, cached.user().userId());
            statement.setInt(firstIndex + 2, cached.user().securityVersion());
            statement.setLong(firstIndex + 3, cached.accessVersion());
            // typed (timestamptz), so the check can ride ahead of a statement in its round trip (PerStatementSetting)
            statement.setObject(firstIndex + 4, now.atOffset(java.time.ZoneOffset.UTC));
            statement.setObject(firstIndex + 5, now.minus(LAST_USED_RESOLUTION).atOffset(java.time.ZoneOffset.UTC));
        }

        @Override
        public int parameterCount() {
            return 6;
        }

        @Override
        public void answer(boolean value) {
            confirmed = value;
            answered = true;
        }
    }

    /** Principals kept at most; beyond it the cache starts over (a miss costs one resolution). */
    private static final int CACHE_LIMIT = 10_000;
    /** Token hash → the principal it resolved to; never trusted without {@link TokenHolders#current}. */
    private final ConcurrentHashMap<String, CachedHolder> cache = new ConcurrentHashMap<>();

    private record CachedHolder(CurrentUser user, UUID tokenId, long accessVersion) {
    }

    @Transactional(readOnly = true)
    public List<TokenView> visibleTo(CurrentUser caller) {
        return tokens(caller, null);
    }

    /** How the token list may be sorted: newest first by default. */
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("createdAt", true, "createdAt", "expiresAt",
            "lastUsedAt", "name", "user");

    /** One page of the tokens {@link #visibleTo} lists, searched by token name and username. */
    @Transactional(readOnly = true)
    public PageResult<TokenView> page(CurrentUser caller, ListQuery query) {
        DataScope.Predicate administered = caller.scope().predicate("u", "branch_path", "id");
        return PagedQuery.over(jdbc, """
                        select t.*, u.username from iam_api_token t
                        join (select u.*, b.path as branch_path from iam_user u left join iam_branch b on b.id = u.branch_id) u
                          on u.id = t.user_id
                        where (:admin and %s) or t.user_id = :me""".formatted(administered.sql()))
                .where("true", administered.parameters())
                .where("true", Map.of("admin", caller.has(Permission.TOKEN_MANAGE), "me", caller.userId()))
                .search("t.name", "t.username")
                .sortable(Map.of("createdAt", "t.created_at", "expiresAt", "t.expires_at", "lastUsedAt", "t.last_used_at",
                        "name", "t.name", "user", "t.username"))
                .tieBreaker("t.id").fetch(query, ApiTokens::token);
    }

    private static TokenView token(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TokenView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    /** The caller's own tokens, and with token administration those in its scope; the newest 200, or the one asked for. */
    private List<TokenView> tokens(CurrentUser caller, UUID tokenIdOrNull) {
        DataScope.Predicate administered = caller.scope().predicate("u", "branch_path", "id");
        return jdbc.sql("""
                select t.*, u.username, u.institution_id from iam_api_token t
                join (select u.*, b.path as branch_path from iam_user u left join iam_branch b on b.id = u.branch_id) u
                  on u.id = t.user_id
                where ((:admin and %s) or t.user_id = :me)
                  and (cast(:id as uuid) is null or t.id = :id)
                order by t.created_at desc limit 200
                """.formatted(administered.sql())).params(administered.parameters())
                .param("admin", caller.has(Permission.TOKEN_MANAGE))
                .param("me", caller.userId()).param("id", tokenIdOrNull)
                .query(ApiTokens::token).list();
    }

    /** A token the caller owns or administers; 404 for anything else. */
    @Transactional(readOnly = true)
    public TokenView get(CurrentUser caller, UUID tokenId) {
        return tokens(caller, tokenId).stream().findFirst().orElseThrow(() -> ProblemException.notFound("api-token"));
    }

    /** Revokes a token the caller owns or administers; 404 for anything else. */
    @Transactional
    public void revoke(CurrentUser caller, UUID tokenId) {
        TokenView token = tokens(caller, tokenId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("api-token"));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update iam_api_token set revoked_at = ? where id = ?").params(Timestamp.from(clock.instant()), tokenId).update();
        audit.record(AuditRecord.changed("iam.token.revoked", "api-token", tokenId, caller.organisationId(),
                Map.of("revoked", false), Map.of("revoked", true, "by", caller.username())));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
