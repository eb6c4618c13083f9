package org.xiaodai.scoring.internal;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

/**
 * Scoring's permissions and who holds them, its navigation entry and its home tile. Viewing
 * models, building (training) them, approving and activating them, and scoring are separate
 * powers; the risk manager and the institution administrator hold all four, approvers and
 * reviewers may look and score, loan officers may score.
 */
@Component
class ScoringAccess implements AccessContributor, NavigationContributor, HomeTileContributor {

    static final String VIEW = "scoring:model:view";
    static final String BUILD = "scoring:model:build";
    static final String APPROVE = "scoring:model:approve";
    static final String SCORE = "scoring:score";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ScoringAccess(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(VIEW, LENDER), PermissionDefinition.of(BUILD, LENDER),
                PermissionDefinition.of(APPROVE, LENDER), PermissionDefinition.of(SCORE, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(VIEW, BUILD, APPROVE, SCORE),
                "RISK_MANAGER", Set.of(VIEW, BUILD, APPROVE, SCORE),
                "APPROVER", Set.of(VIEW, SCORE),
                "REVIEWER", Set.of(VIEW, SCORE),
                "LOAN_OFFICER", Set.of(SCORE));
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("scoring.nav.models", "/scoring/models", VIEW, 500));
    }

    @Override
    public List<HomeTile> homeTiles() {
        boolean allowed = CurrentUsers.current().map(u -> u.permissions().contains(VIEW) && !u.seesAllInstitutions())
                .orElse(false);
        if (!allowed) {
            return List.of();
        }
        long alerts = transactions.execute(tx -> jdbc.sql("select count(*) from scoring_alert").query(Long.class).single());
        return List.of(new HomeTile("scoring.tile.alerts", alerts, "/scoring/models"));
    }
}
