package org.xiaodai.iam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Maker-checker (双人复核): a change is submitted by one user and applied only when a second user
 * with {@link Permission#CHANGE_APPROVE} in the same institution approves it. Modules register a
 * {@link ChangeHandler} per kind of change.
 */
public interface ChangeRequests {

    /** Files a change for approval; the caller is the maker. Returns the request id. */
    UUID submit(CurrentUser maker, UUID institutionId, String kind, String summary, Object payload);

    /** Applies the change through its handler; refused for the maker themself. */
    ChangeRequestView approve(CurrentUser checker, UUID requestId, String note);

    ChangeRequestView reject(CurrentUser checker, UUID requestId, String note);

    /** One request, or a 404 problem when it does not exist or lies outside the caller's scope. */
    ChangeRequestView get(CurrentUser caller, UUID requestId);

    /** Requests the caller can see, newest first. */
    List<ChangeRequestView> visibleTo(CurrentUser caller, boolean pendingOnly);

    /** A change request as shown on screens and in the API. */
    record ChangeRequestView(UUID id, UUID institutionId, String kind, String summary, String payload, String status,
                             String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                             String decisionNote) {
    }

    /** Applies one kind of approved change, inside the approval transaction. */
    interface ChangeHandler {

        String kind();

        /** Applies {@code payloadJson}; may throw a problem exception, which rolls the approval back. */
        void apply(String payloadJson, UUID institutionId, CurrentUser checker, UUID makerId);
    }
}
