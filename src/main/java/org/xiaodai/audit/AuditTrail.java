package org.xiaodai.audit;

import java.util.List;
import java.util.UUID;

import org.xiaodai.shared.Actor;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;

/**
 * The audit trail's public face. Recording joins the caller's transaction: no change without its
 * entry, and no entry for a change that rolled back. Entries join the hash chain shortly after
 * they commit.
 */
public interface AuditTrail {

    /**
     * Appends an entry for a state change inside the caller's transaction (there must be one); the
     * actor and client address come from the current request.
     */
    void record(AuditRecord record);

    /**
     * Appends an entry whose actor is {@code actor} rather than the request's signed-in user: a
     * sign-in, where nobody is signed in yet but the entry is about who just did.
     */
    void recordAs(Actor actor, AuditRecord record);

    /** Appends an entry for a view of unmasked personal data (查看敏感信息). */
    void recordSensitiveRead(String entityType, Object entityId, UUID institutionId, String fields);

    /**
     * Seals what has committed, recomputes every hash of the region-wide chain from the first
     * entry on and reports the first broken one, or how many newer entries await their seal.
     */
    AuditVerification verify();

    /**
     * The latest entries the caller's tenant wall shows (its institution's; every entry
     * region-wide), newest first.
     *
     * @param limit at most this many, clamped to 1..500
     */
    List<AuditEntryView> latest(int limit);

    /** How the trail may be sorted: newest first by default. */
    ListQuery.Sorting SORTING = ListQuery.Sorting.by("seq", true, "seq", "action", "actor");

    /** One page of the whole trail the caller's tenant wall shows, filtered. */
    PageResult<AuditEntryView> search(AuditFilter filter, ListQuery query);

    /**
     * Every entry of the filtered trail the caller's tenant wall shows, newest first, at most
     * {@code max}, handed one by one to {@code sink} inside one read-only transaction (exports).
     *
     * @return how many entries were handed over
     */
    long export(AuditFilter filter, int max, java.util.function.Consumer<AuditEntryView> sink);

    /** The action codes that occur in the trail the caller sees, sorted. */
    List<String> actions();
}
