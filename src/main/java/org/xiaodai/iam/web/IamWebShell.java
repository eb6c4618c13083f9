package org.xiaodai.iam.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.platform.web.ShellUser;
import org.xiaodai.platform.web.ShellUserSource;

/**
 * What identity and access gives the web shell: its navigation entries, the signed-in user for the
 * header, and the home-page figures (users, branches, pending approvals the caller can see).
 */
@Component
class IamWebShell implements NavigationContributor, ShellUserSource, HomeTileContributor {

    private final Organisations organisations;
    private final Users users;
    private final ChangeRequests changes;

    IamWebShell(Organisations organisations, Users users, ChangeRequests changes) {
        this.organisations = organisations;
        this.users = users;
        this.changes = changes;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("nav.institutions", "/institutions", Permission.INSTITUTION_MANAGE.code(), 100),
                new NavigationItem("nav.branches", "/branches", Permission.BRANCH_MANAGE.code(), 110),
                new NavigationItem("nav.users", "/users", Permission.USER_VIEW.code(), 120),
                new NavigationItem("nav.roles", "/roles", Permission.ROLE_MANAGE.code(), 130),
                new NavigationItem("nav.changes", "/changes", Permission.CHANGE_APPROVE.code(), 140),
                new NavigationItem("nav.tokens", "/tokens", Permission.TOKEN_MANAGE.code(), 150));
    }

    @Override
    public Optional<ShellUser> current() {
        return CurrentUsers.current().map(this::shellUser);
    }

    private ShellUser shellUser(CurrentUser caller) {
        String organisation = organisations.get(caller, caller.organisationId()).name();
        List<String> roles = users.get(caller, caller.userId()).roles();
        return new ShellUser(caller.username(), caller.displayName(), caller.organisationId(), organisation,
                caller.seesAllInstitutions(), roles, caller.permissions().stream().sorted().toList());
    }

    @Override
    public List<HomeTile> homeTiles() {
        Optional<CurrentUser> current = CurrentUsers.current();
        if (current.isEmpty()) {
            return List.of();
        }
        CurrentUser caller = current.get();
        List<HomeTile> tiles = new ArrayList<>();
        if (caller.seesAllInstitutions()) {
            long lenders = lenders(caller).size();
            tiles.add(new HomeTile("home.tile.institutions", lenders,
                    caller.has(Permission.INSTITUTION_MANAGE) ? "/institutions" : null));
        }
        if (caller.has(Permission.USER_VIEW)) {
            tiles.add(new HomeTile("home.tile.users", users.visibleTo(caller).size(), "/users"));
        }
        tiles.add(new HomeTile("home.tile.branches", organisations.branchCount(caller),
                caller.has(Permission.BRANCH_MANAGE) ? "/branches" : null));
        if (caller.has(Permission.CHANGE_APPROVE) || caller.has(Permission.ROLE_GRANT)) {
            tiles.add(new HomeTile("home.tile.pendingChanges", changes.visibleTo(caller, true).size(), "/changes"));
        }
        return tiles;
    }

    private List<Organisations.OrganisationView> lenders(CurrentUser caller) {
        return organisations.visibleTo(caller).stream().filter(o -> o.kind() == OrganisationKind.LENDER).toList();
    }
}
