package org.xiaodai.iam.internal;

import java.util.UUID;

import org.xiaodai.iam.ScopeLevel;

/** What creating a user needs. */
public record NewUser(UUID institutionId, UUID branchId, String username, String displayName, ScopeLevel scope,
                      boolean mustChangePassword) {
}
