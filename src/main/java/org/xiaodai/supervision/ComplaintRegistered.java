package org.xiaodai.supervision;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * Published when a complaint is registered and routed to {@code institutionId}; externalised to the
 * Kafka topic {@code xiaodai.supervision.complaints} (keyed by institution, so one institution's
 * complaints stay in order) when a broker is configured.
 *
 * @param channel  {@code REGULATOR} or {@code BORROWER}
 * @param category the complaint's category code
 */
@Externalized("xiaodai.supervision.complaints::#{institutionId()}")
public record ComplaintRegistered(UUID complaintId, UUID institutionId, String reference, String channel,
                                  String category, LocalDate responseDue) {
}
