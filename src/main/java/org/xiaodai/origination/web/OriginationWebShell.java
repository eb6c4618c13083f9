package org.xiaodai.origination.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts applications and the new-application form into the main navigation. */
@Component
class OriginationWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("origination.nav.applications", "/applications", "application:view", 400),
                new NavigationItem("origination.nav.newApplication", "/applications/new", "application:create", 410));
    }
}
