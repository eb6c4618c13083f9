package org.xiaodai.product.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.product.internal.ProductCatalogue;

/** Puts the product catalogue and the LPR table into the main navigation, and the number of products on the home page. */
@Component
class ProductWebShell implements NavigationContributor, HomeTileContributor {

    private final ProductCatalogue catalogue;

    ProductWebShell(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<HomeTile> homeTiles() {
        boolean sees = CurrentUsers.current().map(u -> u.permissions().contains("product:view")).orElse(false);
        return sees ? List.of(new HomeTile("product.home.products", catalogue.list().size(), "/products")) : List.of();
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("product.nav.products", "/products", "product:view", 300),
                new NavigationItem("product.nav.lpr", "/lpr", "product:lpr:view", 310));
    }
}
