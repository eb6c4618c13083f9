package org.xiaodai.supervision;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/** Published when a complaint is resolved; externalised like {@link ComplaintRegistered}. */
@Externalized("xiaodai.supervision.complaints::#{institutionId()}")
public record ComplaintResolved(UUID complaintId, UUID institutionId, String reference, String outcome) {
}
