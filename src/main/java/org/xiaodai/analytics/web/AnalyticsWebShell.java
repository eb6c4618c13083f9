package org.xiaodai.analytics.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.platform.web.HomeTileContributor;

/** The dashboards in the navigation and as a shortcut on the home page. */
@Component
class AnalyticsWebShell implements NavigationContributor, HomeTileContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("analytics.nav.dashboard", "/analytics", "analytics:region:view", 640),
                new NavigationItem("analytics.nav.dashboard", "/analytics", "analytics:view", 640));
    }

    @Override
    public List<HomeTile> homeTiles() {
        return List.of();
    }

    @Override
    public List<HomeShortcut> shortcuts() {
        List<HomeShortcut> shortcuts = new ArrayList<>();
        CurrentUsers.current().ifPresent(u -> {
            if (u.permissions().contains("analytics:region:view")) {
                shortcuts.add(new HomeShortcut("analytics.nav.dashboard", "/analytics/region", 640));
            } else if (u.permissions().contains("analytics:view")) {
                shortcuts.add(new HomeShortcut("analytics.nav.dashboard", "/analytics", 640));
            }
        });
        return shortcuts;
    }
}
