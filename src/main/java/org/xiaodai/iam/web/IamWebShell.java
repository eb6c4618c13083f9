package org.xiaodai.iam.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.HomePanel;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.platform.web.ShellUser;
import org.xiaodai.platform.web.ShellUserSource;

/**
 * What identity and access gives the web shell: its navigation entries, the signed-in user for the
 * header, and the caller's work on the home page ({@link IamHome}).
 */
@Component
class IamWebShell implements NavigationContributor, ShellUserSource, HomeTileContributor {

    private final Organisations organisations;
    private final Users users;
    private final IamHome home;

    IamWebShell(Organisations organisations, Users users, IamHome home) {
        this.organisations = organisations;
        this.users = users;
        this.home = home;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("nav.institutions", "/institutions", Permission.INSTITUTION_MANAGE.code(), 100),
                // the regulator supervises the institutions: its list is in the regulator's menu too
                new NavigationItem("nav.institutions", "/institutions", SUPERVISION_VIEW, 100),
                new NavigationItem("nav.branches", "/branches", Permission.BRANCH_MANAGE.code(), 110),
                new NavigationItem("nav.users", "/users", Permission.USER_VIEW.code(), 120),
                new NavigationItem("nav.roles", "/roles", Permission.ROLE_MANAGE.code(), 130),
                new NavigationItem("nav.changes", "/changes", Permission.CHANGE_APPROVE.code(), 140),
                new NavigationItem("nav.tokens", "/tokens", Permission.TOKEN_MANAGE.code(), 150));
    }

    static final String SUPERVISION_VIEW = "supervision:view";

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
        return CurrentUsers.current().map(home::tiles).orElse(List.of());
    }

    @Override
    public List<HomeShortcut> shortcuts() {
        return CurrentUsers.current().map(home::shortcuts).orElse(List.of());
    }

    @Override
    public List<HomePanel> panels() {
        return CurrentUsers.current().map(home::panels).orElse(List.of());
    }
}
