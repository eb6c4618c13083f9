package org.xiaodai.supervision.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomePanel;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTable;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.supervision.internal.ComplaintService;
import org.xiaodai.supervision.internal.LoanFeedService;
import org.xiaodai.supervision.internal.RegistryService;

/**
 * Supervision's pages in the navigation; on the regulator's home page the institutions with their key
 * indicators and complaints (a table others add columns to) and the latest loan events, and complaints past
 * their deadline for whoever handles them.
 */
@Component
class SupervisionWebShell implements NavigationContributor, HomeTileContributor {

    private final RegistryService registry;
    private final ComplaintService complaints;
    private final LoanFeedService feed;
    private final org.springframework.context.MessageSource messages;

    SupervisionWebShell(RegistryService registry, ComplaintService complaints, LoanFeedService feed,
                        org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.feed = feed;
        this.registry = registry;
        this.complaints = complaints;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("supervision.nav.overview", "/supervision", "supervision:view", 600),
                new NavigationItem("supervision.nav.region", "/supervision/region", "supervision:region:view", 605),
                new NavigationItem("supervision.nav.inspections", "/supervision/inspections", "supervision:view", 610),
                new NavigationItem("supervision.nav.inspections", "/supervision/inspections", "supervision:own:view", 610),
                new NavigationItem("supervision.nav.feed", "/supervision/feed", "supervision:view", 615),
                new NavigationItem("supervision.nav.feed", "/supervision/feed", "supervision:own:view", 615),
                new NavigationItem("supervision.nav.complaints", "/complaints", "supervision:complaint:view", 620));
    }

    @Override
    public List<HomeTile> homeTiles() {
        // for whoever handles complaints (the institution answering, the regulator resolving), not the borrower filing them
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("supervision:complaint:respond")
                || u.permissions().contains("supervision:complaint:resolve"));
        if (caller.isEmpty()) {
            return List.of();
        }
        var stats = complaints.statistics(caller.get());
        return List.of(new HomeTile("supervision.home.openComplaints", stats.routed() + stats.responded(), "/complaints"),
                new HomeTile("supervision.home.overdueComplaints", stats.overdue(), "/complaints?status=ROUTED"));
    }

    @Override
    public List<HomeShortcut> shortcuts() {
        var caller = CurrentUsers.current();
        List<HomeShortcut> shortcuts = new ArrayList<>();
        if (caller.map(u -> u.permissions().contains("supervision:view")).orElse(false)) {
            shortcuts.add(new HomeShortcut("supervision.nav.overview", "/supervision", 600));
        }
        if (caller.map(u -> u.permissions().contains("supervision:region:view") && !u.permissions().contains("supervision:view"))
                .orElse(false)) {
            shortcuts.add(new HomeShortcut("supervision.nav.region", "/supervision/region", 605));
        }
        return shortcuts;
    }

    @Override
    public List<HomePanel> panels() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("supervision:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        List<HomePanel.Line> events = feed.page(caller.get(), org.xiaodai.shared.query.ListQuery.of(null, null, null, "1", "5",
                LoanFeedService.SORTING), null, null).items().stream().map(e -> new HomePanel.Line(
                e.institutionCode() + " · " + (e.contractNumber() == null ? e.loanId().toString().substring(0, 8) : e.contractNumber())
                        + (e.amount() == null ? "" : " · " + e.amount()),
                "supervision.feed.kind." + e.kind(), true, e.recordedAt(), "/supervision/feed")).toList();
        return List.of(new HomePanel("supervision.home.feed", events, "/supervision/feed", "supervision.feed.none", 95));
    }

    /** The regulator's table of institutions with their key indicators ({@link HomeInstitutions}). */
    @Override
    public List<HomeTable> tables() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("supervision:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return List.of(HomeInstitutions.table(registry.overview(caller.get()),
                status -> messages.getMessage("supervision.status." + status, null, status, locale)));
    }
}
