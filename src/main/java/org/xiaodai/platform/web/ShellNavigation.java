package org.xiaodai.platform.web;

import java.util.List;

import org.springframework.stereotype.Component;

/** The shell's own entries: the home page. */
@Component
class ShellNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("nav.home", "/", null, 0));
    }
}
