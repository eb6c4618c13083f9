package org.xiaodai.origination;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A submission reached origination's velocity limit: with it, {@code count} applications were submitted from one client
 * device or one client address within the hour before {@code submittedAt} (the checks on submit raised
 * {@code VELOCITY_DEVICE} or {@code VELOCITY_ADDRESS}). Published in the submitting transaction, one event per source
 * that is over the limit, for the early-warning rule {@code application-burst}.
 * <p>
 * Carries no personal data: the device or address is a keyed digest ({@code sourceDigest}, HMAC under the
 * personal-data blind-index key, per institution and kind), so the regulator who sees the alert can tell that the
 * submissions came from the same source, and from which hour, but not which address or device it was.
 *
 * @param source       which of the two velocity checks is over the limit
 * @param sourceDigest hex keyed digest of the device fingerprint or client address, never the value itself
 * @param count        submissions from that source within the hour, this one included
 * @param limit        origination's setting {@code xiaodai.origination.max-applications-per-hour}
 * @param windowStart  the start of the clock hour the submission falls in (UTC): the alert is raised once per source
 *                     and hour
 */
public record ApplicationBurst(UUID applicationId, UUID institutionId, Source source, String sourceDigest, int count,
                               int limit, Instant windowStart, Instant submittedAt) {

    /** The velocity check that is over the limit. */
    public enum Source {
        DEVICE, ADDRESS
    }

    public ApplicationBurst {
        Objects.requireNonNull(applicationId, "applicationId must not be null");
        Objects.requireNonNull(institutionId, "institutionId must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(windowStart, "windowStart must not be null");
        Objects.requireNonNull(submittedAt, "submittedAt must not be null");
        if (sourceDigest == null || sourceDigest.isBlank()) {
            throw new IllegalArgumentException("sourceDigest must not be blank");
        }
    }
}
