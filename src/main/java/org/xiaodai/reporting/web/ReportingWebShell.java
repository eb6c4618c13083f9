package org.xiaodai.reporting.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.reporting.internal.ReturnService;

/** The reporting console and the regulator's inbox in the navigation; submissions waiting and late returns on the home page. */
@Component
class ReportingWebShell implements NavigationContributor, HomeTileContributor {

    private final ReturnService returns;
    private final InstitutionDirectory directory;

    ReportingWebShell(ReturnService returns, InstitutionDirectory directory) {
        this.returns = returns;
        this.directory = directory;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("reporting.nav.console", "/reporting", "reporting:return:view", 720),
                new NavigationItem("reporting.nav.inbox", "/supervision/submissions", "reporting:submission:view", 725));
    }

    @Override
    public List<HomeTile> homeTiles() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("reporting:submission:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        return List.of(new HomeTile("reporting.home.waiting", returns.inbox("SUBMITTED").size(),
                        "/supervision/submissions?status=SUBMITTED"),
                new HomeTile("reporting.home.late", returns.late(directory.lenders()).size(), "/supervision/submissions"));
    }
}
