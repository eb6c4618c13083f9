package org.xiaodai.customer.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.customer.internal.CustomerService;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** The customer module's navigation entries and home-page figure. */
@Component
class CustomerWebShell implements NavigationContributor, HomeTileContributor {

    private final CustomerService customers;

    CustomerWebShell(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("customer.nav.customers", "/customers", "customer:view", 200),
                new NavigationItem("customer.nav.blacklist", "/blacklist", "customer:blacklist:check", 210));
    }

    @Override
    public List<HomeTile> homeTiles() {
        return CurrentUsers.current().filter(c -> c.permissions().contains("customer:view"))
                .map(c -> List.of(new HomeTile("customer.home.tile.customers", customers.count(c), "/customers")))
                .orElse(List.of());
    }
}
