package org.xiaodai.iam.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The statement behind every bearer-token request: token, user, organisation kind, branch path and
 * permissions together, with {@code last_used_at} touched when stale. It runs in a transaction of
 * its own, region-wide (the token is what tells which institution the caller is in), so the
 * platform's transaction manager applies the tenant setting as for every other transaction: one
 * round trip for the begin and the setting, one for the statement, one for the commit.
 */
@Repository
class TokenHolders {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TokenHolders(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        return TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql("""
                with token as (
                    select t.id, t.user_id from iam_api_token t
                    where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now
                ), stale as (
                    select t.id from iam_api_token t join token on token.id = t.id
                    where t.last_used_at is null or t.last_used_at < :touchBefore
                    for update of t skip locked
                ), touched as (
                    update iam_api_token t set last_used_at = :now from stale where t.id = stale.id
                )
                select u.*, o.kind,
                       (select b.path from iam_branch b where b.id = u.branch_id) as branch_path,
                       array(select distinct rp.permission from iam_user_role ur
                             join iam_role_permission rp on rp.role_id = ur.role_id where ur.user_id = u.id) as permissions
                from token join iam_user u on u.id = token.user_id join iam_organisation o on o.id = u.institution_id
                where u.enabled and (u.locked_until is null or u.locked_until <= :now)
                """).param("hash", tokenHash).param("now", Timestamp.from(now))
                .param("touchBefore", Timestamp.from(touchBefore))
                .query((rs, n) -> new TokenHolder(IamRepository.user(rs, n), IamRepository.accessFacts(rs, n)))
                .optional()));
    }
}
