package org.xiaodai.risk.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomePanel;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.risk.internal.AlertService;

/** The alert workbench and the rules in the navigation; open alerts and the unread inbox on the home page. */
@Component
class RiskWebShell implements NavigationContributor, HomeTileContributor {

    private final AlertService alerts;

    RiskWebShell(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("risk.nav.alerts", "/risk/alerts", "risk:view", 700),
                new NavigationItem("risk.nav.rules", "/risk/rules", "risk:view", 710));
    }

    @Override
    public List<HomeTile> homeTiles() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("risk:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        long open = alerts.openBySeverity(caller.get()).values().stream().mapToLong(Long::longValue).sum();
        return List.of(new HomeTile("risk.home.openAlerts", open, "/risk/alerts?status=OPEN"));
    }

    @Override
    public List<HomePanel> panels() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("risk:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        List<HomePanel.Line> lines = new ArrayList<>();
        for (var n : alerts.inbox(caller.get(), 5)) {
            var a = n.alert();
            lines.add(new HomePanel.Line(a.ruleCode() + (a.subjectLabel() == null ? "" : " · " + a.subjectLabel()),
                    "risk.severity." + a.severity(), true, n.createdAt(), "/risk/alerts/" + a.id()));
        }
        return List.of(new HomePanel("risk.home.inbox", lines, "/risk/alerts", "risk.home.inboxEmpty", 120));
    }
}
