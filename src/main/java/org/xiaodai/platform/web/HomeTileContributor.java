package org.xiaodai.platform.web;

import java.util.List;

/**
 * Implemented by a module to show its key figures on the home page. Called once per home page
 * view for the signed-in caller; returns only what that caller may see (empty when nothing).
 */
@FunctionalInterface
public interface HomeTileContributor {

    List<HomeTile> homeTiles();
}
