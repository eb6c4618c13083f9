package org.xiaodai.reporting.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.HomeColumn;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.reporting.internal.ReturnService;

/**
 * The reporting console and the regulator's inbox in the navigation; submissions waiting and late returns on the home
 * page, and each institution's late return on the regulator's table of institutions.
 */
@Component
class ReportingWebShell implements NavigationContributor, HomeTileContributor {

    /** The regulator's home table of institutions ({@code supervision}'s), which this module adds the late return to. */
    static final String INSTITUTIONS_TABLE = "home-institutions";

    private final ReturnService returns;
    private final InstitutionDirectory directory;
    private final MessageSource messages;

    ReportingWebShell(ReturnService returns, InstitutionDirectory directory, MessageSource messages) {
        this.returns = returns;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Per institution on the regulator's home table: its previous month's return when it is late (the period and the
     * days past the 5th, marked, leading to the inbox), or that it is not late.
     */
    @Override
    public List<HomeColumn> columns() {
        var caller = CurrentUsers.current().filter(u -> u.permissions().contains("reporting:submission:view"));
        if (caller.isEmpty()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        var lenders = directory.lenders();
        Map<String, HomeColumn.Cell> cells = new HashMap<>();
        lenders.forEach(l -> cells.put(l.id().toString(),
                new HomeColumn.Cell(messages.getMessage("reporting.home.notLate", null, locale), false, null)));
        for (var late : returns.late(lenders)) {
            cells.put(late.institutionId().toString(), new HomeColumn.Cell(messages.getMessage("reporting.home.lateCell",
                    new Object[] {late.period(), late.daysLate()}, locale), true, "/supervision/submissions"));
        }
        return List.of(new HomeColumn(INSTITUTIONS_TABLE, "reporting.home.lateColumn", cells, 70));
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
