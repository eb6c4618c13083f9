package org.xiaodai.calculator.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the loan calculator into the main navigation and among everyone's home shortcuts; it needs no permission. */
@Component
class CalculatorWebShell implements NavigationContributor, HomeTileContributor {

    @Override
    public List<HomeTile> homeTiles() {
        return List.of();
    }

    @Override
    public List<HomeShortcut> shortcuts() {
        return List.of(new HomeShortcut("nav.calculator", "/calculator", 50));
    }


    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("nav.calculator", "/calculator", null, 50));
    }
}
