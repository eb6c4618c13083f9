package org.xiaodai.iam.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statement behind every bearer-token request: token, user, organisation kind, branch path and
 * permissions together, with {@code last_used_at} touched when stale, in one round trip. It calls
 * {@code iam_token_holder} (migration {@code V20261202_1450}), which runs as the schema owner and
 * answers only the holder of the given token hash, so it needs neither a transaction nor a tenant
 * setting: the token is what tells which institution the caller is in. {@link ApiTokens} keeps
 * the answer and asks {@link #current} on every request whether it still holds.
 */
@Repository
class TokenHolders {

    private final JdbcClient jdbc;

    TokenHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a principal read earlier for token {@code tokenId} is still current ({@code iam_token_current}):
     * the token unrevoked, unexpired and used since {@code touchBefore}, its user enabled, unlocked
     * and at {@code securityVersion}, and nothing a principal is made of changed since
     * {@code accessVersion}. Primary-key reads only, one autocommit round trip.
     */
    boolean current(UUID tokenId, UUID userId, int securityVersion, long accessVersion, Instant now, Instant touchBefore) {
        return jdbc.sql("select iam_token_current(:token, :user, :securityVersion, :accessVersion, :now, :touchBefore)")
                .param("token", tokenId).param("user", userId).param("securityVersion", securityVersion)
                .param("accessVersion", accessVersion).param("now", Timestamp.from(now))
                .param("touchBefore", Timestamp.from(touchBefore))
                .query(Boolean.class).single();
    }

    /**
     * The enabled, unlocked user a valid token stands for, with everything its principal needs, the
     * token's id and the region's access version read in the same snapshot (what a cached principal
     * is later checked against, {@code iam_token_current}).
     */
    record TokenHolder(UserRow user, IamRepository.AccessFacts facts, UUID tokenId, long accessVersion) {
    }

    /**
     * Resolves a bearer token's hash: it must be known, unrevoked and unexpired at {@code now}, its
     * user enabled and not locked. {@code last_used_at} is written only when older than
     * {@code touchBefore} (or unset), and never waits: a row another request is touching at that
     * moment is skipped ({@code skip locked}), so at most one request per token and interval writes
     * and no request queues behind another's commit.
     */
    Optional<TokenHolder> find(String tokenHash, Instant now, Instant touchBefore) {
        return jdbc.sql("select * from iam_token_holder(:hash, :now, :touchBefore)")
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .param("touchBefore", Timestamp.from(touchBefore))
                .query((rs, n) -> new TokenHolder(IamRepository.user(rs, n), IamRepository.accessFacts(rs, n),
                        rs.getObject("token_id", UUID.class), rs.getLong("access_version")))
                .optional();
    }
}
