package org.xiaodai.iam;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The enabled users of the current institution who hold a permission, for modules that hand work
 * to people (collection assigns cases to collectors). Reads go through the tenant wall, so only the
 * current institution's users are ever seen.
 */
public interface UserDirectory {

    /** Enabled users of the current institution holding {@code permission}, by display name then id. */
    List<Holder> holders(String permission);

    /** The path of a branch of the current institution ({@code /<root>/…/<own>/}), for branch-scoped data; empty when unknown. */
    java.util.Optional<String> branchPath(UUID branchId);

    /** One such user, with the branch they belong to (null: the institution itself). */
    record Holder(UUID userId, String displayName, @Nullable UUID branchId, @Nullable String branchPath) {
    }
}
