package org.xiaodai.risk.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.HomeColumn;
import org.xiaodai.platform.web.HomePanel;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.risk.internal.AlertService;

/**
 * The alert workbench and the rules in the navigation; open alerts and the unread inbox on the home page, and the
 * open alerts per institution on the regulator's table of institutions.
 */
@Component
class RiskWebShell implements NavigationContributor, HomeTileContributor {

    /** The regulator's home table of institutions ({@code supervision}'s), which this module adds open alerts to. */
    static final String INSTITUTIONS_TABLE = "home-institutions";

    private final AlertService alerts;
    private final InstitutionDirectory directory;

    RiskWebShell(AlertService alerts, InstitutionDirectory directory) {
        this.alerts = alerts;
        this.directory = directory;
    }

    /** Open (not yet resolved) alerts per institution on the regulator's home table, leading to the workbench filtered to it. */
    @Override
    public List<HomeColumn> columns() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("risk:view") && u.isRegulator());
        if (caller.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> open = alerts.openByInstitution(caller.get());
        Map<String, HomeColumn.Cell> cells = new HashMap<>();
        for (var institution : directory.lenders()) {
            long count = open.getOrDefault(institution.id(), 0L);
            cells.put(institution.id().toString(), new HomeColumn.Cell(Long.toString(count), count > 0,
                    "/risk/alerts?institution=" + institution.id()));
        }
        return List.of(new HomeColumn(INSTITUTIONS_TABLE, "risk.home.openAlertsColumn", cells, 60));
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
