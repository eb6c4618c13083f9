package org.xiaodai.product.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the product catalogue and the LPR table into the main navigation. */
@Component
class ProductWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("product.nav.products", "/products", "product:view", 300),
                new NavigationItem("product.nav.lpr", "/lpr", "product:lpr:view", 310));
    }
}
