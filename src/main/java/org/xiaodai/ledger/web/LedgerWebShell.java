package org.xiaodai.ledger.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the ledger (trial balance and reconciliation) into the navigation. */
@Component
class LedgerWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("ledger.nav.ledger", "/ledger", "ledger:view", 410));
    }
}
