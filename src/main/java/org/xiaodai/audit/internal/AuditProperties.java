package org.xiaodai.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail's sealer ({@link AuditSealer}).
 *
 * @param sealInterval pause between background sealing rounds: how long a committed entry waits, at
 *                     most, to join the hash chain; zero turns background sealing off (verification
 *                     still seals first)
 * @param sealBatch    entries read and sealed per statement within a round
 * @param maxUnsealed  entries an instance may have committed ahead of the chain before its writers
 *                     wait for the sealer after commit ({@link SealBacklog}); 0 never waits
 * @param maxWait      the longest a writer waits so
 */
@ConfigurationProperties("xiaodai.audit")
public record AuditProperties(
        @DefaultValue("200ms") Duration sealInterval,
        @DefaultValue("2000") int sealBatch,
        @DefaultValue("1000") long maxUnsealed,
        @DefaultValue("1s") Duration maxWait) {
}
