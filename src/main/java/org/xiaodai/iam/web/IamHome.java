package org.xiaodai.iam.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditFilter;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.HomePanel;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.shared.query.ListQuery;

/**
 * Identity and access's part of the home page, by what the caller does: an administrator sees the
 * approvals waiting, locked users and the latest sign-ins; an approver what waits for them; the
 * regulator the institutions it supervises, each with its status and a link; everyone only the
 * shortcuts they may use.
 */
@Component
class IamHome {

    static final int LINES = 5;
    private final Organisations organisations;
    private final Users users;
    private final ChangeRequests changes;
    private final AuditTrail audit;

    IamHome(Organisations organisations, Users users, ChangeRequests changes, AuditTrail audit) {
        this.organisations = organisations;
        this.users = users;
        this.changes = changes;
        this.audit = audit;
    }

    List<HomeTile> tiles(CurrentUser caller) {
        List<HomeTile> tiles = new ArrayList<>();
        if (caller.has(Permission.CHANGE_APPROVE) || caller.has(Permission.ROLE_GRANT)) {
            tiles.add(new HomeTile("console.home.pendingChanges", pending(caller, 1).total(), "/changes"));
        }
        if (caller.has(Permission.USER_MANAGE)) {
            // counted by the database, not by loading every user of the institution
            long locked = users.page(caller, ListQuery.of(null, null, null, null, "1", Users.SORTING), "locked").total();
            tiles.add(new HomeTile("console.home.lockedUsers", locked, "/users?status=locked"));
        }
        if (caller.isRegulator() || caller.isPlatform()) {
            tiles.add(new HomeTile("console.home.institutions", lenders(caller).size(), "/institutions"));
        }
        return tiles;
    }

    List<HomeShortcut> shortcuts(CurrentUser caller) {
        List<HomeShortcut> shortcuts = new ArrayList<>();
        if (caller.has(Permission.USER_MANAGE)) {
            shortcuts.add(new HomeShortcut("iam.users.new", "/users/new", 120));
        }
        if (caller.has(Permission.BRANCH_MANAGE)) {
            shortcuts.add(new HomeShortcut("nav.branches", "/branches", 110));
        }
        if (caller.has(Permission.CHANGE_APPROVE)) {
            shortcuts.add(new HomeShortcut("nav.changes", "/changes", 140));
        }
        if (caller.isRegulator() || caller.has(Permission.INSTITUTION_MANAGE)) {
            shortcuts.add(new HomeShortcut("nav.institutions", "/institutions", 100));
        }
        return shortcuts;
    }

    List<HomePanel> panels(CurrentUser caller) {
        List<HomePanel> panels = new ArrayList<>();
        if (caller.has(Permission.CHANGE_APPROVE)) {
            panels.add(new HomePanel("console.home.waiting", pending(caller, LINES).items().stream()
                    .map(c -> new HomePanel.Line(c.summary(), c.requestedBy(), false, c.requestedAt(), "/changes"))
                    .toList(), "/changes", "console.home.nothingWaiting", 140));
        }
        if (caller.has(Permission.USER_MANAGE) && caller.has(Permission.USER_VIEW)) {
            panels.add(new HomePanel("console.home.recentSignIns", recentSignIns().stream()
                    .map(e -> new HomePanel.Line(e.actorName(), null, false, e.occurredAt(),
                            e.actorId() == null ? null : "/users/" + e.actorId()))
                    .toList(), "/audit?action=iam.login.succeeded", "console.home.noSignIns", 150));
        }
        if (caller.isRegulator() || caller.isPlatform()) {
            panels.add(new HomePanel("console.home.supervised", lenders(caller).stream()
                    .map(o -> new HomePanel.Line(o.name(), "enum.organisationStatus." + o.status(), true, null,
                            "/institutions/" + o.id() + "/branches"))
                    .toList(), "/institutions", "console.home.noInstitutions", 100));
        }
        return panels;
    }

    private org.xiaodai.shared.query.PageResult<ChangeRequests.ChangeRequestView> pending(CurrentUser caller, int size) {
        return changes.page(caller, true, ListQuery.of(null, null, null, null, String.valueOf(size), ChangeRequests.SORTING));
    }

    private List<AuditEntryView> recentSignIns() {
        AuditFilter signIns = new AuditFilter(null, null, null, "iam.login.succeeded", null, null);
        return audit.search(signIns, ListQuery.of(null, null, null, null, String.valueOf(LINES), AuditTrail.SORTING)).items();
    }

    private List<Organisations.OrganisationView> lenders(CurrentUser caller) {
        return organisations.visibleTo(caller).stream().filter(o -> o.kind() == OrganisationKind.LENDER).toList();
    }
}
