package org.xiaodai.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.audit.AuditVerification;

/**
 * The audit page shows the latest verification on top without walking the whole chain on every
 * page view: this instance keeps its last result and when it was made, verifies when it has none,
 * and again whenever someone presses "verify".
 */
@Component
class LatestVerification {

    /** A verification result and when it was computed. */
    record Checked(AuditVerification result, Instant at) {
    }

    private final AuditTrail audit;
    private final Clock clock;
    private final AtomicReference<Checked> latest = new AtomicReference<>();

    LatestVerification(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The last result, verifying first when there is none yet. */
    Checked latest() {
        Checked checked = latest.get();
        return checked != null ? checked : verifyNow();
    }

    Checked verifyNow() {
        Checked checked = new Checked(audit.verify(), clock.instant());
        latest.set(checked);
        return checked;
    }
}
