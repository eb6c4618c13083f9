package org.xiaodai.approval.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Rows of the approval tables as the service reads them. */
final class CaseRecords {

    private CaseRecords() {
    }

    /** An approval case with the snapshot fields the decisions need. */
    record CaseRow(UUID id, UUID institutionId, UUID applicationId, int round, int matrixVersion, int ruleIndex,
                   String route, Integer committeeVotes, Integer committeeSize, String status, UUID makerId,
                   String branchPath, BigDecimal amount, BigDecimal annualRatePercent) {
    }

    /** A task of a case. */
    record TaskRow(UUID id, UUID caseId, UUID applicationId, String level, String status, String branchPath,
                   UUID assigneeId, Instant createdAt, Instant dueAt, Instant escalatedAt) {
    }
}
