package org.xiaodai.collection.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** The collection module's navigation entry. */
@Component
class CollectionWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("collection.nav.queue", "/collections", "collection:work", 600));
    }
}
