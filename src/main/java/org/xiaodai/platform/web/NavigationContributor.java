package org.xiaodai.platform.web;

import java.util.List;

/**
 * Implemented by a module (as a Spring bean) to put its pages into the main navigation, so a new
 * module adds pages without editing the layout.
 */
@FunctionalInterface
public interface NavigationContributor {

    /** This module's entries; the shell filters them by permission and sorts them by order. */
    List<NavigationItem> navigationItems();
}
