package org.xiaodai.iam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;

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

    /** How the change request list may be sorted: newest first by default. */
    ListQuery.Sorting SORTING = ListQuery.Sorting.by("requestedAt", true, "requestedAt", "status", "kind", "requestedBy");

    /** One page of the requests the caller can see, searched by summary and maker. */
    PageResult<ChangeRequestView> page(CurrentUser caller, boolean pendingOnly, ListQuery query);

    /**
     * What the change does, in words the checker reads before deciding (for a role grant: the
     * user, the role and every permission it carries); empty when the handler says nothing or the
     * viewer may not see the records it names.
     */
    List<Detail> details(CurrentUser viewer, ChangeRequestView request);

    /**
     * One labelled line of a change's description: {@code labelKey} is a message key; each value is
     * shown as the message {@code valueKeyPrefix + value} when there is one, else as itself.
     */
    record Detail(String labelKey, List<String> values, @Nullable String valueKeyPrefix) {
        public Detail {
            values = List.copyOf(values);
        }
    }

    /** A change request as shown on screens and in the API; the decision fields are null while it is pending. */
    @Schema(description = "A change waiting for, or decided by, a second user.")
    record ChangeRequestView(UUID id, UUID institutionId,
                             @Schema(description = "What kind of change; the module that applies it defines it.",
                                     example = "iam.role.grant") String kind,
                             @Schema(description = "One line for people.") String summary,
                             @Schema(description = "The change itself, as JSON text.") String payload,
                             @Schema(allowableValues = {"PENDING", "APPROVED", "REJECTED"}) String status,
                             @Schema(description = "Username of the maker.", example = "a-admin") String requestedBy,
                             Instant requestedAt,
                             @Schema(description = "Username of the checker.", example = "a-approver") @Nullable String decidedBy,
                             @Nullable Instant decidedAt,
                             @Nullable String decisionNote) {
    }

    /** Applies one kind of approved change, inside the approval transaction. */
    interface ChangeHandler {

        String kind();

        /** Applies {@code payloadJson}; may throw a problem exception, which rolls the approval back. */
        void apply(String payloadJson, UUID institutionId, CurrentUser checker, UUID makerId);

        /** What {@code payloadJson} would change, for {@code viewer} to read before deciding. */
        default List<Detail> describe(String payloadJson, CurrentUser viewer) {
            return List.of();
        }
    }
}
