package org.xiaodai.calculator.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the loan calculator into the main navigation; it needs no permission. */
@Component
class CalculatorWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("nav.calculator", "/calculator", null, 50));
    }
}
