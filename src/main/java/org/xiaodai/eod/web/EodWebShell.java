package org.xiaodai.eod.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the end-of-day console into the main navigation. */
@Component
class EodWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("eod.nav", "/eod", "eod:view", 700));
    }
}
