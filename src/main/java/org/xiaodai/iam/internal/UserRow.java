package org.xiaodai.iam.internal;

import java.time.Instant;
import java.util.UUID;

import org.xiaodai.iam.ScopeLevel;

/** A user as stored; the password hash never leaves this package. */
record UserRow(UUID id, UUID institutionId, UUID branchId, String username, String displayName, String passwordHash,
               boolean mustChangePassword, ScopeLevel dataScope, boolean enabled, int failedAttempts,
               Instant lockedUntil, int securityVersion) {
}
