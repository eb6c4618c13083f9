package org.xiaodai.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * Published when a rule raises an alert; externalised to the Kafka topic {@code xiaodai.risk.alerts}
 * (keyed by institution) when a broker is configured. A notification module may deliver it further.
 */
@Externalized("xiaodai.risk.alerts::#{institutionId()}")
public record AlertRaised(UUID alertId, UUID institutionId, String ruleCode, String indicator, String severity,
                          String subject, LocalDate asOf, BigDecimal value, BigDecimal threshold) {
}
