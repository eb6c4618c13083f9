package org.xiaodai.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The navigation registry: every contributed entry, and the ones a given caller may see. */
@Component
public class Navigation {

    private final List<NavigationItem> items;

    Navigation(List<NavigationContributor> contributors) {
        this.items = contributors.stream().flatMap(c -> c.navigationItems().stream())
                .sorted(Comparator.comparingInt(NavigationItem::order).thenComparing(NavigationItem::messageKey))
                .toList();
    }

    /** All entries, sorted. */
    public List<NavigationItem> all() {
        return items;
    }

    /**
     * Entries the holder of {@code authorities} (permission codes) may see, sorted; one per page
     * (a page offered under two permissions shows once).
     */
    public List<NavigationItem> visibleWith(Set<String> authorities) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return items.stream().filter(i -> i.visibleWith(authorities)).filter(i -> seen.add(i.url())).toList();
    }
}
