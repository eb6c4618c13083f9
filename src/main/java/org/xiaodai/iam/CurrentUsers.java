package org.xiaodai.iam;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the authenticated {@link CurrentUser} of the running request or job. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    /** The caller, or empty for anonymous requests and system work. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The caller; fails when there is none (a programming error: the endpoint should be secured). */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }
}
