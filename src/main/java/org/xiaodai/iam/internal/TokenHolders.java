package org.xiaodai.iam.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statement behind every bearer-token request: token, user, organisation kind, branch path and
 * permissions together, with {@code last_used_at} touched when stale, in one round trip. It calls
 * {@code iam_token_holder} (migration {@code V20261202_1450}), which runs as the schema owner and
 * answers only the holder of the given token hash, so it needs neither a transaction nor a tenant
 * setting: the token is what tells which institution the caller is in. Nothing is cached, so a
 * revoked token, a disabled user or a changed password is refused on the very next request, on
 * every instance.
 */
@Repository
class TokenHolders {

    private final JdbcClient jdbc;

    TokenHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled, unlocked user a valid token stands for, with everything its principal needs. */
    record TokenHolder(UserRow user, IamRepository.AccessFacts facts) {
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
                .query((rs, n) -> new TokenHolder(IamRepository.user(rs, n), IamRepository.accessFacts(rs, n)))
                .optional();
    }
}
