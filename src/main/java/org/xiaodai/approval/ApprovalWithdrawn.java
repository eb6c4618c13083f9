package org.xiaodai.approval;

import java.util.UUID;

/** The applicant withdrew the application: approval cancels its open case and tasks (same transaction). */
public record ApprovalWithdrawn(UUID applicationId, UUID institutionId) {
}
