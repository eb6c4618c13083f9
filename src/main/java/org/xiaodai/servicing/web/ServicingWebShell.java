package org.xiaodai.servicing.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.DataScope;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** Puts the loans into the navigation, and the caller's overdue loans on the home page. */
@Component
class ServicingWebShell implements NavigationContributor, HomeTileContributor {

    private final JdbcClient jdbc;

    ServicingWebShell(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeTile> homeTiles() {
        CurrentUser caller = CurrentUsers.current().orElse(null);
        if (caller == null || !caller.permissions().contains("loan:view") || caller.seesAllInstitutions()) {
            return List.of();
        }
        DataScope.Predicate visible = caller.scope().predicate("l", "branch_path", "officer_id");
        long overdue = jdbc.sql("select count(*) from servicing_loan l where l.status = 'OVERDUE' and " + visible.sql())
                .params(visible.parameters()).query(Long.class).single();
        return List.of(new HomeTile("servicing.home.overdue", overdue, "/loans?status=OVERDUE"));
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("servicing.nav.loans", "/loans", "loan:view", 400));
    }
}
