package org.xiaodai.platform.web;

import java.util.List;

/**
 * Implemented by a module to show the signed-in caller its work on the home page: key figures
 * ({@link #homeTiles}, e.g. "3 approvals waiting"), shortcuts to what the caller does most
 * ({@link #shortcuts}) and short lists ({@link #panels}, e.g. the latest sign-ins or the
 * institutions a regulator supervises). Called once per home page view; returns only what that
 * caller may see and use (empty when nothing). Each module contributes its own, with real
 * figures; the shell draws no chart of unrelated counts.
 */
@FunctionalInterface
public interface HomeTileContributor {

    List<HomeTile> homeTiles();

    /** Links to the caller's most frequent tasks; none by default. */
    default List<HomeShortcut> shortcuts() {
        return List.of();
    }

    /** Short lists for the caller; none by default. */
    default List<HomePanel> panels() {
        return List.of();
    }
}
