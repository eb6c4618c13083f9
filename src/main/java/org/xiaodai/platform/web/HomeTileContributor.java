package org.xiaodai.platform.web;

import java.util.List;

/**
 * Implemented by a module to show the signed-in caller its work on the home page: key figures
 * ({@link #homeTiles}, e.g. "3 approvals waiting"), shortcuts to what the caller does most
 * ({@link #shortcuts}), short lists ({@link #panels}, e.g. the latest sign-ins) and tables ({@link #tables}, e.g.
 * the institutions a regulator supervises with their indicators, to which other modules add {@link #columns}). Called once per home page view; returns only what that
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

    /** Tables for the caller (rows and this module's columns); none by default. */
    default List<HomeTable> tables() {
        return List.of();
    }

    /** Columns this module adds to another module's home table ({@link HomeColumn#tableId}); none by default. */
    default List<HomeColumn> columns() {
        return List.of();
    }
}
