package org.xiaodai.approval;

import java.util.List;
import java.util.UUID;

/** Approval as other modules read it (inside the caller's tenant wall). */
public interface Approvals {

    /** Every decision on the application, oldest first, automatic ones included. */
    List<DecisionView> trail(UUID applicationId);

    /** The route and open level of the application's latest case, or null when it has none. */
    CaseView currentCase(UUID applicationId);
}
