package org.xiaodai.origination;

import java.util.Optional;
import java.util.UUID;

/**
 * Asked before an application is created or submitted: may this institution originate loans now?
 * The seam for supervision ("a suspended institution cannot originate"): a module that knows
 * licences implements it as a bean. With no bean every institution may originate.
 */
public interface OriginationGate {

    /**
     * @return empty when {@code institutionId} may originate, else the rule that refuses it (a stable
     *         code such as {@code licenceSuspended}, the problem detail's {@code rule})
     */
    Optional<String> refusal(UUID institutionId);
}
