package org.xiaodai.approval.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.approval.internal.ApprovalService;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** The approval queue and the authority matrix in the navigation; the caller's waiting decisions on the home page. */
@Component
class ApprovalWebShell implements NavigationContributor, HomeTileContributor {

    private final ApprovalService approvals;

    ApprovalWebShell(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("approval.nav.queue", "/approval/queue", "loan:approve:l1", 420),
                new NavigationItem("approval.nav.matrix", "/approval/matrix", "approval:matrix:manage", 430));
    }

    @Override
    public List<HomeTile> homeTiles() {
        return CurrentUsers.current().filter(c -> c.permissions().contains("loan:approve:l1"))
                .map(c -> List.of(new HomeTile("approval.home.tile.queue", approvals.queue(c).size(), "/approval/queue")))
                .orElse(List.of());
    }
}
