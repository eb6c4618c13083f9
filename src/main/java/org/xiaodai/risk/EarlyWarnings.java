package org.xiaodai.risk;

import java.util.List;
import java.util.UUID;

/**
 * The evaluation seam of the early-warning rules. Runs in the caller's transaction and tenant
 * wall (a listener says whom it works for with {@code TenantWall.asInstitution}); raising is
 * idempotent per rule, subject and date, so evaluating the same observation twice raises once.
 */
public interface EarlyWarnings {

    /**
     * Applies every enabled rule in effect on the observation's date for its indicator and
     * institution; of the rules that fire, the most severe raises an alert.
     *
     * @return the id of the alert raised, empty when no rule fired or it was raised before
     */
    List<UUID> evaluate(Observation observation);
}
