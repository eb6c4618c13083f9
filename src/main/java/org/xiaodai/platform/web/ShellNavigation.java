package org.xiaodai.platform.web;

import java.util.List;

import org.springframework.stereotype.Component;

/** The shell's own entries: the home page, and on it the shortcut every signed-in user has. */
@Component
class ShellNavigation implements NavigationContributor, HomeTileContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("nav.home", "/", null, 0));
    }

    @Override
    public List<HomeTile> homeTiles() {
        return List.of();
    }

    @Override
    public List<HomeShortcut> shortcuts() {
        return List.of(new HomeShortcut("layout.changePassword", "/account/password", 990));
    }
}
